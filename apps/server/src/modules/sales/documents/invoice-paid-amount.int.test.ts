import { startTestServer, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { CANCEL_PAYMENT, CREATE_INVOICE, CREATE_PAYMENT, GET_INVOICE, POST_INVOICE, daysFromToday, documentFactories } from './documents.testing';

/**
 * `invoices.paid_amount` is derived by triggers from the allocations of payments that are not cancelled (migration
 * 1765008000000-InvoicePaidAmount); the lists filter on it. These check it against the allocations after every kind of
 * change, the ones the API makes and the ones only SQL can (an allocation changed or removed, a payment deleted).
 */

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

const LIST = `query($f: InvoiceFilter) { invoices(first: 50, filter: $f) { totalCount edges { node { id paymentState overdue paidAmount amountDue } } } }`;

/** The stored paid amount beside the sum of the counting allocations, per invoice. */
async function paid(ids: string[]): Promise<Record<string, { stored: string; counted: string }>> {
  const rows: Array<{ id: string; stored: string; counted: string }> = await t.app.db.query(
    `SELECT i.id, i.paid_amount::text AS stored,
            (SELECT coalesce(sum(a.amount), 0)::numeric(15,2) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND NOT p.cancelled
              WHERE a.invoice_id = i.id)::text AS counted
       FROM invoices i WHERE i.id = ANY($1)`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { stored: r.stored, counted: r.counted }]));
}

/** Each invoice's stored amount is `amount` and equals what its allocations count. */
async function expectPaid(expected: Record<string, string>) {
  const got = await paid(Object.keys(expected));
  expect(got).toEqual(Object.fromEntries(Object.entries(expected).map(([id, amount]) => [id, { stored: amount, counted: amount }])));
}

async function manager() {
  const { client, user } = await t.as(Role.MANAGER);
  const c = await t.factories.counterparty(user);
  return { client, user, c };
}

