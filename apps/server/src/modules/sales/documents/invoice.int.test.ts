import { startTestServer, subscribe, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { VatRate } from '../catalog/catalog.enums';
import { CREATE_INVOICE, GET_INVOICE, INVOICE_FIELDS, POST_INVOICE, UNPOST_INVOICE, daysFromToday, documentFactories } from './documents.testing';

const UPDATE = `mutation($id: ID!, $i: UpdateInvoiceInput!) { updateInvoice(id: $id, input: $i) { ${INVOICE_FIELDS} } }`;
const LIST = `query($f: InvoiceFilter, $first: Int, $after: String) { invoices(first: $first, after: $after, filter: $f) { totalCount edges { node { id number paymentState overdue } } pageInfo { hasNextPage endCursor } } }`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

const invoicesOf = (counterpartyId: string) => t.factories.count('invoices', 'counterparty_id = $1', [counterpartyId]);

describe('createInvoice', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const { user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const p = await f.product();
    const r = await t.anonymous().gql(CREATE_INVOICE, { i: { counterpartyId: c.id, lines: [{ productId: p.id, quantity: '1' }] } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await invoicesOf(c.id)).toBe(0);
  });

  it.each([
    ['no basis and no counterparty', () => ({}), 'basedOnOfferId', 'REQUIRED'],
    ['no lines at all', (c: string) => ({ counterpartyId: c, lines: [] }), 'lines', 'REQUIRED'],
    ['a quantity of zero', (c: string, p: string) => ({ counterpartyId: c, lines: [{ productId: p, quantity: '0' }] }), 'lines.0.quantity', 'DECIMAL_NOT_POSITIVE'],
    ['a negative price', (c: string, p: string) => ({ counterpartyId: c, lines: [{ productId: p, quantity: '1', price: '-1.00' }] }), 'lines.0.price', 'DECIMAL_NEGATIVE'],
    ['a price with 3 decimals', (c: string, p: string) => ({ counterpartyId: c, lines: [{ productId: p, quantity: '1', price: '1.005' }] }), 'lines.0.price', 'DECIMAL_SCALE'],
    ['a discount over 100%', (c: string, p: string) => ({ counterpartyId: c, lines: [{ productId: p, quantity: '1', discountPercent: '100.01' }] }), 'lines.0.discountPercent', 'DISCOUNT_OUT_OF_RANGE'],
    ['an unknown product', (c: string) => ({ counterpartyId: c, lines: [{ productId: '5f0c6a0e-0000-4000-8000-000000000001', quantity: '1' }] }), 'lines.0.productId', 'NOT_FOUND'],
    ['a due date before the invoice date', (c: string, p: string) => ({ counterpartyId: c, date: '2026-03-10', paymentDueDate: '2026-03-09', lines: [{ productId: p, quantity: '1' }] }), 'paymentDueDate', 'BEFORE_DATE'],
    ['a total beyond numeric(15,2)', (c: string, p: string) => ({ counterpartyId: c, lines: [{ productId: p, quantity: '999999999999', price: '9999999999999.99' }] }), 'lines', 'TOTAL_TOO_LARGE'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, input, field, reason) => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const p = await f.product();
    const r = await client.gql(CREATE_INVOICE, { i: input(c.id, p.id) });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await invoicesOf(c.id)).toBe(0);
  });

  it("refuses a colleague's counterparty, interest or offer as not found, and writes nothing", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const p = await f.product();
    const theirs = await f.interestWith(colleague, [{ productId: p.id, quantity: '1' }]);
    for (const [input, field] of [
      [{ counterpartyId: theirs.counterpartyId, lines: [{ productId: p.id, quantity: '1' }] }, 'counterpartyId'],
      [{ basedOnInterestId: theirs.id }, 'basedOnInterestId'],
    ] as const) {
      const r = await client.gql(CREATE_INVOICE, { i: input });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: 'NOT_FOUND' });
    }
    expect(await invoicesOf(theirs.counterpartyId)).toBe(0);
  });

  it('adds VAT on top when asked, takes the default organization and its default account, and writes an audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const book = await f.product({ price: '500.00', vatRate: VatRate.VAT_10 });
    const chair = await f.product({ price: '1000.00', vatRate: VatRate.VAT_20 });
    const advice = await f.product({ price: '333.33', vatRate: VatRate.NO_VAT });
    const inv = (
      await client.ok(CREATE_INVOICE, {
        i: {
          counterpartyId: c.id,
          vatMode: 'ADDED',
          lines: [
            { productId: book.id, quantity: '1' },
            { productId: chair.id, quantity: '2', discountPercent: '12.5' },
            { productId: advice.id, quantity: '0.5' },
          ],
        },
      })
    ).createInvoice;
    expect(inv.lines.map((l: Record<string, string>) => [l.amount, l.vat, l.total, l.vatPercent])).toEqual([
      ['500.00', '50.00', '550.00', '10.00'],
      ['1750.00', '350.00', '2100.00', '20.00'],
      ['166.67', '0.00', '166.67', null], // 166.665 → 166.67
    ]);
    expect(inv).toMatchObject({ amount: '2416.67', vat: '400.00', total: '2816.67', vatMode: 'ADDED', responsibleId: user.id, posted: false });
    const [org] = await t.app.db.query(`SELECT o.id, a.id AS account_id FROM organizations o JOIN bank_accounts a ON a.organization_id = o.id AND a.is_default WHERE o.is_default`);
    expect(inv).toMatchObject({ organizationId: org.id, bankAccountId: org.account_id });
    const audit = await t.factories.auditOf(inv.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, action: 'CREATE', entity_type: 'Invoice', entity_label: inv.number });
  });

  it('gives 50 invoices created at once 50 distinct consecutive numbers', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const p = await f.product();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => client.gql(CREATE_INVOICE, { i: { counterpartyId: c.id, date: '2031-06-01', lines: [{ productId: p.id, quantity: '1' }] } })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const numbers = results.map((r) => r.data!.createInvoice.number as string);
    expect(new Set(numbers).size).toBe(50);
    const seq = numbers.map((n) => Number(n.slice('INV-2031-'.length))).sort((a, b) => a - b);
    expect(numbers.every((n) => n.startsWith('INV-2031-'))).toBe(true);
    expect(seq[49] - seq[0]).toBe(49);
    const [counter] = await t.app.db.query(`SELECT last FROM document_counters WHERE prefix = 'INV' AND year = 2031`);
    expect(counter.last).toBe(seq[49]);
  }, 120_000);
});

