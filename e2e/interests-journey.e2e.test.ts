import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, gql, signIn } from './support/session';
import en from '../apps/web/src/i18n/en.json';

let crm: RunningCrm;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [crm, browser] = await Promise.all([startCrm(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
  page = await context.newPage();
  await signIn(page, crm);
  // English texts, so the assertions below can read the translated messages from en.json.
  const toggle = page.locator(byTestId('lang-switch')).first();
  if ((await toggle.innerText()).trim().toLowerCase() === 'en') await toggle.click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}, 240_000); // a fresh embedded database migrates on start: slow on a busy machine
afterAll(async () => {
  await browser?.close();
  await crm?.stop();
});
afterEach(async () => {
  const name = expect.getState().currentTestName ?? 'interests';
  if (page) await snapshot(page, `interests-${name.replace(/\W+/g, '-').slice(0, 80)}`).catch(() => undefined);
});

interface Stage {
  id: string;
  name: string;
  semantic: 'IN_PROGRESS' | 'SUCCESS' | 'FAILURE';
}

async function defaultStages(): Promise<Stage[]> {
  const { salesScenarios } = await gql(page, crm, `{ salesScenarios { id isDefault stages { id name semantic sort } } }`);
  const scenario = salesScenarios.find((s: { isDefault: boolean }) => s.isDefault);
  return [...scenario.stages].sort((a: { sort: number }, b: { sort: number }) => a.sort - b.sort);
}

async function createCounterparty(name: string): Promise<string> {
  const { createCounterparty } = await gql(page, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, { i: { name } });
  return createCounterparty.id;
}

async function createInterest(counterpartyId: string, need: string, responsibleId?: string): Promise<{ id: string; number: string }> {
  const { createClientInterest } = await gql(
    page,
    crm,
    `mutation($i: CreateClientInterestInput!) { createClientInterest(input: $i) { id number } }`,
    { i: { counterpartyId, need, plannedAmount: '50000.00', responsibleId } },
  );
  return createClientInterest;
}

/** Waits until an input shows the value (React fills some after its first render). */
async function waitForValue(scope: Page | Locator, testId: string, value: string) {
  const input = scope.locator(byTestId(testId)).first();
  await input.waitFor();
  await input.evaluate(
    (el, expected) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if ((el as HTMLInputElement).value === expected) resolve();
          else if (Date.now() - started > 10_000) reject(new Error(`value is «${(el as HTMLInputElement).value}», expected «${expected}»`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    value,
  );
}

const column = (stageId: string) => page.locator(`${byTestId('board-column')}[data-stage-id="${stageId}"]`);
const card = (id: string) => page.locator(`${byTestId('interest-card')}[data-id="${id}"]`);

/** Drags with real pointer events in small steps, as a person does (@dnd-kit starts a drag after a few pixels). */
async function drag(source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  // Grip the card by its lower edge, away from the number link and the menu button.
  const x = from.x + 24;
  const y = from.y + from.height - 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 25 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + 124, { steps: 3 });
  await page.mouse.up();
}

test('a manager creates an interest with a product line from the counterparty card and sees it on the card', async () => {
  const suffix = Date.now();
  const clientName = `Альфа-Строй ${suffix}`;
  const counterpartyId = await createCounterparty(clientName);
  const productName = `Сервер стоечный ${suffix}`;
  await gql(page, crm, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { name: productName, price: '12345.67', vatRate: 'VAT_20', unit: 'шт' },
  });

  await page.goto(`${crm.url}/counterparties/${counterpartyId}`);
  await page.click(byTestId('card-new-interest'));
  // The counterparty comes filled in from the card.
  await waitForValue(page, 'interest-counterparty', clientName);

  // Saving without a need is refused at the field, before the server is asked.
  await page.click(byTestId('interest-save'));
  await page.locator(`text=${en.interests.form.needRequired}`).waitFor();

  await page.fill(byTestId('interest-need'), 'Два сервера с установкой до конца квартала');
  await page.click(byTestId('interest-line-add'));
  const line = page.locator(byTestId('interest-line')).first();
  await line.locator(byTestId('interest-line-product')).fill(productName.slice(0, 14));
  await page.locator(byTestId('product-option'), { hasText: productName }).click();
  // The price comes from the catalog; the line amount follows quantity × price.
  await waitForValue(line, 'interest-line-price', '12345.67');
  await line.locator(byTestId('interest-line-quantity')).fill('3');
  await line.locator(`${byTestId('interest-line-amount')}:has-text("37,037.01")`).waitFor();
  // A typing mistake is caught as you type.
  await line.locator(byTestId('interest-line-quantity')).fill('3,0001');
  await page.locator(`text=${en.salesForm.decimal.TOO_PRECISE.replace('{{scale}}', '3')}`).waitFor();
  await line.locator(byTestId('interest-line-quantity')).fill('3');
  await page.click(byTestId('interest-save'));

  await page.waitForSelector(`${byTestId('interest-title')}:has-text("CI-")`);
  await expect(page.locator(byTestId('interest-state')).getAttribute('data-state')).resolves.toBe('ACTIVE');
  await page.locator(`${byTestId('interest-planned-amount-value')}:has-text("37,037.01")`).waitFor();
  await expect(page.locator(byTestId('interest-line-row')).innerText()).resolves.toContain(productName);

  // The counterparty card lists it on its Interests tab.
  const number = (await page.locator(byTestId('interest-title')).innerText()).trim();
  await page.click(byTestId('interest-counterparty-link'));
  await page.click(byTestId('card-tab-interests'));
  await page.locator(byTestId('cp-interest-row'), { hasText: number }).waitFor();
});

test('dragging a card to the next stage moves it on the server and records the stage history', async () => {
  const stages = await defaultStages();
  const [first, second] = stages.filter((s) => s.semantic === 'IN_PROGRESS');
  const counterpartyId = await createCounterparty(`Бета ${Date.now()}`);
  const interest = await createInterest(counterpartyId, 'Лицензии на 50 рабочих мест');

  await page.goto(`${crm.url}/client-interests`);
  await page.waitForSelector(byTestId('interests-board'));
  await column(first!.id).locator(`${byTestId('interest-card')}[data-id="${interest.id}"]`).waitFor();
  const countBefore = Number(await column(second!.id).locator(byTestId('board-column-count')).innerText());

  await drag(card(interest.id), column(second!.id));

  // On the board at once, and after the server's answer the column counts it.
  await column(second!.id).locator(`${byTestId('interest-card')}[data-id="${interest.id}"]`).waitFor();
  await page.waitForFunction(
    ([stageId, expected]) =>
      document.querySelector(`[data-testid="board-column"][data-stage-id="${stageId}"] [data-testid="board-column-count"]`)?.textContent === String(expected),
    [second!.id, countBefore + 1] as const,
  );

  const { clientInterest, clientInterestStageHistory } = await gql(
    page,
    crm,
    `query($id: ID!) { clientInterest(id: $id) { state stage { id } probability }
       clientInterestStageHistory(id: $id, first: 10) { edges { node { fromStage { id } toStage { id } toState } } } }`,
    { id: interest.id },
  );
  expect(clientInterest.stage.id).toBe(second!.id);
  expect(clientInterest.state).toBe('ACTIVE');
  const history = clientInterestStageHistory.edges.map((e: { node: { fromStage: { id: string } | null; toStage: { id: string } } }) => e.node);
  expect(history).toHaveLength(2);
  expect(history[1].fromStage.id).toBe(first!.id);
  expect(history[1].toStage.id).toBe(second!.id);

  // The card's stage history tab shows the same.
  await page.goto(`${crm.url}/client-interests/${interest.id}?tab=stages`);
  await expect(page.locator(byTestId('interest-stage')).getAttribute('data-stage-id')).resolves.toBe(second!.id);
  const entries = page.locator(byTestId('stage-history-entry'));
  await entries.nth(1).waitFor();
  await expect(entries.count()).resolves.toBe(2);
  await expect(entries.nth(1).getAttribute('data-to-stage-id')).resolves.toBe(second!.id);
});

test('a move the server refuses goes back, with the reason shown', async () => {
  const stages = await defaultStages();
  const [first, second] = stages.filter((s) => s.semantic === 'IN_PROGRESS');
  // A manager's interest (this administrator sees every board but is not told of each change, so the board can be stale).
  const { createUser: owner } = await gql(page, crm, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { email: `gamma-${Date.now()}@e2e.crm`, password: 'Manager-pass-2026!', fullName: 'Гамма Менеджер', role: 'MANAGER' },
  });
  const counterpartyId = await createCounterparty(`Гамма ${Date.now()}`);
  const interest = await createInterest(counterpartyId, 'Обслуживание парка принтеров', owner.id);

  await page.goto(`${crm.url}/client-interests`);
  await column(first!.id).locator(`${byTestId('interest-card')}[data-id="${interest.id}"]`).waitFor();
  // Someone suspends it meanwhile; this board still shows it as movable.
  await gql(page, crm, `mutation($id: ID!) { suspendClientInterest(id: $id) { state } }`, { id: interest.id });

  await drag(card(interest.id), column(second!.id));

  const error = page.locator(byTestId('board-error'));
  await error.waitFor();
  await expect(error.innerText()).resolves.toContain(en.salesReason.NOT_ACTIVE);
  await column(first!.id).locator(`${byTestId('interest-card')}[data-id="${interest.id}"]`).waitFor();
  await expect(column(second!.id).locator(`${byTestId('interest-card')}[data-id="${interest.id}"]`).count()).resolves.toBe(0);
  const { clientInterest } = await gql(page, crm, `query($id: ID!) { clientInterest(id: $id) { state stage { id } } }`, { id: interest.id });
  expect(clientInterest).toEqual({ state: 'SUSPENDED', stage: { id: first!.id } });
});

