import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, signIn } from './support/session';
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
