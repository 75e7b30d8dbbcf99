import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, snapshot, startCrm, type RunningCrm } from './support/crm';
import { byTestId, gql, signIn } from './support/session';
import ru from '../apps/web/src/i18n/ru.json';

let crm: RunningCrm;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [crm, browser] = await Promise.all([startCrm(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'Europe/Moscow', locale: 'ru-RU' });
  page = await context.newPage();
  // Starting the built server on a fresh embedded database takes long on a busy machine.
}, 180_000);
afterAll(async () => {
  if (page) await snapshot(page, 'sales-journey-end').catch(() => undefined);
  await browser?.close();
  await crm?.stop();
});

/**
 * The text of a PDF as pdf-parse 2.4.5 reads it. pdf.js sets its worker up with a dynamic import(), which Jest's
 * VM refuses, so the PDF is read by a plain Node child process where the server's dependencies are installed.
 */
function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      try { process.stdout.write((await parser.getText()).text); } finally { await parser.destroy(); }
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../apps/server'), maxBuffer: 16 * 1024 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}

/** Types into an autocomplete and picks the option with that text. */
async function pick(input: Locator, text: string) {
  await input.fill(text);
  await page.locator('[role="option"]', { hasText: text }).first().click();
}

/** Drags with the mouse in small steps, as a person would (the board's sensor starts a drag after 6 px). */
async function drag(from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 120), { steps: 15 });
  await page.mouse.up();
}

