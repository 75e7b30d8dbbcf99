import { startTestServer, type ApiClient, type TestServer } from '../../../test/harness';
import { Role, type User } from '../../auth/user.entity';
import { CANCEL_PAYMENT, CREATE_INVOICE, CREATE_PAYMENT, GET_INVOICE, PAYMENT_FIELDS, documentFactories } from './documents.testing';

const LIST = `query($f: PaymentFilter) { payments(first: 50, filter: $f) { totalCount edges { node { id number cancelled } } } }`;
const GET = `query($id: ID!) { payment(id: $id) { ${PAYMENT_FIELDS} viewerCan { cancel } } }`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

/** What payments changed: the payment rows of a counterparty and the allocations to an invoice. */
async function state(counterpartyId: string, invoiceId: string) {
  return {
    payments: await t.factories.count('payments', 'counterparty_id = $1', [counterpartyId]),
    allocations: await t.factories.count('payment_allocations', 'invoice_id = $1', [invoiceId]),
    paid: (await t.app.db.query(`SELECT paid FROM invoice_payment_states WHERE invoice_id = $1`, [invoiceId]))[0].paid,
  };
}

async function setup(): Promise<{ client: ApiClient; user: User; invoice: Awaited<ReturnType<typeof f.postedInvoice>> }> {
  const { client, user } = await t.as(Role.MANAGER);
  const invoice = await f.postedInvoice(client, user, { price: '1000.00' });
  return { client, user, invoice };
}

describe('createPayment', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const { invoice } = await setup();
    const r = await t.anonymous().gql(CREATE_PAYMENT, { i: { counterpartyId: invoice.counterpartyId, amount: '10.00', allocations: [{ invoiceId: invoice.id, amount: '10.00' }] } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await state(invoice.counterpartyId, invoice.id)).toEqual({ payments: 0, allocations: 0, paid: '0.00' });
  });

  it.each([
    ['a negative amount', (i: string) => ({ amount: '-5.00', allocations: [{ invoiceId: i, amount: '1.00' }] }), 'amount', 'DECIMAL_NOT_POSITIVE'],
    ['a zero amount', () => ({ amount: '0' }), 'amount', 'DECIMAL_NOT_POSITIVE'],
    ['a negative allocation', (i: string) => ({ amount: '100.00', allocations: [{ invoiceId: i, amount: '-1.00' }] }), 'allocations.0.amount', 'DECIMAL_NOT_POSITIVE'],
    ['a zero allocation', (i: string) => ({ amount: '100.00', allocations: [{ invoiceId: i, amount: '0.00' }] }), 'allocations.0.amount', 'DECIMAL_NOT_POSITIVE'],
    ['allocations above the payment', (i: string) => ({ amount: '100.00', allocations: [{ invoiceId: i, amount: '100.01' }] }), 'allocations', 'ALLOCATIONS_EXCEED_PAYMENT'],
    ['more than remains unpaid on the invoice', (i: string) => ({ amount: '1500.00', allocations: [{ invoiceId: i, amount: '1000.01' }] }), 'allocations.0.amount', 'EXCEEDS_AMOUNT_DUE'],
    ['the same invoice twice', (i: string) => ({ amount: '100.00', allocations: [{ invoiceId: i, amount: '10.00' }, { invoiceId: i, amount: '10.00' }] }), 'allocations.1.invoiceId', 'DUPLICATE'],
    ['an amount with 3 decimals', () => ({ amount: '1.005' }), 'amount', 'DECIMAL_SCALE'],
  ])('refuses %s, naming the field, and changes nothing', async (_case, input, field, reason) => {
    const { client, invoice } = await setup();
    const r = await client.gql(CREATE_PAYMENT, { i: { counterpartyId: invoice.counterpartyId, ...input(invoice.id) } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await state(invoice.counterpartyId, invoice.id)).toEqual({ payments: 0, allocations: 0, paid: '0.00' });
  });

  it("refuses an invoice of another counterparty, an unposted invoice and a colleague's invoice, changing nothing", async () => {
    const { client, user, invoice } = await setup();
    const other = await f.postedInvoice(client, user);
    const p = await f.product();
    const draft = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: invoice.counterpartyId, lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
    const { client: colleagueClient, user: colleague } = await t.as(Role.MANAGER);
    const theirs = await f.postedInvoice(colleagueClient, colleague);
    for (const [invoiceId, reason] of [
      [other.id, 'INVOICE_OF_OTHER_COUNTERPARTY'],
      [draft.id, 'INVOICE_NOT_POSTED'],
      [theirs.id, 'NOT_FOUND'],
    ]) {
      // The first allocation is valid: the whole payment is refused all the same.
      const r = await client.gql(CREATE_PAYMENT, { i: { counterpartyId: invoice.counterpartyId, amount: '200.00', allocations: [{ invoiceId: invoice.id, amount: '100.00' }, { invoiceId, amount: '50.00' }] } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'allocations.1.invoiceId', reason });
    }
    expect(await state(invoice.counterpartyId, invoice.id)).toEqual({ payments: 0, allocations: 0, paid: '0.00' });
    expect(await state(theirs.counterpartyId, theirs.id)).toEqual({ payments: 0, allocations: 0, paid: '0.00' });
    // A colleague's counterparty cannot pay at all through me.
    const r = await client.gql(CREATE_PAYMENT, { i: { counterpartyId: theirs.counterpartyId, amount: '10.00' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartyId', reason: 'NOT_FOUND' });
  });

  it('splits one payment over two invoices, leaves the rest unallocated, and writes an audit row', async () => {
    const { client, user, invoice } = await setup();
    const second = await f.postedInvoice(client, user, { counterpartyId: invoice.counterpartyId, price: '250.50' });
    const pay = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: invoice.counterpartyId, amount: '2000.00', date: '2026-02-03', comment: 'п/п 123', allocations: [{ invoiceId: invoice.id, amount: '1000.00' }, { invoiceId: second.id, amount: '100.50' }] } })).createPayment;
    expect(pay).toMatchObject({ amount: '2000.00', date: '2026-02-03', cancelled: false });
    expect(pay.number).toMatch(/^PAY-2026-\d{6}$/);
    expect(pay.allocations).toEqual(expect.arrayContaining([{ invoiceId: invoice.id, amount: '1000.00', invoice: { id: invoice.id, number: invoice.number } }, { invoiceId: second.id, amount: '100.50', invoice: { id: second.id, number: second.number } }]));
    expect((await client.ok(GET_INVOICE, { id: invoice.id })).invoice.paymentState).toBe('PAID');
    expect((await client.ok(GET_INVOICE, { id: second.id })).invoice).toMatchObject({ paymentState: 'PARTIALLY_PAID', amountDue: '150.00' });
    const audit = await t.factories.auditOf(pay.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, action: 'CREATE', entity_type: 'Payment', entity_label: pay.number });
  });

  it('lets concurrent payments never over-pay an invoice: the invoice is locked while an allocation is checked', async () => {
    const { client, invoice } = await setup();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.gql(CREATE_PAYMENT, { i: { counterpartyId: invoice.counterpartyId, amount: '400.00', allocations: [{ invoiceId: invoice.id, amount: '400.00' }] } })),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(2);
    expect(results.filter((r) => r.errors).every((r) => r.errors![0].extensions.reason === 'EXCEEDS_AMOUNT_DUE')).toBe(true);
    expect(await state(invoice.counterpartyId, invoice.id)).toEqual({ payments: 2, allocations: 2, paid: '800.00' });
  });
});

