import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, gql, signIn } from './support/session';
import en from '../apps/web/src/i18n/en.json';
import ru from '../apps/web/src/i18n/ru.json';

let crm: RunningCrm;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [crm, browser] = await Promise.all([startCrm(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await crm?.stop();
});

afterEach(async () => {
  // A picture of where a failed journey stopped, for a person to look at (e2e/artifacts/).
  const state = expect.getState();
  if (page && state.currentTestName && (state as { assertionCalls: number }).assertionCalls >= 0) {
    await snapshot(page, state.currentTestName.replace(/\W+/g, '-')).catch(() => undefined);
  }
});

/** Switches the interface to `lang` with the app bar's toggle (it shows the language it switches to). */
async function useLanguage(p: Page, lang: 'ru' | 'en') {
  const toggle = p.locator(byTestId('lang-switch')).first();
  if ((await toggle.innerText()).trim().toLowerCase() === lang) await toggle.click();
  await p.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test('a manager records a counterparty with two phones and a warehouse address, finds it by phone and reads its card in Russian', async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, crm);
  await useLanguage(page, 'en');

  // Create from the quick-launch panel.
  await page.click(byTestId('quick-new-counterparty'));
  const name = `Ромашка ${Date.now()}`;
  await page.fill(byTestId('cp-name'), name);
  await page.fill(byTestId('cp-inn'), '7707083893');

  const rows = [
    { type: 'PHONE', kind: en.kind.WORK_PHONE, value: '+7 (495) 765-43-21' },
    { type: 'PHONE', kind: en.kind.MOBILE_PHONE, value: '8 916 123 45 67' },
    { type: 'ADDRESS', kind: en.kind.WAREHOUSE_ADDRESS, value: 'Москва, ул. Складская, д. 7, стр. 2' },
  ];
  for (const [i, r] of rows.entries()) {
    await page.click(byTestId('ci-add'));
    const row = page.locator(byTestId(`ci-row-${i}`));
    await row.locator(byTestId('ci-type')).selectOption(r.type);
    await row.locator(byTestId('ci-kind')).selectOption({ label: r.kind });
    await row.locator(byTestId('ci-value')).fill(r.value);
  }
  await page.click(byTestId('cp-save'));
  await page.waitForSelector(`${byTestId('card-title')}:has-text("${name}")`);

  // Find it from the global search by typing the mobile phone in another writing.
  await page.goto(`${crm.url}/counterparties`);
  await page.fill(byTestId('global-search'), '+7 916 123-45');
  const hit = page.locator(byTestId('search-hit'), { hasText: name });
  await hit.waitFor();
  await hit.click();
  await page.waitForSelector(`${byTestId('card-title')}:has-text("${name}")`);

  const info = page.locator(byTestId('ci-list'));
  await expect(info.innerText()).resolves.toContain('+7 (916) 123-45-67');
  await expect(info.innerText()).resolves.toContain('+7 (495) 765-43-21');
  await expect(info.innerText()).resolves.toContain(en.kind.WAREHOUSE_ADDRESS);

  // The same card in Russian, without reloading.
  await useLanguage(page, 'ru');
  await expect(info.innerText()).resolves.toContain(ru.kind.WAREHOUSE_ADDRESS);
  await expect(info.innerText()).resolves.toContain(ru.kind.MOBILE_PHONE);
  await expect(page.locator(byTestId('card-tab-history')).textContent()).resolves.toBe(ru.card.tabHistory);
  await expect(page.locator(byTestId('tab-counterparties')).textContent()).resolves.toContain('Контрагенты');
});

