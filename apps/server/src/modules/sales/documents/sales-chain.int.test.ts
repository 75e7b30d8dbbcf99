import { startTestServer, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { VatRate } from '../catalog/catalog.enums';
import { pdfText } from '../print/pdf-text.testing';
import {
  CREATE_INVOICE,
  CREATE_OFFER,
  CREATE_PAYMENT,
  CREATE_SHIPMENT,
  GET_INVOICE,
  POST_INVOICE,
  POST_SHIPMENT,
  UNPOST_INVOICE,
  UNPOST_SHIPMENT,
  daysFromToday,
  documentFactories,
} from './documents.testing';

const CHAIN = `chain {
  interest { id number }
  offers { id number }
  invoices { id number paymentState }
  payments { id number }
  shipments { id number posted }
  events { id subject counterpartyId contactPersonId basedOn { type id } }
}`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

/** A GET of a print route with the client's session cookie (or none). */
async function download(path: string, cookie?: string) {
  const res = await fetch(`${t.url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('the whole sale for one client', () => {
  it('goes interest → offer → invoice → post → partial payment → paid → shipment → sales facts, and every document shows the chain', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const table = await f.product({ price: '12345.67', vatRate: VatRate.VAT_20, costPrice: '8000.00' });
    const install = await f.product({ price: '1500.00', vatRate: VatRate.VAT_20, costPrice: null });
    const interest = await f.interestWith(user, [
      { productId: table.id, quantity: '3' },
      { productId: install.id, quantity: '1' },
    ]);

    // The offer copies the interest's lines; VAT included by default, per line.
    const offer = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id, validUntil: daysFromToday(10) } })).createCommercialOffer;
    expect(offer).toMatchObject({ state: 'DRAFT', effectiveState: 'DRAFT', interestId: interest.id, counterpartyId: interest.counterpartyId, vatMode: 'INCLUDED', total: '38537.01', vat: '6422.84' });
    expect(offer.number).toMatch(/^CO-\d{4}-\d{6}$/);
    expect(offer.lines).toEqual([
      expect.objectContaining({ lineNo: 1, productId: table.id, quantity: '3.000', price: '12345.67', vatRate: 'VAT_20', vatPercent: '20.00', amount: '37037.01', vat: '6172.84', total: '37037.01' }),
      expect.objectContaining({ lineNo: 2, productId: install.id, quantity: '1.000', price: '1500.00', amount: '1500.00', vat: '250.00', total: '1500.00' }),
    ]);

    // The invoice based on the offer: same lines, same totals, tied to the same interest.
    const invoice = (await client.ok(CREATE_INVOICE, { i: { basedOnOfferId: offer.id, paymentDueDate: daysFromToday(5) } })).createInvoice;
    expect(invoice).toMatchObject({ offerId: offer.id, interestId: interest.id, total: '38537.01', vat: '6422.84', posted: false, paymentState: 'NOT_PAID', paidAmount: '0.00', amountDue: '38537.01', overdue: false });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(invoice.bankAccountId).toBeTruthy();
    const posted = (await client.ok(POST_INVOICE, { id: invoice.id })).postInvoice;
    expect(posted).toMatchObject({ posted: true, viewerCan: { update: false, unpost: true, registerPayment: true, createShipment: true } });

    // A partial payment, then the rest: NOT_PAID → PARTIALLY_PAID → PAID, derived from the allocations.
    const first = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: interest.counterpartyId, amount: '10000.00', allocations: [{ invoiceId: invoice.id, amount: '10000.00' }] } })).createPayment;
    expect(first.number).toMatch(/^PAY-\d{4}-\d{6}$/);
    expect((await client.ok(GET_INVOICE, { id: invoice.id })).invoice).toMatchObject({ paymentState: 'PARTIALLY_PAID', paidAmount: '10000.00', amountDue: '28537.01' });
    const second = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: interest.counterpartyId, amount: '30000.00', allocations: [{ invoiceId: invoice.id, amount: '28537.01' }] } })).createPayment;
    expect((await client.ok(GET_INVOICE, { id: invoice.id })).invoice).toMatchObject({ paymentState: 'PAID', paidAmount: '38537.01', amountDue: '0.00', overdue: false });
    const interestState = async () => (await client.ok(`query($id: ID!) { clientInterest(id: $id) { state } }`, { id: interest.id })).clientInterest.state;
    expect(await interestState()).toBe('ACTIVE'); // paid, but not shipped yet

    // Paid: unposting is refused, with the reason and the payments in the way.
    const refused = await client.gql(UNPOST_INVOICE, { id: invoice.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_PAYMENTS', documents: [first.number, second.number] });
    expect(refused.errors?.[0].message).toContain(first.number);
    expect((await t.app.db.query(`SELECT posted FROM invoices WHERE id = $1`, [invoice.id]))[0].posted).toBe(true);

    // The shipment of everything, posted: one sales fact per line, revenue with and without VAT, cost from the cost price.
    const shipment = (await client.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: invoice.id } })).createShipment;
    expect(shipment).toMatchObject({ posted: false, total: '38537.01', vat: '6422.84', salesFacts: [] });
    expect(shipment.number).toMatch(/^SH-\d{4}-\d{6}$/);
    const shipped = (await client.ok(POST_SHIPMENT, { id: shipment.id })).postShipment;
    expect(shipped.posted).toBe(true);
    expect(shipped.salesFacts).toEqual([
      { date: shipment.date, line: 1, productId: table.id, counterpartyId: interest.counterpartyId, managerId: user.id, quantity: '3.000', revenueWithoutVat: '30864.17', vat: '6172.84', revenue: '37037.01', cost: '24000.00' },
      { date: shipment.date, line: 2, productId: install.id, counterpartyId: interest.counterpartyId, managerId: user.id, quantity: '1.000', revenueWithoutVat: '1250.00', vat: '250.00', revenue: '1500.00', cost: null },
    ]);
    expect(await t.factories.count('sales_facts', 'shipment_id = $1', [shipment.id])).toBe(2);
    // Paid in full and shipped in full: the sale is closed and its interest won.
    expect((await client.ok(`query($id: ID!) { clientInterest(id: $id) { state stage { semantic } } }`, { id: interest.id })).clientInterest).toEqual({ state: 'WON', stage: { semantic: 'SUCCESS' } });

    // A posted shipment also keeps the invoice posted.
    await client.ok(`mutation($id: ID!, $i: CancelPaymentInput!) { cancelPayment(id: $id, input: $i) { id } }`, { id: first.id, i: { reason: 'Ошибочно разнесен' } });
    await client.ok(`mutation($id: ID!, $i: CancelPaymentInput!) { cancelPayment(id: $id, input: $i) { id } }`, { id: second.id, i: { reason: 'Ошибочно разнесен' } });
    const stillShipped = await client.gql(UNPOST_INVOICE, { id: invoice.id });
    expect(stillShipped.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_POSTED_SHIPMENTS', documents: [shipment.number] });

    // An event entered based on the invoice takes its client and contact person.
    const event = (
      await client.ok(`mutation($i: CreateEventInput!) { createEvent(input: $i) { id counterpartyId contactPersonId } }`, {
        i: { kind: 'CALL', subject: 'Звонок по оплате', start: new Date(Date.now() + 3600_000).toISOString(), basedOn: { type: 'INVOICE', id: invoice.id } },
      })
    ).createEvent;
    expect(event).toMatchObject({ counterpartyId: interest.counterpartyId, contactPersonId: interest.contactPersonId });

    // Every document shows the same chain, both ways.
    const chains = await client.ok(
      `query($ci: ID!, $o: ID!, $i: ID!, $p: ID!, $s: ID!) {
        clientInterest(id: $ci) { ${CHAIN} }
        commercialOffer(id: $o) { ${CHAIN} }
        invoice(id: $i) { ${CHAIN} }
        payment(id: $p) { ${CHAIN} }
        shipment(id: $s) { ${CHAIN} }
      }`,
      { ci: interest.id, o: offer.id, i: invoice.id, p: first.id, s: shipment.id },
    );
    for (const doc of ['clientInterest', 'commercialOffer', 'invoice', 'payment', 'shipment']) {
      const chain = chains[doc].chain;
      expect(chain.interest).toEqual({ id: interest.id, number: interest.number });
      expect(chain.offers.map((o: { id: string }) => o.id)).toEqual([offer.id]);
      expect(chain.invoices).toEqual([{ id: invoice.id, number: invoice.number, paymentState: 'NOT_PAID' }]);
      expect(chain.payments.map((p: { id: string }) => p.id).sort()).toEqual([first.id, second.id].sort());
      expect(chain.shipments).toEqual([{ id: shipment.id, number: shipment.number, posted: true }]);
      expect(chain.events).toEqual([expect.objectContaining({ id: event.id, basedOn: { type: 'INVOICE', id: invoice.id } })]);
    }

    // Unposting the shipment removes its sales facts; then the invoice can be unposted.
    expect((await client.ok(UNPOST_SHIPMENT, { id: shipment.id })).unpostShipment).toMatchObject({ posted: false, salesFacts: [] });
    expect(await t.factories.count('sales_facts', 'shipment_id = $1', [shipment.id])).toBe(0);
    expect((await client.ok(UNPOST_INVOICE, { id: invoice.id })).unpostInvoice.posted).toBe(false);

    // Every step wrote its audit row.
    for (const id of [offer.id, invoice.id, first.id, shipment.id]) expect((await t.factories.auditOf(id)).length).toBeGreaterThan(0);
    expect((await t.factories.auditOf(invoice.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
  }, 120_000);

  it('serves the invoice PDF with the total and the amount in words, to its manager only', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { client: colleague } = await t.as(Role.MANAGER);
    const product = await f.product({ price: '12345.67' });
    const interest = await f.interestWith(user, [{ productId: product.id, quantity: '3' }]);
    const invoice = (await client.ok(CREATE_INVOICE, { i: { basedOnInterestId: interest.id, paymentDueDate: daysFromToday(3) } })).createInvoice;
    expect(invoice.pdfUrl).toBe(`/print/invoice/${invoice.id}.pdf`);

    const mine = await download(invoice.pdfUrl, client.cookie);
    expect(mine.status).toBe(200);
    expect(mine.type).toBe('application/pdf');
    const text = (await pdfText(mine.body)).replace(/[\t ]+/g, ' ');
    expect(text).toContain(`Счет на оплату № ${invoice.number}`);
    expect(text).toContain('Всего к оплате: 37 037,01');
    expect(text).toContain('Тридцать семь тысяч тридцать семь рублей 01 копейка');
    expect(text).toContain('В том числе НДС 20%: 6 172,84');

    expect((await download(invoice.pdfUrl, colleague.cookie)).status).toBe(404);
    expect((await download(invoice.pdfUrl)).status).toBe(401);
    expect((await download('/print/invoice/not-an-id.pdf', client.cookie)).status).toBe(404);
    expect((await download(`/print/invoice/${interest.id}.pdf`, client.cookie)).status).toBe(404);
  });

  it('serves the PDF to an integrator with a bearer token too', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const product = await f.product({ price: '500.00' });
    const interest = await f.interestWith(user, [{ productId: product.id, quantity: '2' }]);
    const offer = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    const token = (await client.ok(`mutation { createApiToken(input: { name: "print" }) { token } }`)).createApiToken.token;
    const res = await fetch(`${t.url}${offer.pdfUrl}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/[\t ]+/g, ' ');
    expect(text).toContain(`Коммерческое предложение № ${offer.number}`);
    expect(text).toContain('Одна тысяча рублей 00 копеек');
  });
});
