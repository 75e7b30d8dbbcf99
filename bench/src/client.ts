import http from 'node:http';

export interface GqlResponse<T = any> {
  data: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  /** SQL statements the server ran for this request (`x-sql-statements`). */
  sql: number;
  /** Round trip as the client saw it, request written to body parsed. */
  ms: number;
}

/**
 * A GraphQL caller over plain node:http with a keep-alive agent (less client overhead than fetch), holding the
 * session cookie like a browser tab.
 */
export class GqlClient {
  cookie?: string;

  constructor(
    readonly url: string,
    private readonly agent: http.Agent,
  ) {}

  gql<T = any>(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GqlResponse<T>> {
    const body = JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (this.cookie) headers.cookie = this.cookie;
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.url}/graphql`, { method: 'POST', agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const setCookie = res.headers['set-cookie']?.[0];
            if (setCookie) {
              const pair = setCookie.split(';')[0];
              this.cookie = pair.endsWith('=') ? undefined : pair;
            }
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: T | null; errors?: GqlResponse['errors'] };
            resolve({ ...parsed, sql: Number(res.headers['x-sql-statements'] ?? NaN), ms: performance.now() - t0 });
          } catch (err) {
            reject(new Error(`HTTP ${res.statusCode}: unparseable response (${(err as Error).message})`));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Like `gql`, but a GraphQL error is thrown. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T> & { data: T }> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL error: ${JSON.stringify(r.errors ?? 'no data')}`);
    return r as GqlResponse<T> & { data: T };
  }

  async login(email: string, password: string): Promise<this> {
    await this.ok(`mutation Login($i: LoginInput!) { login(input: $i) { user { id } } }`, { i: { email, password } });
    if (!this.cookie) throw new Error(`login of ${email} set no session cookie`);
    return this;
  }
}

export function keepAliveAgent(maxSockets: number) {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}