test('another interest is marked lost from the board with a required reason, through the keyboard menu', async () => {
  const stages = await defaultStages();
  const failure = stages.find((s) => s.semantic === 'FAILURE')!;
  const counterpartyId = await createCounterparty(`Дельта ${Date.now()}`);
  const interest = await createInterest(counterpartyId, 'Видеонаблюдение для склада');
  const { lossReasons } = await gql(page, crm, `{ lossReasons { id name } }`);
  const reason = lossReasons[0];

  await page.goto(`${crm.url}/client-interests`);
  const target = card(interest.id);
  await target.waitFor();
  // The keyboard way: focus the card's menu button, open it, choose the «lost» stage.
  await target.locator(byTestId('interest-move-menu')).focus();
  await page.keyboard.press('Enter');
  await page.locator(`${byTestId('move-to-stage')}[data-stage-id="${failure.id}"]`).click();

  // The loss needs its reason: saving without one is refused in the dialog.
  const dialog = page.locator(byTestId('loss-dialog'));
  await dialog.waitFor();
  await page.click(byTestId('loss-save'));
  await dialog.locator(`text=${en.interests.lost.reasonRequired}`).waitFor();
  await page.locator(byTestId('loss-reason')).selectOption(reason.id);
  await page.fill(byTestId('loss-comment'), 'Выбрали поставщика дешевле');
  await page.click(byTestId('loss-save'));
  await dialog.waitFor({ state: 'hidden' });

  await column(failure.id).locator(`${byTestId('interest-card')}[data-id="${interest.id}"]`).waitFor();
  const { clientInterest } = await gql(page, crm, `query($id: ID!) { clientInterest(id: $id) { state stage { id } lossReason { id } lossComment } }`, { id: interest.id });
  expect(clientInterest).toEqual({ state: 'LOST', stage: { id: failure.id }, lossReason: { id: reason.id }, lossComment: 'Выбрали поставщика дешевле' });

  // Its card says why.
  await page.goto(`${crm.url}/client-interests/${interest.id}`);
  await expect(page.locator(byTestId('interest-state')).getAttribute('data-state')).resolves.toBe('LOST');
  await expect(page.locator(byTestId('interest-loss')).innerText()).resolves.toContain(reason.name);
});

