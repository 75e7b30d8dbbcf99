import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, gql, signIn } from './support/session';

let crm: RunningCrm;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Record<string, Page> = {};

beforeAll(async () => {
  [crm, browser] = await Promise.all([startCrm(), launchBrowser()]);
});
afterAll(async () => {
  for (const [name, p] of Object.entries(pages)) await snapshot(p, `requests-journey-${name}`).catch(() => undefined);
  await browser?.close();
  await crm?.stop();
});

/** Waits until the element with the test id reads exactly `text` (it changes live, without a reload). */
async function waitForText(page: Page, testId: string, text: string) {
  await page.waitForFunction(
    ([id, expected]) => (document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.innerText.trim() === expected,
    [testId, text] as const,
    { timeout: 30_000 },
  );
}

/** A separate browser (its own cookies) for each person of the journey. */
async function personPage(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  pages[name] = page;
  return page;
}

const stamp = Date.now();
const SUPERVISOR = { email: `supervisor-${stamp}@e2e.crm`, password: 'Supervisor-pass-2026' };
const MANAGER = { email: `manager-${stamp}@e2e.crm`, password: 'Manager-pass-2026!' };

test('a manager registers a critical claim and applies a suggested solution; the supervisor is told live, confirms and closes', async () => {
  // Set-up as the administrator: a supervisor, a manager in their team, the manager's client, a published solution.
  const admin = await personPage('admin');
  await signIn(admin, crm, ADMIN);
  const createUser = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
  const supervisor = (await gql(admin, crm, createUser, { i: { ...SUPERVISOR, fullName: 'Светлана Руководитель', role: 'SUPERVISOR' } })).createUser;
  const manager = (await gql(admin, crm, createUser, { i: { ...MANAGER, fullName: 'Максим Менеджер', role: 'MANAGER', supervisorId: supervisor.id } })).createUser;
  const client = `Сигма ${stamp}`;
  await gql(admin, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, { i: { name: client, responsibleId: manager.id } });
  const solutionTitle = `Принтер не печатает после обновления драйвера ${stamp}`;
  const solutionBody = 'Удалите драйвер принтера, перезагрузите компьютер и установите драйвер версии 5.2 с сайта производителя.';
  const { createKnowledgeArticle: article } = await gql(
    admin,
    crm,
    `mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id } }`,
    { i: { kind: 'SOLUTION', title: solutionTitle, body: solutionBody, keywords: ['принтер', 'драйвер'], published: true } },
  );

  // The supervisor works on the Requests tab; nothing is open in their team yet.
  const sup = await personPage('supervisor');
  await signIn(sup, crm, SUPERVISOR);
  await sup.click(byTestId('tab-requests'));
  await sup.waitForSelector(byTestId('requests-critical-count'));
  await expect(sup.locator(byTestId('requests-critical-count')).innerText()).resolves.toBe('0');

  // The manager registers the client's claim from quick launch, marks it critical and describes it.
  const mgr = await personPage('manager');
  await signIn(mgr, crm, MANAGER);
  await mgr.click(byTestId('quick-new-request'));
  const subject = `Не печатает принтер ${stamp}`;
  await mgr.locator(byTestId('request-kind')).selectOption('CLAIM');
  await mgr.locator(byTestId('request-channel')).selectOption('PHONE');
  await mgr.locator(byTestId('request-priority')).selectOption('HIGH');
  await mgr.fill(byTestId('request-subject'), subject);
  await mgr.fill(byTestId('request-counterparty'), client);
  await mgr.locator('[role="option"]', { hasText: client }).click();
  await mgr.check(byTestId('request-critical'));
  // While the description is typed, the matching solution is offered; the manager applies it.
  await mgr.locator(byTestId('request-description')).pressSequentially('После обновления драйвера принтер перестал печатать документы', { delay: 5 });
  const suggestion = mgr.locator(byTestId('solution-suggestion'), { hasText: solutionTitle });
  await suggestion.waitFor();
  await suggestion.locator(byTestId('solution-apply')).click();
  await suggestion.locator(byTestId('solution-applied')).waitFor();
  await mgr.click(byTestId('request-save'));
  await mgr.waitForSelector(`${byTestId('request-title')}:has-text("${subject}")`);
  await expect(mgr.locator(byTestId('request-state')).getAttribute('data-state')).resolves.toBe('REGISTERED');

  // Without reloading, the supervisor gets the notification, the badge and the control list change.
  const popup = sup.locator(byTestId('notification-popup'));
  await popup.waitFor({ timeout: 30_000 });
  await expect(popup.innerText()).resolves.toContain(subject);
  await expect(popup.getAttribute('data-kind')).resolves.toBe('CLIENT_REQUEST_CRITICAL');
  await waitForText(sup, 'requests-critical-count', '1');
  await waitForText(sup, 'requests-count', '1');
  await waitForText(sup, 'reminder-count', '1');

  // The supervisor opens the request from the notification centre; opening it marks the notification read.
  await sup.click(byTestId('reminder-bell'));
  const item = sup.locator(byTestId('notification-item'), { hasText: subject });
  await expect(item.getAttribute('data-read')).resolves.toBe('false');
  await item.click();
  await sup.waitForSelector(`${byTestId('request-title')}:has-text("${subject}")`);
  await sup.locator(`${byTestId('request-state')}[data-state="REGISTERED"]`).waitFor();
  await sup.locator(byTestId('reminder-count')).waitFor({ state: 'hidden' });
  await sup.locator(byTestId('notification-popup')).waitFor({ state: 'hidden' });

  // The manager takes it into work and resolves it with the applied article: the solution starts from its text.
  await mgr.click(byTestId('request-take'));
  await mgr.locator(`${byTestId('request-state')}[data-state="IN_PROGRESS"]`).waitFor();
  // A call back to the client, entered based on the request (the event form, its counterparty filled in): the card lists it.
  await mgr.click(byTestId('request-new-event'));
  const callBack = `Перезвонить по обращению ${stamp}`;
  await mgr.fill(byTestId('event-subject'), callBack);
  await expect(mgr.locator(byTestId('event-counterparty')).inputValue()).resolves.toBe(client);
  await mgr.click(byTestId('event-save'));
  await mgr.locator(byTestId('request-event-row'), { hasText: callBack }).waitFor();
  await mgr.click(byTestId('card-tab-main'));
  await mgr.click(byTestId('request-resolve'));
  await expect(mgr.locator(byTestId('resolve-article')).inputValue()).resolves.toBe(solutionTitle);
  await mgr.waitForFunction((id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLTextAreaElement | null)?.value.includes('версии 5.2'), 'resolve-solution');
  await mgr.click(byTestId('resolve-save'));
  await mgr.locator(`${byTestId('request-state')}[data-state="RESOLVED"]`).waitFor();
  await expect(mgr.locator(byTestId('request-article')).innerText()).resolves.toBe(solutionTitle);
  // A critical request waits for the supervisor: the manager cannot close it yet.
  await expect(mgr.locator(byTestId('request-close')).count()).resolves.toBe(0);

  // The supervisor's open card learns of the resolution live (the "confirm the closure" notification).
  const confirmPopup = sup.locator(`${byTestId('notification-popup')}[data-kind="CLIENT_REQUEST_CONFIRMATION_NEEDED"]`);
  await confirmPopup.waitFor({ timeout: 30_000 });
  await sup.locator(`${byTestId('request-state')}[data-state="RESOLVED"]`).waitFor({ timeout: 30_000 });
  await expect(sup.locator(byTestId('request-solution')).innerText()).resolves.toContain('версии 5.2');
  await sup.click(byTestId('request-confirm-closure'));
  await sup.click(byTestId('request-close'));
  await sup.locator(`${byTestId('request-state')}[data-state="CLOSED"]`).waitFor();
  // The pop-up marked read from its own button leaves the bell empty.
  await confirmPopup.locator(byTestId('notification-popup-read')).click();
  await sup.locator(byTestId('reminder-count')).waitFor({ state: 'hidden' });

  // The applied article is recorded with the request and its use counted.
  const { clientRequests } = await gql(admin, crm, `{ clientRequests(first: 5, filter: { search: "${stamp}" }) { edges { node { state solution knowledgeArticleId closureConfirmedById } } } }`);
  const saved = clientRequests.edges[0].node;
  expect(saved).toMatchObject({ state: 'CLOSED', knowledgeArticleId: article.id, closureConfirmedById: supervisor.id });
  expect(saved.solution).toContain('версии 5.2');
  const { knowledgeArticle } = await gql(admin, crm, `query($id: ID!) { knowledgeArticle(id: $id) { usageCount } }`, { id: article.id });
  expect(knowledgeArticle.usageCount).toBe(1);
}, 240_000);

test('the knowledge base finds an article by another word form with the match highlighted, and a <script> in its body stays inert', async () => {
  const page = await personPage('knowledge');
  await signIn(page, crm, ADMIN);
  const title = `Договор продления поддержки ${stamp}`;
  const body = ['**Важно:** договоры продления поддержки заключаются заранее.', '', '<script>window.__pwned=1</script>', '', '<img src="x" onerror="window.__pwned=2">', '', '[ссылка](javascript:window.__pwned=3)'].join('\n');
  const { createKnowledgeArticle } = await gql(page, crm, `mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id } }`, {
    i: { kind: 'INSTRUCTION', title, body, published: true },
  });

  // Search from the knowledge base page (reached from the side panel) by another form of the word.
  await page.click(byTestId('quick-knowledge'));
  await page.fill(byTestId('kb-search'), 'договоры продления');
  const hit = page.locator(byTestId('kb-hit'), { hasText: title });
  await hit.waitFor();
  await expect(hit.locator('mark').first().innerText()).resolves.toMatch(/^договор/i);

  await hit.locator(byTestId('kb-hit-title')).click();
  const rendered = page.locator(byTestId('kb-article-body'));
  await rendered.waitFor();
  await expect(rendered.locator('strong').innerText()).resolves.toBe('Важно:');
  await expect(rendered.locator('script, img[onerror], a[href^="javascript"]').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  expect(createKnowledgeArticle.id).toBeTruthy();
}, 120_000);