describe('invoices.paid_amount', () => {
  it('follows a payment over several invoices, a partial payment and a cancellation, as the API shows them', async () => {
    const { client, user, c } = await manager();
    const a = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '1000.00' });
    const b = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '250.50' });
    await expectPaid({ [a.id]: '0.00', [b.id]: '0.00' });

    const first = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '1200.00', allocations: [{ invoiceId: a.id, amount: '1000.00' }, { invoiceId: b.id, amount: '100.00' }] } }))
      .createPayment;
    await expectPaid({ [a.id]: '1000.00', [b.id]: '100.00' });
    expect((await client.ok(GET_INVOICE, { id: b.id })).invoice).toMatchObject({ paymentState: 'PARTIALLY_PAID', paidAmount: '100.00', amountDue: '150.50' });

    const second = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '150.50', allocations: [{ invoiceId: b.id, amount: '150.50' }] } })).createPayment;
    await expectPaid({ [a.id]: '1000.00', [b.id]: '250.50' });
    expect((await client.ok(GET_INVOICE, { id: b.id })).invoice).toMatchObject({ paymentState: 'PAID', paidAmount: '250.50', amountDue: '0.00' });

    // Cancelling the first payment takes its two allocations off; the second one still counts.
    await client.ok(CANCEL_PAYMENT, { id: first.id, i: { reason: 'Ошибка выписки' } });
    await expectPaid({ [a.id]: '0.00', [b.id]: '150.50' });
    expect((await client.ok(GET_INVOICE, { id: a.id })).invoice).toMatchObject({ paymentState: 'NOT_PAID', paidAmount: '0.00', amountDue: '1000.00' });
    expect((await client.ok(GET_INVOICE, { id: b.id })).invoice).toMatchObject({ paymentState: 'PARTIALLY_PAID', paidAmount: '150.50', amountDue: '100.00' });
    // A refused payment (more than remains) changes nothing.
    const refused = await client.gql(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '600.00', allocations: [{ invoiceId: a.id, amount: '400.00' }, { invoiceId: b.id, amount: '100.01' }] } });
    expect(refused.errors?.[0].extensions.reason).toBe('EXCEEDS_AMOUNT_DUE');
    await expectPaid({ [a.id]: '0.00', [b.id]: '150.50' });
    await client.ok(CANCEL_PAYMENT, { id: second.id, i: { reason: 'Возврат' } });
    await expectPaid({ [a.id]: '0.00', [b.id]: '0.00' });
  });

  it('follows allocations changed, moved and removed, a payment un-cancelled and deleted (SQL only)', async () => {
    const { client, user, c } = await manager();
    const a = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '1000.00' });
    const b = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '500.00' });
    const pay = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '900.00', allocations: [{ invoiceId: a.id, amount: '600.00' }, { invoiceId: b.id, amount: '200.00' }] } }))
      .createPayment;
    const other = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '100.00', allocations: [{ invoiceId: a.id, amount: '100.00' }] } })).createPayment;
    await expectPaid({ [a.id]: '700.00', [b.id]: '200.00' });
    const db = t.app.db;

    await db.query(`UPDATE payment_allocations SET amount = 450 WHERE payment_id = $1 AND invoice_id = $2`, [pay.id, a.id]);
    await expectPaid({ [a.id]: '550.00', [b.id]: '200.00' });
    await db.query(`UPDATE payment_allocations SET amount = 300 WHERE payment_id = $1 AND invoice_id = $2`, [pay.id, b.id]);
    await expectPaid({ [a.id]: '550.00', [b.id]: '300.00' });
    await db.query(`DELETE FROM payment_allocations WHERE payment_id = $1 AND invoice_id = $2`, [pay.id, b.id]);
    await expectPaid({ [a.id]: '550.00', [b.id]: '0.00' });
    // Moved to the other invoice: off one, onto the other, in one statement.
    await db.query(`UPDATE payment_allocations SET invoice_id = $3 WHERE payment_id = $1 AND invoice_id = $2`, [pay.id, a.id, b.id]);
    await expectPaid({ [a.id]: '100.00', [b.id]: '450.00' });
    // A cancelled payment's allocations do not count whatever happens to them, and count again if it is un-cancelled.
    await db.query(`UPDATE payments SET cancelled = true, cancelled_at = now() WHERE id = $1`, [pay.id]);
    await expectPaid({ [a.id]: '100.00', [b.id]: '0.00' });
    await db.query(`UPDATE payment_allocations SET amount = 400 WHERE payment_id = $1`, [pay.id]);
    await db.query(`INSERT INTO payment_allocations (payment_id, invoice_id, amount) VALUES ($1, $2, 50)`, [pay.id, a.id]);
    await expectPaid({ [a.id]: '100.00', [b.id]: '0.00' });
    await db.query(`UPDATE payments SET cancelled = false, cancelled_at = null WHERE id = $1`, [pay.id]);
    await expectPaid({ [a.id]: '150.00', [b.id]: '400.00' });
    // A deleted payment takes its allocations with it (the foreign key cascades).
    await db.query(`DELETE FROM payments WHERE id = $1`, [pay.id]);
    await expectPaid({ [a.id]: '100.00', [b.id]: '0.00' });
    await db.query(`UPDATE payments SET cancelled = true, cancelled_at = now() WHERE id = $1`, [other.id]);
    await db.query(`DELETE FROM payments WHERE id = $1`, [other.id]);
    await expectPaid({ [a.id]: '0.00', [b.id]: '0.00' });
  });

  it('cannot be written directly: an update keeps the derived value, a new invoice starts at zero', async () => {
    const { client, user, c } = await manager();
    const a = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '1000.00' });
    await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '300.00', allocations: [{ invoiceId: a.id, amount: '300.00' }] } });
    await t.app.db.query(`UPDATE invoices SET paid_amount = 1000, comment = 'x' WHERE id = $1`, [a.id]);
    await expectPaid({ [a.id]: '300.00' });
    expect((await t.app.db.query(`SELECT comment FROM invoices WHERE id = $1`, [a.id]))[0].comment).toBe('x');
    const draft = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, lines: [{ productId: (await f.product()).id, quantity: '1' }] } })).createInvoice;
    await t.app.db.query(`UPDATE invoices SET paid_amount = 5 WHERE id = $1`, [draft.id]);
    await expectPaid({ [draft.id]: '0.00' });
  });

  it('adds up concurrent payments to one invoice without losing any', async () => {
    const { client, user, c } = await manager();
    const a = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '1000.00' });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.gql(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '100.00', allocations: [{ invoiceId: a.id, amount: '100.00' }] } })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    await expectPaid({ [a.id]: '600.00' });
    // Concurrent allocations written without the service's invoice lock add up all the same (each trigger adds to
    // the row; on PostgreSQL the statements run on several connections at once).
    const payments: Array<{ id: string }> = await Promise.all(
      Array.from({ length: 4 }, async () => (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '50.00' } })).createPayment),
    );
    await Promise.all(payments.map((p) => t.app.db.query(`INSERT INTO payment_allocations (payment_id, invoice_id, amount) VALUES ($1, $2, 50)`, [p.id, a.id])));
    await expectPaid({ [a.id]: '800.00' });
  });

  // Two sessions at once need a server: the embedded database is one session shared by every connection.
  const onServer = process.env.CRM_TEST_DB_MODE === 'embedded' ? it.skip : it;
  onServer('takes off an allocation written while its payment is being cancelled in another transaction', async () => {
    const { client, user, c } = await manager();
    const a = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '1000.00' });
    const pay = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '300.00', allocations: [{ invoiceId: a.id, amount: '100.00' }] } })).createPayment;
    const b = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '1000.00' });
    const writer = t.app.db.createQueryRunner();
    const canceller = t.app.db.createQueryRunner();
    try {
      await writer.startTransaction();
      await writer.query(`INSERT INTO payment_allocations (payment_id, invoice_id, amount) VALUES ($1, $2, 150)`, [pay.id, b.id]);
      await canceller.startTransaction();
      // Waits for the writer (it holds the payment FOR SHARE), then sees its allocation.
      const cancelling = canceller.query(`UPDATE payments SET cancelled = true, cancelled_at = now() WHERE id = $1`, [pay.id]);
      await new Promise((r) => setTimeout(r, 200));
      await writer.commitTransaction();
      await cancelling;
      await canceller.commitTransaction();
    } finally {
      await writer.release();
      await canceller.release();
    }
    await expectPaid({ [a.id]: '0.00', [b.id]: '0.00' });
  });

  it('drives the payment state and overdue filters of the list, in a supervisor scope too', async () => {
    const { client: boss, user: supervisor } = await t.as(Role.SUPERVISOR);
    const { client, user } = await t.as(Role.MANAGER, { supervisorId: supervisor.id });
    const c = await t.factories.counterparty(user);
    const p = await f.product({ price: '100.00' });
    const free = await f.product({ price: '0.00' });
    const make = async (due: string | null, post: boolean, productId = p.id) => {
      const inv = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, date: daysFromToday(-20), paymentDueDate: due, lines: [{ productId, quantity: '1' }] } })).createInvoice;
      if (post) await client.ok(POST_INVOICE, { id: inv.id });
      return inv.id as string;
    };
    const lateUnpaid = await make(daysFromToday(-10), true);
    const latePartly = await make(daysFromToday(-10), true);
    const latePaid = await make(daysFromToday(-10), true);
    const futurePartly = await make(daysFromToday(10), true);
    const draft = await make(daysFromToday(-10), false);
    const zero = await make(daysFromToday(-10), true, free.id);
    await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '200.00', allocations: [{ invoiceId: latePartly, amount: '40.00' }, { invoiceId: latePaid, amount: '100.00' }, { invoiceId: futurePartly, amount: '0.01' }] } });

    for (const viewer of [client, boss]) {
      const list = async (filter: Record<string, unknown>) => {
        const r = (await viewer.ok(LIST, { f: { counterpartyId: c.id, ...filter } })).invoices;
        expect(r.totalCount).toBe(r.edges.length);
        return r.edges.map((e: { node: { id: string } }) => e.node.id).sort();
      };
      expect(await list({ overdue: true })).toEqual([lateUnpaid, latePartly].sort());
      expect(await list({ overdue: false })).toEqual([latePaid, futurePartly, draft, zero].sort());
      expect(await list({ paymentState: 'NOT_PAID' })).toEqual([lateUnpaid, draft].sort());
      expect(await list({ paymentState: 'PARTIALLY_PAID' })).toEqual([latePartly, futurePartly].sort());
      expect(await list({ paymentState: 'PAID' })).toEqual([latePaid, zero].sort());
      expect(await list({ paymentState: 'PARTIALLY_PAID', overdue: true })).toEqual([latePartly]);
      // Each row shows what the view derives.
      const rows = (await viewer.ok(LIST, { f: { counterpartyId: c.id } })).invoices.edges.map((e: { node: Record<string, unknown> }) => e.node);
      const byId = Object.fromEntries(rows.map((n: Record<string, unknown>) => [n.id, [n.paymentState, n.overdue, n.paidAmount, n.amountDue]]));
      expect(byId).toEqual({
        [lateUnpaid]: ['NOT_PAID', true, '0.00', '100.00'],
        [latePartly]: ['PARTIALLY_PAID', true, '40.00', '60.00'],
        [latePaid]: ['PAID', false, '100.00', '0.00'],
        [futurePartly]: ['PARTIALLY_PAID', false, '0.01', '99.99'],
        [draft]: ['NOT_PAID', false, '0.00', '100.00'],
        [zero]: ['PAID', false, '0.00', '0.00'],
      });
    }
    // A colleague outside the team sees none of them.
    const { client: outsider } = await t.as(Role.MANAGER);
    expect((await outsider.ok(LIST, { f: { counterpartyId: c.id, overdue: true } })).invoices.totalCount).toBe(0);
  });

  it('filters overdue invoices by days past due, bucket edges included, and refuses a reversed range', async () => {
    const { client: boss, user: supervisor } = await t.as(Role.SUPERVISOR);
    const { client, user } = await t.as(Role.MANAGER, { supervisorId: supervisor.id });
    const c = await t.factories.counterparty(user);
    const p = await f.product({ price: '100.00' });
    const due: Record<number, string> = {};
    for (const days of [1, 7, 8, 30, 31, 60, 61, 400, -3]) {
      const inv = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, date: daysFromToday(-500), paymentDueDate: daysFromToday(-days), lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
      await client.ok(POST_INVOICE, { id: inv.id });
      due[days] = inv.id;
    }
    // Paid in full 10 days late: no longer overdue, so in no bucket.
    const paidLate = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, date: daysFromToday(-40), paymentDueDate: daysFromToday(-10), lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
    await client.ok(POST_INVOICE, { id: paidLate.id });
    await client.ok(CREATE_PAYMENT, { i: { counterpartyId: c.id, amount: '100.00', allocations: [{ invoiceId: paidLate.id, amount: '100.00' }] } });

    for (const viewer of [client, boss]) {
      const bucket = async (min: number | null, max: number | null) => {
        const r = (await viewer.ok(LIST, { f: { counterpartyId: c.id, minDaysOverdue: min, maxDaysOverdue: max } })).invoices;
        expect(r.totalCount).toBe(r.edges.length);
        return r.edges.map((e: { node: { id: string } }) => e.node.id).sort();
      };
      expect(await bucket(1, 7)).toEqual([due[1], due[7]].sort());
      expect(await bucket(8, 30)).toEqual([due[8], due[30]].sort());
      expect(await bucket(31, 60)).toEqual([due[31], due[60]].sort());
      expect(await bucket(61, null)).toEqual([due[61], due[400]].sort());
      expect(await bucket(null, 7)).toEqual([due[1], due[7]].sort());
    }
    const reversed = await client.gql(LIST, { f: { minDaysOverdue: 31, maxDaysOverdue: 8 } });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxDaysOverdue', reason: 'RANGE_REVERSED' });
    const zero = await client.gql(LIST, { f: { minDaysOverdue: 0 } });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
