import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, gql, signIn } from './support/session';

/**
 * The Sale business process in two browser contexts: an administrator starts it from a client interest card; the
 * manager's Tasks tab, open all along, receives the first task without a reload (`taskAssigned`), the manager
 * completes it from the task form, the next task arrives, and the instance page draws the route map with the
 * passed path and the point where the process now waits.
 */
let crm: RunningCrm;
let browser: Browser;
let adminContext: BrowserContext;
let managerContext: BrowserContext;
let admin: Page;
let manager: Page;

const suffix = Date.now();
const MANAGER = { email: `manager-${suffix}@e2e.crm`, password: 'manager-password-1' };

beforeAll(async () => {
  [crm, browser] = await Promise.all([startCrm(), launchBrowser()]);
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
  managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
  admin = await adminContext.newPage();
  manager = await managerContext.newPage();
  // A page that crashes renders nothing: say why in the test output.
  for (const page of [admin, manager]) page.on('pageerror', (error) => console.error(`page error: ${error.message}\n${error.stack ?? ''}`));
  await signIn(admin, crm);
}, 240_000); // a fresh embedded database migrates on start: slow on a busy machine
afterAll(async () => {
  await browser?.close();
  await crm?.stop();
});
afterEach(async () => {
  const name = (expect.getState().currentTestName ?? 'process').replace(/\W+/g, '-').slice(0, 60);
  if (admin) await snapshot(admin, `process-admin-${name}`).catch(() => undefined);
  if (manager) await snapshot(manager, `process-manager-${name}`).catch(() => undefined);
});

const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;

test('the manager receives the Sale process task live, completes it, and sees the passed path on the route map', async () => {
  // Set-up over GraphQL as the administrator: a supervisor, a manager reporting to them, a client and an interest.
  const { createUser: supervisor } = await gql(admin, crm, CREATE_USER, {
    i: { email: `supervisor-${suffix}@e2e.crm`, fullName: `Supervisor ${suffix}`, password: 'supervisor-password-1', role: 'SUPERVISOR', locale: 'en' },
  });
  const { createUser: managerUser } = await gql(admin, crm, CREATE_USER, {
    i: { email: MANAGER.email, fullName: `Manager ${suffix}`, password: MANAGER.password, role: 'MANAGER', locale: 'en', supervisorId: supervisor.id },
  });
  const { createCounterparty: client } = await gql(admin, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, {
    i: { name: `Process Client ${suffix}`, responsibleId: managerUser.id },
  });
  const { createClientInterest: interest } = await gql(
    admin,
    crm,
    `mutation($i: CreateClientInterestInput!) { createClientInterest(input: $i) { id number } }`,
    { i: { counterpartyId: client.id, need: 'Forty workstations', plannedAmount: '400000.00', responsibleId: managerUser.id } },
  );

  // The manager sits on the Tasks tab: no process tasks yet.
  await signIn(manager, crm, MANAGER);
  await manager.goto(`${crm.url}/tasks`);
  await manager.waitForSelector(byTestId('process-tasks'));
  await expect(manager.locator(byTestId('process-tasks-count')).innerText()).resolves.toBe('0');
  await expect(manager.locator(byTestId('process-task-row')).count()).resolves.toBe(0);

  // The administrator starts the Sale from the interest card; the instance page opens.
  await admin.goto(`${crm.url}/client-interests/${interest.id}`);
  await admin.click(byTestId('start-sale-process'));
  await admin.waitForURL(/\/processes\/[0-9a-f-]{36}$/);
  const instanceId = admin.url().split('/').pop()!;
  await admin.waitForSelector(`${byTestId('process-point')}[data-point-id="A_QUALIFY"][data-active="true"]`);
  await expect(admin.locator(`${byTestId('process-point')}[data-active="true"]`).count()).resolves.toBe(1);

  // Without a reload, the manager's tab shows the first task of the process.
  const row = manager.locator(byTestId('process-task-row'));
  await row.first().waitFor({ timeout: 20_000 });
  await expect(row.count()).resolves.toBe(1);
  await expect(row.first().innerText()).resolves.toContain(interest.number);
  await expect(manager.locator(byTestId('process-tasks-count')).innerText()).resolves.toBe('1');

  // The task form: the subject, one button per result of the point; the manager accepts, then confirms the need.
  await row.first().locator(byTestId('process-task-open')).click();
  await manager.waitForURL(/\/process-tasks\//);
  await expect(manager.locator(byTestId('process-task-subject')).innerText()).resolves.toContain(interest.number);
  await manager.waitForSelector(byTestId('task-result-CONFIRMED'));
  await manager.waitForSelector(byTestId('task-result-NOT_CONFIRMED'));
  await manager.click(byTestId('task-accept'));
  await manager.waitForSelector(byTestId('task-accept'), { state: 'detached' });
  await manager.fill(byTestId('task-comment'), 'Budget confirmed by the client');
  await snapshot(manager, 'process-task-form');
  await manager.click(byTestId('task-result-CONFIRMED'));
  await manager.waitForSelector(byTestId('process-task-result'));
  await expect(manager.locator(byTestId('task-result-CONFIRMED')).count()).resolves.toBe(0);

  // The instance page: the passed point with who/result, and the process now waits at preparing the offer.
  await manager.click(byTestId('process-task-instance'));
  await manager.waitForURL(new RegExp(`/processes/${instanceId}$`));
  await manager.waitForSelector(byTestId('process-map'));
  await manager.waitForSelector(`${byTestId('process-point')}[data-point-id="A_PREPARE_OFFER"][data-active="true"]`);
  await expect(manager.locator(`${byTestId('process-point')}[data-point-id="A_QUALIFY"]`).getAttribute('data-passed')).resolves.toBe('true');
  await expect(manager.locator(`${byTestId('process-point')}[data-point-id="A_QUALIFY"]`).getAttribute('data-active')).resolves.toBe('false');
  const passed = manager.locator(`${byTestId('process-history-entry')}[data-point-id="A_QUALIFY"]`);
  await expect(passed.getAttribute('data-result')).resolves.toBe('CONFIRMED');
  await expect(passed.innerText()).resolves.toContain(`Manager ${suffix}`);
  await expect(passed.innerText()).resolves.toContain('Budget confirmed by the client');
  await snapshot(manager, 'process-instance');

  // Back on the Tasks tab the next task (prepare the offer) is the one listed.
  await manager.goto(`${crm.url}/tasks`);
  await manager.waitForSelector(byTestId('process-task-row'));
  await expect(manager.locator(byTestId('process-task-row')).count()).resolves.toBe(1);

  // The monitor lists the running Sale with the point where it waits.
  await admin.goto(`${crm.url}/processes?template=SALE`);
  await admin.waitForSelector(byTestId('process-row'));
  await expect(admin.locator(byTestId('process-row')).first().innerText()).resolves.toContain(interest.number);
});