test('on a phone the board scrolls sideways one column at a time and the list keeps its filters in the URL', async () => {
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 375, height: 740 });
  try {
    const stages = await defaultStages();
    const first = stages[0]!;
    await phone.goto(`${crm.url}/client-interests`);
    const board = phone.locator(byTestId('interests-board'));
    await board.waitFor();
    const widths = await board.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client); // the board scrolls inside itself…
    expect(widths.page).toBeLessThanOrEqual(375 + 1); // …instead of widening the page
    const columnWidth = await phone.locator(byTestId('board-column')).first().evaluate((el) => el.getBoundingClientRect().width);
    expect(columnWidth).toBeGreaterThan(widths.client * 0.8);
    await snapshot(phone, 'interests-board-phone');

    // The list view, filtered by stage: the filter is in the URL.
    await phone.click(byTestId('interests-view-list'));
    await phone.locator(byTestId('interests-stage-filter')).selectOption(first.id);
    await phone.waitForURL((url) => url.searchParams.get('view') === 'list' && url.searchParams.get('stage') === first.id);
    await phone.locator(byTestId('interests-grid')).waitFor();
  } finally {
    await phone.close();
  }
});

test("a supervisor's open board shows a manager's move live, without reloading", async () => {
  const stamp = Date.now();
  const SUPERVISOR = { email: `board-sup-${stamp}@e2e.crm`, password: 'Supervisor-pass-2026' };
  const MANAGER = { email: `board-mgr-${stamp}@e2e.crm`, password: 'Manager-pass-2026!' };
  const createUser = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
  const supervisor = (await gql(page, crm, createUser, { i: { ...SUPERVISOR, fullName: 'Светлана Руководитель', role: 'SUPERVISOR' } })).createUser;
  const manager = (await gql(page, crm, createUser, { i: { ...MANAGER, fullName: 'Максим Менеджер', role: 'MANAGER', supervisorId: supervisor.id } })).createUser;
  const { createCounterparty } = await gql(page, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, {
    i: { name: `Дельта ${stamp}`, responsibleId: manager.id },
  });
  const stages = await defaultStages();
  const [first, second] = stages.filter((s) => s.semantic === 'IN_PROGRESS');

  const people = await Promise.all([browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-US' }), browser.newContext()]);
  try {
    const [supPage, mgrPage] = await Promise.all(people.map((c) => c.newPage()));
    await signIn(mgrPage, crm, MANAGER);
    const { createClientInterest: interest } = await gql(mgrPage, crm, `mutation($i: CreateClientInterestInput!) { createClientInterest(input: $i) { id } }`, {
      i: { counterpartyId: createCounterparty.id, need: 'Видеонаблюдение на складе', plannedAmount: '80000.00' },
    });

    // The supervisor has the team's board open, the card in the first column.
    await signIn(supPage, crm, SUPERVISOR);
    await supPage.goto(`${crm.url}/client-interests`);
    const supCard = (stageId: string) => supPage.locator(`${byTestId('board-column')}[data-stage-id="${stageId}"] ${byTestId('interest-card')}[data-id="${interest.id}"]`);
    await supCard(first!.id).waitFor();
    // The push socket opens with the page's first subscription; give it a moment to be registered.
    await supPage.waitForTimeout(1500);

    // The manager moves it in their own browser; the supervisor's board follows by itself.
    await gql(mgrPage, crm, `mutation($id: ID!, $s: ID!) { moveClientInterestToStage(id: $id, stageId: $s) { id } }`, { id: interest.id, s: second!.id });
    await supCard(second!.id).waitFor({ timeout: 15_000 });
    await expect(supCard(first!.id).count()).resolves.toBe(0);
  } finally {
    await Promise.all(people.map((c) => c.close()));
  }
});