/** Waits for a condition the server reaches after a UI action (no fixed sleeps); fails after `ms`. */
async function until(condition: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await page.waitForTimeout(200);
  }
}

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('a deal from the counterparty card to a paid invoice: interest, stage, offer, invoice, PDF, payment, the chain', async () => {
  await signIn(page, crm);
  await gql(page, crm, `mutation { setMyTimeZone(timeZone: "Europe/Moscow") { timeZone } }`);
  const stamp = Date.now();
  const client = `ООО «Вектор ${stamp}»`;
  const product = `Станок токарный ТВ-${stamp}`;
  const { createCounterparty } = await gql(page, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, { i: { name: client } });
  await gql(page, crm, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, { i: { name: product, unit: 'шт', price: '12345.67', vatRate: 'VAT_20' } });

  // 1. A new interest from the counterparty's card: three machines at 12 345,67 ₽.
  await page.goto(`${crm.url}/counterparties/${createCounterparty.id}`);
  await page.click(byTestId('card-new-interest'));
  await page.fill(byTestId('interest-need'), 'Три токарных станка для нового цеха');
  await page.click(byTestId('interest-line-add'));
  await pick(page.locator(byTestId('interest-line-product')).first(), product);
  await page.locator(byTestId('interest-line-quantity')).first().fill('3');
  await page.locator(byTestId('interest-line-price')).first().fill('12345,67');
  await page.click(byTestId('interest-save'));
  await page.waitForURL(/\/client-interests\/[0-9a-f-]{36}$/);
  const interestId = page.url().split('/').pop()!;

  // 2. On the board, drag it from the first stage to the next; the server records the move.
  const before = await gql(page, crm, `query($id: ID!) { clientInterest(id: $id) { stage { id sort } scenario { stages { id sort } } } }`, { id: interestId });
  const stages = [...before.clientInterest.scenario.stages].sort((a: { sort: number }, b: { sort: number }) => a.sort - b.sort);
  const next = stages[stages.findIndex((s: { id: string }) => s.id === before.clientInterest.stage.id) + 1];
  await page.click(byTestId('tab-client-interests'));
  const card = page.locator(`${byTestId('interest-card')}[data-id="${interestId}"]`);
  await card.waitFor();
  await drag(card, page.locator(`${byTestId('board-column')}[data-stage-id="${next.id}"]`));
  await page.locator(`${byTestId('board-column')}[data-stage-id="${next.id}"] ${byTestId('interest-card')}[data-id="${interestId}"]`).waitFor();
  // The card moves on screen at once; the server's answer is what counts: read the interest again.
  await until(async () => (await gql(page, crm, `query($id: ID!) { clientInterest(id: $id) { stage { id } } }`, { id: interestId })).clientInterest.stage.id === next.id);

  // 3. An offer based on the interest: its line is copied, the total is recomputed as one types.
  await page.goto(`${crm.url}/client-interests/${interestId}`);
  await page.locator(byTestId('interest-documents')).locator(byTestId('offer-create')).click();
  await page.waitForSelector(byTestId('offer-form'));
  await expect(page.locator(byTestId('offer-line-quantity')).first().inputValue()).resolves.toBe('3');
  await expect(page.locator(byTestId('offer-total')).innerText().then(nbsp)).resolves.toBe('37 037,01 ₽');
  await page.locator(byTestId('offer-line-quantity')).first().fill('4');
  await expect(page.locator(byTestId('offer-total')).innerText().then(nbsp)).resolves.toBe('49 382,68 ₽');
  await page.locator(byTestId('offer-line-quantity')).first().fill('3');
  await page.click(byTestId('offer-save'));
  await page.waitForSelector(byTestId('offer-title'));
  await expect(page.locator(byTestId('offer-total')).innerText().then(nbsp)).resolves.toBe('37 037,01 ₽');
  const offerNumber = (await page.locator(byTestId('offer-title')).innerText()).match(/CO-\d{4}-\d{6}/)![0];

  // 4. An invoice based on the offer, posted.
  await page.click(byTestId('invoice-create'));
  await page.waitForSelector(byTestId('invoice-form'));
  await expect(page.locator(byTestId('invoice-based-on')).innerText()).resolves.toContain(offerNumber);
  await page.click(byTestId('invoice-save'));
  await page.waitForSelector(byTestId('invoice-title'));
  const invoiceNumber = (await page.locator(byTestId('invoice-title')).innerText()).match(/INV-\d{4}-\d{6}/)![0];
  await expect(page.locator(byTestId('invoice-total')).innerText().then(nbsp)).resolves.toBe('37 037,01 ₽');
  await expect(page.locator(byTestId('invoice-payment-state')).getAttribute('data-state')).resolves.toBe('NOT_PAID');
  await page.click(byTestId('invoice-post'));
  await page.waitForSelector(`${byTestId('invoice-posted')}[data-posted="true"]`);

  // 5. Its PDF, fetched with the page's session: the total and the amount in words, as printed.
  const pdfHref = await page.locator(byTestId('invoice-pdf')).getAttribute('href');
  const response = await page.request.get(new URL(pdfHref!, crm.url).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const text = nbsp(await pdfText(await response.body()));
  expect(text).toContain(invoiceNumber);
  expect(text).toContain('37 037,01');
  expect(text).toContain('6 172,84');
  expect(text).toMatch(/Тридцать семь тысяч тридцать семь рублей 01 копейка/);

  // 6. The payment, registered from the invoice: the remaining amount and the allocation come pre-filled.
  await page.click(byTestId('invoice-register-payment'));
  await page.waitForSelector(byTestId('payment-allocation-row'));
  await expect(page.locator(byTestId('payment-amount')).inputValue()).resolves.toBe('37037.01');
  await expect(page.locator(`${byTestId('payment-allocation-row')}[data-invoice="${invoiceNumber}"] ${byTestId('payment-allocation-amount')}`).inputValue()).resolves.toBe('37037.01');
  await page.click(byTestId('payment-save'));

  // 7. Back on the invoice: paid in full.
  await page.waitForSelector(`${byTestId('invoice-payment-state')}[data-state="PAID"]`);
  await expect(page.locator(byTestId('invoice-paid')).innerText().then(nbsp)).resolves.toBe('37 037,01 ₽');
  await expect(page.locator(byTestId('invoice-remaining')).innerText().then(nbsp)).resolves.toBe('0,00 ₽');

  // A paid invoice cannot be silently unposted: the refusal names the reason and the payment in the way.
  await page.click(byTestId('invoice-unpost'));
  const refusal = page.locator('[role="alert"]', { hasText: ru.sales.reason.HAS_PAYMENTS }).first();
  await refusal.waitFor();
  await expect(refusal.innerText()).resolves.toMatch(/PAY-\d{4}-\d{6}/);
  await expect(page.locator(byTestId('invoice-posted')).getAttribute('data-posted')).resolves.toBe('true');

  // 8. The interest's chain is complete: the offer, the invoice (paid) and the payment, each a link.
  await page.goto(`${crm.url}/client-interests/${interestId}`);
  const chain = page.locator(byTestId('interest-documents'));
  await chain.locator(`${byTestId('chain-item')}[data-type="PAYMENT"]`).waitFor();
  await expect(chain.locator(`${byTestId('chain-item')}[data-type="COMMERCIAL_OFFER"]`).innerText()).resolves.toContain(offerNumber);
  const invoiceItem = chain.locator(`${byTestId('chain-item')}[data-type="INVOICE"]`);
  await expect(invoiceItem.innerText()).resolves.toContain(invoiceNumber);
  await expect(invoiceItem.locator('[data-state="PAID"]').count()).resolves.toBe(1);
  await invoiceItem.click();
  await page.waitForSelector(`${byTestId('invoice-title')}:has-text("${invoiceNumber}")`);

  // The Sales tab counts the deal: nothing is left unpaid, the payment is among the recent ones.
  await page.click(byTestId('tab-sales'));
  await page.waitForSelector(byTestId('sales-desk'));
  await expect(page.locator(byTestId('desk-payment')).first().innerText().then(nbsp)).resolves.toContain('37 037,01 ₽');
  await expect(page.locator(byTestId('desk-unpaid-amount')).innerText().then(nbsp)).resolves.toBe('0,00 ₽');
  // A long journey of many screens: more time than the suite's default, which is meant for one or two screens.
}, 240_000);

test('an ageing bucket on the Sales tab opens the invoices of that age, paged by the server', async () => {
  const stamp = Date.now();
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const { createCounterparty: client } = await gql(page, crm, `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`, { i: { name: `Должник ${stamp}` } });
  const { createProduct: product } = await gql(page, crm, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { name: `Услуга ${stamp}`, unit: 'шт', price: '1000.00', vatRate: 'VAT_20' },
  });
  const invoice = async (dueInDays: number) => {
    const { createInvoice } = await gql(page, crm, `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id number } }`, {
      i: { counterpartyId: client.id, date: day(-90), paymentDueDate: day(dueInDays), lines: [{ productId: product.id, quantity: '1' }] },
    });
    await gql(page, crm, `mutation($id: ID!) { postInvoice(id: $id) { id } }`, { id: createInvoice.id });
    return createInvoice.number as string;
  };
  const tenDaysLate = await invoice(-10);
  const fortyDaysLate = await invoice(-40);

  await page.goto(`${crm.url}/sales`);
  await page.waitForSelector(byTestId('sales-desk'));
  await page.click(`${byTestId('ageing-bucket')}[data-bucket="D8_30"]`);
  await page.waitForURL((url) => url.searchParams.get('ageing') === 'D8_30');
  const grid = page.locator(byTestId('invoices-grid'));
  await grid.locator(`text=${tenDaysLate}`).waitFor();
  await expect(grid.locator(`text=${fortyDaysLate}`).count()).resolves.toBe(0);
  await page.locator(byTestId('invoices-ageing-filter')).waitFor();

  // The next bucket holds the older one.
  await page.goto(`${crm.url}/sales/invoices?overdue=1&ageing=D31_60`);
  await grid.locator(`text=${fortyDaysLate}`).waitFor();
  await expect(grid.locator(`text=${tenDaysLate}`).count()).resolves.toBe(0);
});
