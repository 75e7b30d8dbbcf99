import { DateTime } from 'luxon';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/harness';
import { Role, type User } from '../../auth/user.entity';
import { CREATE_INVOICE, CREATE_OFFER, CREATE_PAYMENT, CREATE_SHIPMENT, POST_INVOICE, daysFromToday, documentFactories } from './documents.testing';

const DESK = `query {
  salesDesk {
    scope
    interestsByStage { stage { id name } count amount weightedAmount }
    offersAwaitingAnswer(first: 10) { id number effectiveState }
    invoiceAgeing {
      notDue { count amount } d0_7 { count amount } d8_30 { count amount } d31_60 { count amount } over60 { count amount }
      overdue { count amount } total { count amount }
    }
    recentPayments(first: 5) { id number }
    recentShipments(first: 5) { id number }
  }
}`;
const CALENDAR = `query($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {
  calendar(from: $from, to: $to, userId: $userId) {
    __typename start end title
    ... on CalendarExpectedPayment { dueDate amountDue invoice { id number } }
  }
}`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

/** An invoice of 1 × price dated `dated` days from today, due `due` days from today, posted. */
async function invoiceDue(client: ApiClient, counterpartyId: string, productId: string, dated: number, due: number | null) {
  const inv = (await client.ok(CREATE_INVOICE, { i: { counterpartyId, date: daysFromToday(dated), paymentDueDate: due === null ? null : daysFromToday(due), lines: [{ productId, quantity: '1' }] } })).createInvoice;
  return (await client.ok(POST_INVOICE, { id: inv.id })).postInvoice;
}

async function manager(supervisor?: User) {
  const m = await t.as(Role.MANAGER, { supervisorId: supervisor?.id });
  const counterparty = await t.factories.counterparty(m.user);
  return { ...m, counterparty };
}

describe('salesDesk', () => {
  it("summarises a manager's own sale: interests by stage, offers awaiting an answer, invoice ageing, recent payments and shipments", async () => {
    const { client, user, counterparty } = await manager();
    const stranger = await manager();
    const p100 = await f.product({ price: '100.00' });
    const { working } = await f.defaultScenario();

    await f.interest(user, { counterpartyId: counterparty.id, plannedAmount: '1000.00', probability: 25, stageId: working[1].id });
    await f.interest(user, { counterpartyId: counterparty.id, plannedAmount: '333.33', probability: 50, stageId: working[1].id });
    await f.interest(user, { counterpartyId: counterparty.id, plannedAmount: '500.00', probability: 10, stageId: working[0].id });
    await f.interest(stranger.user, { counterpartyId: stranger.counterparty.id, plannedAmount: '99999.00', stageId: working[0].id });

    const interest = await f.interestWith(user, [{ productId: p100.id, quantity: '1' }]);
    const draft = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    const soon = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id, validUntil: daysFromToday(2) } })).createCommercialOffer;
    const late = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id, date: daysFromToday(-10), validUntil: daysFromToday(-1) } })).createCommercialOffer;
    for (const o of [soon, late]) await client.ok(`mutation($id: ID!) { markCommercialOfferSent(id: $id) { id } }`, { id: o.id });

    const notDue = await invoiceDue(client, counterparty.id, p100.id, 0, 3);
    await invoiceDue(client, counterparty.id, p100.id, 0, null);
    await invoiceDue(client, counterparty.id, p100.id, -10, -3);
    const month = await invoiceDue(client, counterparty.id, p100.id, -20, -15);
    await invoiceDue(client, counterparty.id, p100.id, -50, -45);
    await invoiceDue(client, counterparty.id, p100.id, -100, -90);
    const paid = await invoiceDue(client, counterparty.id, p100.id, -100, -90);
    const pay = (await client.ok(CREATE_PAYMENT, { i: { counterpartyId: counterparty.id, amount: '140.00', allocations: [{ invoiceId: paid.id, amount: '100.00' }, { invoiceId: month.id, amount: '40.00' }] } })).createPayment;
    const shipment = (await client.ok(CREATE_SHIPMENT, { i: { basedOnInvoiceId: notDue.id } })).createShipment;
    await invoiceDue(stranger.client, stranger.counterparty.id, p100.id, -100, -90);

    const desk = (await client.ok(DESK)).salesDesk;
    expect(desk.scope).toBe('MINE');
    const byStage = Object.fromEntries(desk.interestsByStage.map((r: { stage: { id: string } }) => [r.stage.id, r]));
    expect(byStage[working[1].id]).toMatchObject({ count: 2, amount: '1333.33', weightedAmount: '416.67' }); // 250.00 + 166.665 → 166.67
    expect(byStage[working[0].id]).toMatchObject({ count: 2, amount: '600.00', stage: { name: working[0].name } }); // 500 + the interest with lines (100)
    expect(desk.offersAwaitingAnswer.map((o: { id: string }) => o.id)).toEqual([late.id, soon.id]);
    expect(desk.offersAwaitingAnswer.map((o: { effectiveState: string }) => o.effectiveState)).toEqual(['EXPIRED', 'SENT']);
    expect(desk.offersAwaitingAnswer.map((o: { id: string }) => o.id)).not.toContain(draft.id);
    expect(desk.invoiceAgeing).toEqual({
      notDue: { count: 2, amount: '200.00' },
      d0_7: { count: 1, amount: '100.00' },
      d8_30: { count: 1, amount: '60.00' },
      d31_60: { count: 1, amount: '100.00' },
      over60: { count: 1, amount: '100.00' },
      overdue: { count: 4, amount: '360.00' },
      total: { count: 6, amount: '560.00' },
    });
    expect(desk.recentPayments.map((p: { id: string }) => p.id)).toEqual([pay.id]);
    expect(desk.recentShipments.map((s: { id: string }) => s.id)).toEqual([shipment.id]);
  }, 120_000);

  it("gives a supervisor the team's figures", async () => {
    const boss = await t.as(Role.SUPERVISOR);
    const a = await manager(boss.user);
    const b = await manager(boss.user);
    const p = await f.product({ price: '250.00' });
    await invoiceDue(a.client, a.counterparty.id, p.id, -10, -2);
    await invoiceDue(b.client, b.counterparty.id, p.id, 0, 5);
    const desk = (await boss.client.ok(DESK)).salesDesk;
    expect(desk.scope).toBe('TEAM');
    expect(desk.invoiceAgeing.total).toEqual({ count: 2, amount: '500.00' });
    expect(desk.invoiceAgeing.d0_7).toEqual({ count: 1, amount: '250.00' });
    expect((await a.client.ok(DESK)).salesDesk.invoiceAgeing.total).toEqual({ count: 1, amount: '250.00' });
  });
});

