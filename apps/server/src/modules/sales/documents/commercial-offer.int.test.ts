import { startTestServer, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { CREATE_INVOICE, CREATE_OFFER, OFFER_FIELDS, daysFromToday, documentFactories } from './documents.testing';

const UPDATE = `mutation($id: ID!, $i: UpdateCommercialOfferInput!) { updateCommercialOffer(id: $id, input: $i) { ${OFFER_FIELDS} } }`;
const SENT = `mutation($id: ID!) { markCommercialOfferSent(id: $id) { ${OFFER_FIELDS} } }`;
const ACCEPTED = `mutation($id: ID!) { markCommercialOfferAccepted(id: $id) { ${OFFER_FIELDS} } }`;
const REJECTED = `mutation($id: ID!) { markCommercialOfferRejected(id: $id) { ${OFFER_FIELDS} } }`;
const GET = `query($id: ID!) { commercialOffer(id: $id) { ${OFFER_FIELDS} } }`;
const LIST = `query($f: CommercialOfferFilter) { commercialOffers(first: 50, filter: $f) { totalCount edges { node { id effectiveState } } } }`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

async function interestOfMine(price = '100.00') {
  const m = await t.as(Role.MANAGER);
  const p = await f.product({ price });
  const interest = await f.interestWith(m.user, [{ productId: p.id, quantity: '2' }]);
  return { ...m, product: p, interest };
}

describe('createCommercialOffer', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const { interest } = await interestOfMine();
    const r = await t.anonymous().gql(CREATE_OFFER, { i: { basedOnInterestId: interest.id } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('commercial_offers', 'interest_id = $1', [interest.id])).toBe(0);
  });

  it.each([
    ['nothing to base it on', () => ({}), 'basedOnInterestId', 'REQUIRED'],
    ['an interest id that is not one', () => ({ basedOnInterestId: 'CI-1' }), 'basedOnInterestId', undefined],
    ['a valid-until date before its date', (i: string) => ({ basedOnInterestId: i, date: '2026-05-10', validUntil: '2026-05-09' }), 'validUntil', 'BEFORE_DATE'],
    ['a date that is not one', (i: string) => ({ basedOnInterestId: i, validUntil: '2026-02-30' }), undefined, undefined],
  ])('refuses %s and writes nothing', async (_case, input, field, reason) => {
    const { client, interest } = await interestOfMine();
    const r = await client.gql(CREATE_OFFER, { i: input(interest.id) });
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    if (field) expect(r.errors?.[0].extensions.field).toBe(field);
    if (reason) expect(r.errors?.[0].extensions.reason).toBe(reason);
    expect(await t.factories.count('commercial_offers', 'interest_id = $1', [interest.id])).toBe(0);
  });

  it("refuses a colleague's interest as not found", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { interest } = await interestOfMine();
    const r = await client.gql(CREATE_OFFER, { i: { basedOnInterestId: interest.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'basedOnInterestId', reason: 'NOT_FOUND' });
  });

  it('takes the given lines instead of the interest’s, with discounts, and audits the creation', async () => {
    const { client, user, interest, product } = await interestOfMine('100.00');
    const o = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id, vatMode: 'ADDED', lines: [{ productId: product.id, quantity: '10', price: '99.99', discountPercent: '5' }] } })).createCommercialOffer;
    expect(o.lines).toEqual([expect.objectContaining({ quantity: '10.000', price: '99.99', discountPercent: '5.00', amount: '949.91', vat: '189.98', total: '1139.89' })]); // 949.905 → 949.91
    expect(o).toMatchObject({ amount: '949.91', vat: '189.98', total: '1139.89', responsibleId: user.id });
    const audit = await t.factories.auditOf(o.id);
    expect(audit[0]).toMatchObject({ action: 'CREATE', entity_type: 'CommercialOffer', actor_id: user.id, entity_label: o.number });
  });
});