test('an administrator keeps the counterparty groups: a tree, a counterparty filed in it, a refused delete, a mark and a restore; a manager only adds', async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, crm);
  await useLanguage(page, 'ru');
  const txt = ru.counterparty.groups;
  const row = (name: string) => page.locator(byTestId('group-row'), { has: page.locator(`text="${name}"`) });

  // Counterparties → Groups.
  await page.goto(`${crm.url}/counterparties`);
  await page.click(byTestId('counterparty-groups'));
  await page.waitForURL(/\/counterparties\/groups$/);
  await page.locator('h1', { hasText: txt.title }).waitFor();

  // «Регионы» at the top, «Сибирь» under it (the row's add-a-subgroup button proposes it as the parent).
  await page.click(byTestId('group-new'));
  await page.fill(byTestId('group-name'), 'Регионы');
  await page.click(byTestId('group-save'));
  await row('Регионы').waitFor();
  const regionsId = await row('Регионы').getAttribute('data-id');
  await row('Регионы').locator(byTestId('group-add-child')).click();
  await expect(page.locator(byTestId('group-parent')).inputValue()).resolves.toBe(regionsId);
  await page.fill(byTestId('group-name'), 'Сибирь');
  await page.click(byTestId('group-save'));
  await row('Сибирь').waitFor();
  const siberiaId = (await row('Сибирь').getAttribute('data-id'))!;
  // Indented under its parent, right after it.
  const ids = await page.locator(byTestId('group-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(ids.indexOf(siberiaId)).toBe(ids.indexOf(regionsId) + 1);

  // Rename it; a group cannot become its own parent, so the edit dialog does not offer it.
  await row('Сибирь').locator(byTestId('group-edit')).click();
  await expect(page.locator(`${byTestId('group-parent')} option[value="${siberiaId}"]`).count()).resolves.toBe(0);
  await page.fill(byTestId('group-name'), 'Сибирь и Урал');
  await page.click(byTestId('group-save'));
  await row('Сибирь и Урал').waitFor();
  await expect(row('Сибирь').count()).resolves.toBe(0);

  // File a counterparty into it through its edit form.
  const name = `Тайга ${Date.now()}`;
  const { createCounterparty } = await gql(page, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, { i: { name } });
  await page.goto(`${crm.url}/counterparties/${createCounterparty.id}/edit`);
  await page.locator(byTestId('cp-group')).selectOption(siberiaId);
  await page.click(byTestId('cp-save'));
  await page.waitForSelector(`${byTestId('card-title')}:has-text("${name}")`);

  // The group's name leads to its counterparties.
  await page.goto(`${crm.url}/counterparties/groups`);
  await row('Сибирь и Урал').locator('a').click();
  await page.waitForURL(new RegExp(`/counterparties\\?group=${siberiaId}$`));
  await page.locator(byTestId('counterparties-grid')).getByText(name).waitFor();
  await expect(page.locator(byTestId('counterparties-group-filter')).inputValue()).resolves.toBe(siberiaId);

  // Deleting a group that holds a counterparty is refused with what it holds; the group stays.
  await page.goto(`${crm.url}/counterparties/groups`);
  await row('Сибирь и Урал').locator(byTestId('group-delete')).click();
  await page.click(byTestId('confirm-ok'));
  const error = page.locator(byTestId('groups-error'));
  await error.getByText('1 контрагент').waitFor();
  await expect(error.innerText()).resolves.toContain('Группу «Сибирь и Урал» нельзя удалить');
  await expect(row('Сибирь и Урал').count()).resolves.toBe(1);
  // «Регионы» holds a subgroup: that is said too.
  await row('Регионы').locator(byTestId('group-delete')).click();
  await page.click(byTestId('confirm-ok'));
  await error.getByText('1 подгруппа').waitFor();

  // Marked for deletion: hidden unless "show marked" is on, then restored.
  await row('Сибирь и Урал').locator(byTestId('group-mark')).click();
  await expect(page.locator('[role="dialog"]').innerText()).resolves.toContain('контрагенты группы останутся');
  await page.click(byTestId('confirm-ok'));
  await row('Сибирь и Урал').waitFor({ state: 'detached' });
  await page.check(byTestId('groups-show-deleted'));
  await row('Сибирь и Урал').waitFor();
  await expect(row('Сибирь и Урал').innerText()).resolves.toContain(ru.common.markedForDeletion);
  await row('Сибирь и Урал').locator(byTestId('group-restore')).click();
  await page.click(byTestId('confirm-ok'));
  await row('Сибирь и Урал').locator(byTestId('group-mark')).waitFor();
  await page.uncheck(byTestId('groups-show-deleted'));
  await expect(row('Сибирь и Урал').count()).resolves.toBe(1);

  // A manager sees the tree and may add a group, but not rename, mark or delete one.
  const MANAGER = { email: `groups-mgr-${Date.now()}@e2e.crm`, password: 'Manager-pass-2026!' };
  await gql(page, crm, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { ...MANAGER, fullName: 'Григорий Менеджер', role: 'MANAGER' } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const mgr = await context.newPage();
    await signIn(mgr, crm, MANAGER);
    await mgr.goto(`${crm.url}/counterparties/groups`);
    const mgrRow = (n: string) => mgr.locator(byTestId('group-row'), { has: mgr.locator(`text="${n}"`) });
    await mgrRow('Регионы').locator(byTestId('group-add-child')).waitFor();
    await expect(mgr.locator(byTestId('group-edit')).count()).resolves.toBe(0);
    await expect(mgr.locator(byTestId('group-mark')).count()).resolves.toBe(0);
    await expect(mgr.locator(byTestId('group-delete')).count()).resolves.toBe(0);
    await mgr.click(byTestId('group-new'));
    await mgr.fill(byTestId('group-name'), 'Партнёры');
    await mgr.click(byTestId('group-save'));
    await mgrRow('Партнёры').waitFor();
  } finally {
    await context.close();
  }
});
