import { startTestServer, type TestServer } from '../test/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const expectedMode = process.env.CRM_TEST_DB_MODE === 'embedded' ? 'embedded' : 'postgres';

describe('GET /healthz', () => {
  it('reports the server and its database up, without signing in', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok', database: { state: 'up', mode: expectedMode } });
  });

  it('reports the database down with 503 while it is unreachable, and up again after', async () => {
    await t.app.db.destroy();
    try {
      const res = await fetch(`${t.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', database: { state: 'down', mode: expectedMode } });
    } finally {
      await t.app.db.initialize();
    }
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
