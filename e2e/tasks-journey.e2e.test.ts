import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, gql, signIn } from './support/session';

let crm: RunningCrm;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [crm, browser] = await Promise.all([startCrm(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-US' });
  page = await context.newPage();
});
afterAll(async () => {
  if (page) await snapshot(page, 'tasks-journey-end').catch(() => undefined);
  await browser?.close();
  await crm?.stop();
});

/** The input value of a datetime-local field for an instant, in UTC (the user's zone in this journey). */
const inputValue = (d: Date) => d.toISOString().slice(0, 19);

test('plan a call with a reminder seconds ahead; it pops up live, is snoozed, the call is completed from Tasks and shows in the history', async () => {
  await signIn(page, crm);
  await gql(page, crm, `mutation { setMyTimeZone(timeZone: "UTC") { timeZone } }`);
  const name = `Вектор ${Date.now()}`;
  const { createCounterparty } = await gql(page, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, { i: { name } });

  // Plan the call from the counterparty's card: one click, the counterparty is filled in.
  await page.goto(`${crm.url}/counterparties/${createCounterparty.id}`);
  await page.click(byTestId('card-new-event'));
  const subject = `Позвонить по договору ${Date.now()}`;
  await page.locator(byTestId('event-kind')).selectOption('CALL');
  await page.fill(byTestId('event-subject'), subject);
  const start = new Date(Date.now() + 20_000);
  await page.fill(byTestId('event-start'), inputValue(start));
  await page.fill(byTestId('event-remind-minutes'), '0');
  await page.click(byTestId('event-save'));
  await page.waitForSelector(`${byTestId('event-card-title')}:has-text("${subject}")`);

  // Without reloading, the reminder pops up at its time.
  const popup = page.locator(byTestId('reminder-popup'));
  await popup.waitFor({ timeout: 60_000 });
  await expect(popup.innerText()).resolves.toContain(subject);
  await expect(page.locator(byTestId('reminder-count')).innerText()).resolves.toMatch(/[1-9]/);

  // Snooze it for 5 minutes: the pop-up goes, the reminder waits again.
  await popup.locator(byTestId('reminder-snooze')).click();
  await page.click(byTestId('snooze-5'));
  await popup.waitFor({ state: 'hidden' });
  const { reminders } = await gql(page, crm, `{ reminders(filter: { state: PENDING }) { edges { node { text remindAt } } } }`);
  const snoozed = reminders.edges.find((e: { node: { text: string } }) => e.node.text === subject);
  expect(new Date(snoozed.node.remindAt).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);

  // Complete the call in place from the Tasks tab.
  await page.click(byTestId('tab-tasks'));
  const row = page.locator(byTestId('task-row'), { hasText: subject });
  await row.waitFor();
  await row.locator(byTestId('task-complete')).click();
  await page.fill(byTestId('complete-result'), 'Договорились о встрече в понедельник');
  await page.click(byTestId('complete-save'));
  await row.waitFor({ state: 'detached' });

  // It is now part of the counterparty's interaction history.
  await page.goto(`${crm.url}/counterparties/${createCounterparty.id}`);
  await page.click(byTestId('card-tab-interactions'));
  const done = page.locator(byTestId('interaction-row'), { hasText: subject });
  await done.waitFor();
  await expect(done.innerText()).resolves.toContain('Договорились о встрече');
});
