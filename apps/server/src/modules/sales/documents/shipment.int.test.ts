import { startTestServer, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { CREATE_INVOICE, CREATE_SHIPMENT, INVOICE_FIELDS, POST_SHIPMENT, SHIPMENT_FIELDS, UNPOST_INVOICE, UNPOST_SHIPMENT, documentFactories } from './documents.testing';

const GET = `query($id: ID!) { shipment(id: $id) { ${SHIPMENT_FIELDS} } }`;
const LIST = `query($f: ShipmentFilter) { shipments(first: 50, filter: $f) { totalCount edges { node { id } } } }`;
const UPDATE_INVOICE = `mutation($id: ID!, $i: UpdateInvoiceInput!) { updateInvoice(id: $id, input: $i) { ${INVOICE_FIELDS} } }`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

describe('createShipment', () => {
  it('refuses an anonymous caller and an unposted invoice, writing nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const p = await f.product();
    const draft = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
    expect((await t.anonymous().gql(CREATE_SHIPMENT, { i: { basedOnInvoiceId: draft.id } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const r = await client.gql(CREATE_SHIPMENT, { i: { basedOnInvoiceId: draft.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'basedOnInvoiceId', reason: 'INVOICE_NOT_POSTED' });
    expect(await t.factories.count('shipments', 'invoice_id = $1', [draft.id])).toBe(0);
  });

  it('ships part of a line at its price and VAT, never more than is left, and then the rest', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inv = await f.postedInvoice(client, user, { price: '33.33', quantity: '5' });
    const line = inv.lines[0].id;
    const part = (await client.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id, lines: [{ invoiceLineId: line, quantity: '2' }] } })).createShipment;
    expect(part.lines).toEqual([expect.objectContaining({ invoiceLineId: line, quantity: '2.000', price: '33.33', amount: '66.66', vat: '11.11', total: '66.66' })]);
    for (const [lines, field, reason] of [
      [[{ invoiceLineId: line, quantity: '3.001' }], 'lines.0.quantity', 'EXCEEDS_REMAINING'],
      [[{ invoiceLineId: line, quantity: '0' }], 'lines.0.quantity', 'DECIMAL_NOT_POSITIVE'],
      [[{ invoiceLineId: inv.id, quantity: '1' }], 'lines.0.invoiceLineId', 'NOT_FOUND'],
      [[{ invoiceLineId: line, quantity: '1' }, { invoiceLineId: line, quantity: '1' }], 'lines.1.invoiceLineId', 'DUPLICATE'],
    ] as const) {
      const r = await client.gql(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id, lines } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const rest = (await client.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id } })).createShipment;
    expect(rest.lines).toEqual([expect.objectContaining({ quantity: '3.000', amount: '99.99' })]);
    expect((await client.gql(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_SHIP' });
    expect(await t.factories.count('shipments', 'invoice_id = $1', [inv.id])).toBe(2);
  });

  it('posts once and unposts once, writing and removing its sales facts with audit rows', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inv = await f.postedInvoice(client, user, { price: '50.00', quantity: '2' });
    const s = (await client.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id } })).createShipment;
    expect((await client.gql(UNPOST_SHIPMENT, { id: s.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_POSTED' });
    const posted = (await client.ok(POST_SHIPMENT, { id: s.id })).postShipment;
    expect(posted.salesFacts).toEqual([expect.objectContaining({ quantity: '2.000', revenue: '100.00', vat: '16.67', revenueWithoutVat: '83.33', managerId: user.id, cost: null })]);
    expect((await client.gql(POST_SHIPMENT, { id: s.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_POSTED' });
    expect(await t.factories.count('sales_facts', 'shipment_id = $1', [s.id])).toBe(1);
    await client.ok(UNPOST_SHIPMENT, { id: s.id });
    expect(await t.factories.count('sales_facts', 'shipment_id = $1', [s.id])).toBe(0);
    const audit = await t.factories.auditOf(s.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    expect(audit[1].changes).toEqual([{ field: 'posted', old: false, new: true }]);
  });

  it('keeps the lines of an invoice that has shipments, even unposted: changing them is refused with the reason', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inv = await f.postedInvoice(client, user, { price: '10.00', quantity: '1' });
    await client.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id } });
    const unposted = (await client.ok(UNPOST_INVOICE, { id: inv.id })).unpostInvoice;
    const p = await f.product();
    const r = await client.gql(UPDATE_INVOICE, { id: inv.id, i: { version: unposted.version, lines: [{ productId: p.id, quantity: '2' }] } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_SHIPMENTS' });
    // Its comment can still change.
    expect((await client.ok(UPDATE_INVOICE, { id: inv.id, i: { version: unposted.version, comment: 'Доставка до двери' } })).updateInvoice.version).toBe(unposted.version + 1);
    // And a shipment of an unposted invoice cannot be posted.
    const [s] = await t.app.db.query(`SELECT id FROM shipments WHERE invoice_id = $1`, [inv.id]);
    expect((await client.gql(POST_SHIPMENT, { id: s.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_NOT_POSTED' });
  });

  it("hides a colleague's shipments: by id, list, posting", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { client: colleague, user: other } = await t.as(Role.MANAGER);
    const inv = await f.postedInvoice(colleague, other);
    const theirs = (await colleague.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id } })).createShipment;
    expect((await client.gql(GET, { id: theirs.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await client.gql(POST_SHIPMENT, { id: theirs.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await client.gql(CREATE_SHIPMENT, { i: { basedOnInvoiceId: inv.id } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    expect((await client.ok(LIST, { f: { invoiceId: inv.id } })).shipments.totalCount).toBe(0);
    expect((await t.app.db.query(`SELECT posted FROM shipments WHERE id = $1`, [theirs.id]))[0].posted).toBe(false);
  });
});
