import net, { type AddressInfo } from 'node:net';
import { createApp, type App } from '../../../app';
import { loadConfig } from '../../../core/config';
import { createLogger } from '../../../core/logger';
import { ApiClient, startTestServer, unique, type TestServer } from '../../../test/harness';
import { Role, type User } from '../../auth/user.entity';
import { ContactInfoType } from '../../contacts/contacts.enums';
import { CREATE_INVOICE, CREATE_OFFER, documentFactories } from './documents.testing';

const SEND_INVOICE = `mutation($id: ID!, $i: SendDocumentInput) { sendInvoice(id: $id, input: $i) { emailed to event { id kind direction state subject content result counterpartyId basedOn { type id } } } }`;
const SEND_OFFER = `mutation($id: ID!, $i: SendDocumentInput) { sendCommercialOffer(id: $id, input: $i) { emailed to event { id kind state basedOn { type id } } } }`;

let t: TestServer;
let f: ReturnType<typeof documentFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = documentFactories(t);
});
afterAll(() => t.close());

/** A counterparty of `user` with an e-mail address, and an invoice to it. */
async function invoiceWithEmail(client: ApiClient, user: User, email: string | null) {
  const contactInfo = email ? [{ type: ContactInfoType.EMAIL, kindId: await t.factories.kindId('EMAIL'), value: email }] : [];
  const c = await t.factories.counterparty(user, { contactInfo });
  const p = await f.product({ price: '1234.50' });
  return (await client.ok(CREATE_INVOICE, { i: { counterpartyId: c.id, lines: [{ productId: p.id, quantity: '2' }] } })).createInvoice;
}

describe('sending without SMTP_URL', () => {
  it('records a completed outgoing letter based on the invoice, with the address in its content, and mails nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inv = await invoiceWithEmail(client, user, 'buh@romashka.test');
    const sent = (await client.ok(SEND_INVOICE, { id: inv.id, i: { comment: 'Счет во вложении' } })).sendInvoice;
    expect(sent).toMatchObject({ emailed: false, to: 'buh@romashka.test' });
    expect(sent.event).toMatchObject({ kind: 'LETTER', direction: 'OUTGOING', state: 'COMPLETED', counterpartyId: inv.counterpartyId, basedOn: { type: 'INVOICE', id: inv.id } });
    expect(sent.event.subject).toContain(inv.number);
    expect(sent.event.content).toContain('buh@romashka.test');
    expect(sent.event.content).toContain('Счет во вложении');
    expect(sent.event.result).toContain('SMTP_URL');
    const chain = (await client.ok(`query($id: ID!) { invoice(id: $id) { chain { events { id } } } }`, { id: inv.id })).invoice.chain;
    expect(chain.events.map((e: { id: string }) => e.id)).toEqual([sent.event.id]);
  });

  it('marks a draft offer sent, and refuses a colleague (NOT_FOUND) or a bad address (the field named)', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { client: colleague } = await t.as(Role.MANAGER);
    const p = await f.product();
    const interest = await f.interestWith(user, [{ productId: p.id, quantity: '1' }]);
    const offer = (await client.ok(CREATE_OFFER, { i: { basedOnInterestId: interest.id } })).createCommercialOffer;
    expect((await client.gql(SEND_OFFER, { id: offer.id, i: { to: 'not-an-address' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await colleague.gql(SEND_OFFER, { id: offer.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('events', `based_on_id = $1`, [offer.id])).toBe(0);
    const sent = (await client.ok(SEND_OFFER, { id: offer.id, i: { to: 'client@example.test' } })).sendCommercialOffer;
    expect(sent).toMatchObject({ emailed: false, to: 'client@example.test', event: { kind: 'LETTER', state: 'COMPLETED', basedOn: { type: 'COMMERCIAL_OFFER', id: offer.id } } });
    const [row] = await t.app.db.query(`SELECT state, sent_at FROM commercial_offers WHERE id = $1`, [offer.id]);
    expect(row.state).toBe('SENT');
    expect(row.sent_at).toBeInstanceOf(Date);
  });
});

/** A tiny SMTP server that accepts every message and keeps it, for the duration of a test. */
async function smtpSink() {
  const messages: Array<{ from: string; to: string[]; data: string }> = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') (current.from = line), socket.write('250 OK\r\n');
        else if (verb === 'RCPT') current.to.push(line), socket.write('250 OK\r\n');
        else if (verb === 'DATA') (inData = true), socket.write('354 go ahead\r\n');
        else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.address() as AddressInfo).port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('sending with SMTP_URL', () => {
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let app: App;
  beforeAll(async () => {
    sink = await smtpSink();
    const config = {
      ...loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40), CRM_WEB_DIR: '/nonexistent', CRM_SCHEDULER_INTERVAL_MS: '0', SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_FROM: 'CRM <crm@our.test>' }),
    };
    // A second server on the same database, configured with the sink as its SMTP server.
    app = await createApp(config, createLogger('silent'), { db: t.app.db, mode: t.app.databaseMode, close: async () => undefined });
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  it('e-mails the invoice PDF to the client and records the letter', async () => {
    const { user } = await t.as(Role.MANAGER);
    const client = await new ApiClient(app.url).login(user.email);
    const inv = await invoiceWithEmail(client, user, `${unique('buh')}@romashka.test`);
    const sent = (await client.ok(SEND_INVOICE, { id: inv.id })).sendInvoice;
    expect(sent.emailed).toBe(true);
    expect(sent.event.result).toContain(sent.to);
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail.from).toContain('crm@our.test');
    expect(mail.to.join()).toContain(sent.to);
    expect(mail.data).toContain('Content-Type: application/pdf');
    expect(mail.data).toContain(`${inv.number}.pdf`);
  });

  it('refuses to send when no address is known, recording nothing', async () => {
    const { user } = await t.as(Role.MANAGER);
    const client = await new ApiClient(app.url).login(user.email);
    const inv = await invoiceWithEmail(client, user, null);
    const r = await client.gql(SEND_INVOICE, { id: inv.id });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', reason: 'RECIPIENT_REQUIRED' });
    expect(await t.factories.count('events', `based_on_id = $1`, [inv.id])).toBe(0);
  });
});