describe('offer states', () => {
  it('changes only while a draft, then goes SENT → ACCEPTED; REJECTED refuses an invoice', async () => {
    const { client, interest, product } = await interestOfMine('100.00');
    const o = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    const changed = (await client.ok(UPDATE, { id: o.id, i: { version: o.version, lines: [{ productId: product.id, quantity: '5' }], validUntil: daysFromToday(30) } })).updateCommercialOffer;
    expect(changed).toMatchObject({ total: '500.00', version: o.version + 1, validUntil: daysFromToday(30) });
    expect((await client.gql(ACCEPTED, { id: o.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE_TRANSITION_INVALID' });
    const sent = (await client.ok(SENT, { id: o.id })).markCommercialOfferSent;
    expect(sent).toMatchObject({ state: 'SENT', effectiveState: 'SENT', viewerCan: { update: false, accept: true, reject: true } });
    expect((await client.gql(UPDATE, { id: o.id, i: { version: sent.version, comment: 'x' } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DRAFT' });
    expect((await client.ok(ACCEPTED, { id: o.id })).markCommercialOfferAccepted.state).toBe('ACCEPTED');
    expect((await client.gql(REJECTED, { id: o.id })).errors?.[0].extensions.code).toBe('CONFLICT');

    const other = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    await client.ok(SENT, { id: other.id });
    expect((await client.ok(REJECTED, { id: other.id })).markCommercialOfferRejected.state).toBe('REJECTED');
    const r = await client.gql(CREATE_INVOICE, { i: { basedOnOfferId: other.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'basedOnOfferId', reason: 'OFFER_REJECTED' });
  });

  it('is EXPIRED once sent, unanswered and past its valid-until date (computed, filterable, never stored)', async () => {
    const { client, interest } = await interestOfMine();
    const expired = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id, date: daysFromToday(-20), validUntil: daysFromToday(-1) } })).createCommercialOffer;
    const valid = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id, validUntil: daysFromToday(0) } })).createCommercialOffer;
    expect(expired.effectiveState).toBe('DRAFT'); // a draft does not expire
    await client.ok(SENT, { id: expired.id });
    await client.ok(SENT, { id: valid.id });
    expect((await client.ok(GET, { id: expired.id })).commercialOffer).toMatchObject({ state: 'SENT', effectiveState: 'EXPIRED' });
    expect((await client.ok(GET, { id: valid.id })).commercialOffer).toMatchObject({ state: 'SENT', effectiveState: 'SENT' });
    const ids = async (state: string) => (await client.ok(LIST, { f: { interestId: interest.id, state } })).commercialOffers.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids('EXPIRED')).toEqual([expired.id]);
    expect(await ids('SENT')).toEqual([valid.id]);
    expect((await t.app.db.query(`SELECT state FROM commercial_offers WHERE id = $1`, [expired.id]))[0].state).toBe('SENT');
    // A late answer is still recorded.
    expect((await client.ok(ACCEPTED, { id: expired.id })).markCommercialOfferAccepted.effectiveState).toBe('ACCEPTED');
  });

  it("does not let a colleague see, change or answer my offer", async () => {
    const { client: colleague } = await t.as(Role.MANAGER);
    const { client, interest } = await interestOfMine();
    const o = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    expect((await colleague.gql(GET, { id: o.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await colleague.gql(SENT, { id: o.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await colleague.gql(UPDATE, { id: o.id, i: { version: 1, comment: 'x' } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await colleague.ok(LIST, { f: { interestId: interest.id } })).commercialOffers.totalCount).toBe(0);
    expect((await t.app.db.query(`SELECT state FROM commercial_offers WHERE id = $1`, [o.id]))[0].state).toBe('DRAFT');
  });
});

describe('the chain and row scope', () => {
  it("shows in my interest's chain only the documents I may see", async () => {
    const { client, user, interest } = await interestOfMine();
    const { user: colleague } = await t.as(Role.MANAGER);
    const admin = await t.factories.admin();
    const mine = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    // An administrator makes an offer on my interest with a colleague responsible for it: not mine to see.
    const theirs = await t.app.services.commercialOffers.create(admin, { basedOnInterestId: interest.id, responsibleId: colleague.id });
    const theirInvoice = await t.app.services.invoices.create(admin, { basedOnOfferId: theirs.id, responsibleId: colleague.id });
    const myInvoice = (await client.ok(CREATE_INVOICE, { i: { basedOnOfferId: mine.id } })).createInvoice;
    const chain = (await client.ok(`query($id: ID!) { clientInterest(id: $id) { chain { offers { id } invoices { id } } } }`, { id: interest.id })).clientInterest.chain;
    expect(chain.offers.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    expect(chain.invoices.map((i: { id: string }) => i.id)).toEqual([myInvoice.id]);
    expect((await client.gql(`query($id: ID!) { invoice(id: $id) { id } }`, { id: theirInvoice.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const adminView = await t.app.services.documentChains.chainsOf(admin, [{ type: 'CLIENT_INTEREST' as never, id: interest.id }]);
    expect([...adminView.values()][0].offers.map((o) => o.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(user.id).not.toBe(colleague.id);
  });
});