describe('expected payments in the work calendar', () => {
  it('shows my posted, not fully paid invoices on their due dates, as whole days in my time zone', async () => {
    const { client, user, counterparty } = await manager();
    const p = await f.product({ price: '1000.00' });
    const due = await invoiceDue(client, counterparty.id, p.id, 0, 4);
    const partly = await invoiceDue(client, counterparty.id, p.id, 0, 6);
    const paid = await invoiceDue(client, counterparty.id, p.id, 0, 5);
    const unposted = (await client.ok(CREATE_INVOICE, { i: { counterpartyId: counterparty.id, paymentDueDate: daysFromToday(5), lines: [{ productId: p.id, quantity: '1' }] } })).createInvoice;
    await client.ok(CREATE_PAYMENT, { i: { counterpartyId: counterparty.id, amount: '1250.00', allocations: [{ invoiceId: paid.id, amount: '1000.00' }, { invoiceId: partly.id, amount: '250.00' }] } });

    const from = DateTime.now().setZone('Europe/Moscow').startOf('day').toUTC();
    const items = (await client.ok(CALENDAR, { from: from.toISO(), to: from.plus({ days: 10 }).toISO() })).calendar;
    const payments = items.filter((i: { __typename: string }) => i.__typename === 'CalendarExpectedPayment');
    expect(payments.map((i: { invoice: { id: string } }) => i.invoice.id)).toEqual([due.id, partly.id]);
    const first = payments[0];
    expect(first).toMatchObject({ dueDate: daysFromToday(4), amountDue: '1000.00' });
    expect(first.title).toContain(due.number);
    expect(first.start).toBe(DateTime.fromISO(daysFromToday(4), { zone: 'Europe/Moscow' }).toUTC().toISO({ suppressMilliseconds: false }));
    expect(Date.parse(first.end) - Date.parse(first.start)).toBe(24 * 3600_000);
    expect(payments[1].amountDue).toBe('750.00');
    expect(payments.map((i: { invoice: { id: string } }) => i.invoice.id)).not.toContain(unposted.id);
    // The expected-payment reminders are in it too (for myself), as before.
    expect(items.filter((i: { __typename: string }) => i.__typename === 'CalendarReminder').length).toBe(2);

    // A colleague cannot open my calendar; my supervisor-less colleague's own calendar does not show my invoices.
    const other = await t.as(Role.MANAGER);
    expect((await other.client.gql(CALENDAR, { from: from.toISO(), to: from.plus({ days: 10 }).toISO(), userId: user.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const theirs = (await other.client.ok(CALENDAR, { from: from.toISO(), to: from.plus({ days: 10 }).toISO() })).calendar;
    expect(theirs.filter((i: { __typename: string }) => i.__typename === 'CalendarExpectedPayment')).toEqual([]);
  });
});