describe('updateInvoice, postInvoice, unpostInvoice', () => {
  it('changes an unposted invoice (lines recomputed), refuses a stale version, and refuses a posted one with the reason', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const p = await f.product({ price: '100.00' });
    const inv = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
    const changed = (await client.ok(UPDATE, { id: inv.id, i: { version: inv.version, vatMode: 'ADDED', lines: [{ productId: p.id, quantity: '3' }], comment: '  Срочно  ' } })).updateInvoice;
    expect(changed).toMatchObject({ total: '360.00', vat: '60.00', version: inv.version + 1 });
    const stale = await client.gql(UPDATE, { id: inv.id, i: { version: inv.version, comment: 'x' } });
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    await client.ok(POST_INVOICE, { id: inv.id });
    const posted = await client.gql(UPDATE, { id: inv.id, i: { version: changed.version + 1, comment: 'после проведения' } });
    expect(posted.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'POSTED' });
    expect((await client.gql(POST_INVOICE, { id: inv.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_POSTED' });
    const [row] = await t.app.db.query(`SELECT comment, total FROM invoices WHERE id = $1`, [inv.id]);
    expect(row).toEqual({ comment: 'Срочно', total: '360.00' });
    const audit = await t.factories.auditOf(inv.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
  });

  it("does not let a manager post, unpost or change a colleague's invoice (NOT_FOUND), nor see it", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { client: colleague, user: other } = await t.as(Role.MANAGER);
    const theirs = await f.postedInvoice(colleague, other);
    for (const [query, vars] of [
      [GET_INVOICE, { id: theirs.id }],
      [UNPOST_INVOICE, { id: theirs.id }],
      [UPDATE, { id: theirs.id, i: { version: 1, comment: 'x' } }],
    ] as const) {
      expect((await client.gql(query, vars)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
    expect((await client.ok(LIST, { f: { counterpartyId: theirs.counterpartyId } })).invoices.totalCount).toBe(0);
    expect((await t.app.db.query(`SELECT posted FROM invoices WHERE id = $1`, [theirs.id]))[0].posted).toBe(true);
  });

  it("lets a supervisor see the team's invoices, and not another team's", async () => {
    const { client: boss, user: supervisor } = await t.as(Role.SUPERVISOR);
    const { client: mine, user: member } = await t.as(Role.MANAGER, { supervisorId: supervisor.id });
    const { client: stranger, user: outsider } = await t.as(Role.MANAGER);
    const teamInvoice = await f.postedInvoice(mine, member);
    const otherInvoice = await f.postedInvoice(stranger, outsider);
    expect((await boss.ok(GET_INVOICE, { id: teamInvoice.id })).invoice.id).toBe(teamInvoice.id);
    expect((await boss.gql(GET_INVOICE, { id: otherInvoice.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('invoices list', () => {
  it('filters by payment state and overdue (posted, not paid, due date passed), paginating with a cursor', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    // Due in the past needs an invoice dated before it.
    const p = await f.product({ price: '100.00' });
    const make = async (date: string, due: string | null, post: boolean) => {
      const inv = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, date, paymentDueDate: due, lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
      if (post) await client.ok(POST_INVOICE, { id: inv.id });
      return inv;
    };
    const late = await make(daysFromToday(-20), daysFromToday(-10), true);
    const lateUnposted = await make(daysFromToday(-20), daysFromToday(-10), false);
    const future = await make(daysFromToday(0), daysFromToday(10), true);
    const latePaid = await make(daysFromToday(-20), daysFromToday(-10), true);
    await client.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { counterpartyId: c.id, amount: '120.00', allocations: [{ invoiceId: latePaid.id, amount: '100.00' }] } });

    const ids = async (filter: Record<string, unknown>) => (await client.ok(LIST, { f: { counterpartyId: c.id, ...filter }, first: 50 })).invoices.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    expect(await ids({ overdue: true })).toEqual([late.id]);
    expect(await ids({ overdue: false })).toEqual([lateUnposted.id, future.id, latePaid.id].sort());
    expect(await ids({ paymentState: 'PAID' })).toEqual([latePaid.id]);
    expect(await ids({ paymentState: 'NOT_PAID', overdue: true })).toEqual([late.id]);
    expect(await ids({ paymentState: 'NOT_PAID', posted: true })).toEqual([late.id, future.id].sort());
    expect((await client.ok(GET_INVOICE, { id: late.id })).invoice).toMatchObject({ overdue: true, paymentState: 'NOT_PAID' });
    expect((await client.ok(GET_INVOICE, { id: lateUnposted.id })).invoice.overdue).toBe(false);

    const page1 = (await client.ok(LIST, { f: { counterpartyId: c.id }, first: 3 })).invoices;
    expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const page2 = (await client.ok(LIST, { f: { counterpartyId: c.id }, first: 3, after: page1.pageInfo.endCursor })).invoices;
    expect(page2.edges).toHaveLength(1);
    const all = [...page1.edges, ...page2.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(all).size).toBe(4);
    expect((await client.gql(LIST, { after: 'garbage' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await client.ok(LIST, { f: { search: late.number.slice(-6) } })).invoices.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(late.id);
  });
});

describe('nested fields of a page', () => {
  it('cost a fixed number of SQL statements whatever the page size (no N+1)', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const PAGE = `query($c: ID!) { invoices(first: 50, filter: { counterpartyId: $c }) { edges { node {
      id paymentState paidAmount overdue counterparty { name } responsible { fullName } organization { name } bankAccount { bik }
      lines { product { name } } payments { amount payment { number } invoice { number } }
      chain { interest { id } offers { id } invoices { id } payments { id } shipments { id } events { id } }
    } } } }`;
    const more = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const inv = await f.postedInvoice(client, user, { counterpartyId: c.id, price: '10.00' });
        await client.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { counterpartyId: c.id, amount: '5.00', allocations: [{ invoiceId: inv.id, amount: '5.00' }] } });
      }
    };
    await more(2);
    const small = await client.gql(PAGE, { c: c.id });
    expect(small.errors).toBeUndefined();
    await more(6);
    const large = await client.gql(PAGE, { c: c.id });
    expect(large.errors).toBeUndefined();
    expect(large.data!.invoices.edges).toHaveLength(8);
    expect(large.data!.invoices.edges[0].node.payments[0]).toMatchObject({ amount: '5.00', payment: { number: expect.stringMatching(/^PAY-/) } });
    expect(large.sql).toBe(small.sql);
  }, 120_000);
});

describe('the expected-payment reminder', () => {
  const DUE = `subscription { reminderDue { id userId text state subject { type id title } } }`;

  it('is set for the responsible at 09:00 of the due date when the invoice is posted, and goes when it is unposted or paid', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const due = daysFromToday(7);
    const inv = await f.postedInvoice(client, user, { paymentDueDate: due, price: '2500.00' });
    const reminders = async () => t.app.db.query(`SELECT user_id, state, remind_at, text FROM reminders WHERE subject_type = 'INVOICE' AND subject_id = $1 ORDER BY created_at`, [inv.id]);
    const [r] = await reminders();
    expect(r).toMatchObject({ user_id: user.id, state: 'PENDING' });
    expect(r.remind_at.toISOString()).toBe(new Date(`${due}T06:00:00.000Z`).toISOString()); // 09:00 in Moscow
    expect(r.text).toContain(inv.number);
    expect(r.text).toContain('2 500,00');

    await client.ok(UNPOST_INVOICE, { id: inv.id });
    expect((await reminders()).map((x: { state: string }) => x.state)).toEqual(['DISMISSED']);
    await client.ok(POST_INVOICE, { id: inv.id });
    expect((await reminders()).map((x: { state: string }) => x.state)).toEqual(['DISMISSED', 'PENDING']);

    // A partial payment keeps it; the payment in full dismisses it; cancelling that payment sets it again.
    await client.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { counterpartyId: inv.counterpartyId, amount: '500.00', allocations: [{ invoiceId: inv.id, amount: '500.00' }] } });
    expect((await reminders()).map((x: { state: string }) => x.state)).toEqual(['DISMISSED', 'PENDING']);
    const rest = (await client.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { counterpartyId: inv.counterpartyId, amount: '2000.00', allocations: [{ invoiceId: inv.id, amount: '2000.00' }] } })).createPayment;
    expect((await reminders()).map((x: { state: string }) => x.state)).toEqual(['DISMISSED', 'DISMISSED']);
    await client.ok(`mutation($id: ID!) { cancelPayment(id: $id, input: { reason: "Возврат" }) { id } }`, { id: rest.id });
    const after = await reminders();
    expect(after.map((x: { state: string }) => x.state)).toEqual(['DISMISSED', 'DISMISSED', 'PENDING']);
    expect(after[2].text).toContain('2 000,00');
  });

  it('fires on the due date: pushed to the responsible with the invoice as its subject', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const sub = await subscribe(client, DUE);
    try {
      // Due yesterday: 09:00 of the due date has passed, so the scheduler fires it at once.
      const p = await f.product({ price: '700.00' });
      const c = await t.factories.counterparty(user);
      const inv = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, date: daysFromToday(-3), paymentDueDate: daysFromToday(-1), lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
      await client.ok(POST_INVOICE, { id: inv.id });
      const msg = await sub.nextWhere((m) => m.reminderDue.subject?.id === inv.id, 15_000);
      expect(msg.reminderDue).toMatchObject({ userId: user.id, state: 'DUE', subject: { type: 'INVOICE', id: inv.id, title: expect.stringContaining(inv.number) } });

      // One due tomorrow has not fired; when its time comes (moved to now, as the clock would), it does.
      const later = await f.postedInvoice(client, user, { paymentDueDate: daysFromToday(1) });
      const [pending] = await t.app.db.query(`SELECT id, state FROM reminders WHERE subject_type = 'INVOICE' AND subject_id = $1`, [later.id]);
      expect(pending.state).toBe('PENDING');
      await t.app.db.query(`UPDATE reminders SET remind_at = now() WHERE id = $1`, [pending.id]);
      const fired = await sub.nextWhere((m) => m.reminderDue.id === pending.id, 15_000);
      expect(fired.reminderDue).toMatchObject({ state: 'DUE', subject: { type: 'INVOICE', id: later.id } });
    } finally {
      await sub.close();
    }
  });

  it('is not set without a due date', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inv = await f.postedInvoice(client, user);
    expect(await t.factories.count('reminders', `subject_type = 'INVOICE' AND subject_id = $1`, [inv.id])).toBe(0);
  });
});