describe('cancelPayment and the payment list', () => {
  it('cancels a payment: it keeps its number, stops counting, and leaves the default list', async () => {
    const { client, user, invoice } = await setup();
    const pay = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: invoice.counterpartyId, amount: '1000.00', allocations: [{ invoiceId: invoice.id, amount: '1000.00' }] } })).createPayment;
    expect((await client.gql(CANCEL_PAYMENT, { id: pay.id, i: { reason: '' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const cancelled = (await client.ok(CANCEL_PAYMENT, { id: pay.id, i: { reason: 'Возврат по банку' } })).cancelPayment;
    expect(cancelled).toMatchObject({ id: pay.id, number: pay.number, cancelled: true });
    expect((await client.gql(CANCEL_PAYMENT, { id: pay.id, i: { reason: 'ещё раз' } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CANCELLED' });
    expect((await client.ok(GET_INVOICE, { id: invoice.id })).invoice).toMatchObject({ paymentState: 'NOT_PAID', paidAmount: '0.00' });
    expect((await client.ok(LIST, { f: { counterpartyId: invoice.counterpartyId } })).payments.totalCount).toBe(0);
    expect((await client.ok(LIST, { f: { counterpartyId: invoice.counterpartyId, includeCancelled: true } })).payments.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([pay.id]);
    const audit = await t.factories.auditOf(pay.id);
    expect(audit.map((a: { action: string; actor_id: string }) => [a.action, a.actor_id])).toEqual([['CREATE', user.id], ['UPDATE', user.id]]);
    // The invoice can now be unposted again.
    expect((await client.ok(`mutation($id: ID!) { unpostInvoice(id: $id) { posted } }`, { id: invoice.id })).unpostInvoice.posted).toBe(false);
  });

  it("hides a colleague's payments: list, by id, cancel", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { client: colleagueClient, user: colleague } = await t.as(Role.MANAGER);
    const theirs = await f.postedInvoice(colleagueClient, colleague);
    const pay = (await colleagueClient.ok(CREATE_PAYMENT, { i: { counterpartyId: theirs.counterpartyId, amount: '1000.00', allocations: [{ invoiceId: theirs.id, amount: '1000.00' }] } })).createPayment;
    expect((await client.gql(GET, { id: pay.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await client.gql(CANCEL_PAYMENT, { id: pay.id, i: { reason: 'x' } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await client.ok(LIST, { f: { counterpartyId: theirs.counterpartyId } })).payments.totalCount).toBe(0);
    expect((await t.app.db.query(`SELECT cancelled FROM payments WHERE id = $1`, [pay.id]))[0].cancelled).toBe(false);
    expect((await colleagueClient.ok(GET, { id: pay.id })).payment.viewerCan.cancel).toBe(true);
  });
});
