import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { DataSource } from 'typeorm';
import type { Config } from './core/config';
import type { Logger } from './core/logger';
import { createDataSource } from './core/database/data-source';
import { withStartupLock } from './core/database/transaction';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './core/database/embedded';
import { createServices, type Services } from './core/services';
import { createLoaders } from './core/loaders';
import { createPubsub } from './core/pubsub';
import { createFanoutSubscribe } from './core/subscription-fanout';
import { ReminderScheduler } from './modules/activities/reminder.scheduler';
import { EscalationScheduler } from './modules/requests/escalation.scheduler';
import { ProcessScheduler } from './modules/processes/process.scheduler';
import { createSchema } from './core/schema';
import { assertAffordable, costPlugin, depthRule } from './core/limits';
import { formatError } from './core/errors';
import { requestStore, currentRequestId } from './core/request-store';
import { SESSION_COOKIE, type Context } from './core/context';
import type { Actor } from './modules/auth/user.entity';
import { registerPrintRoutes } from './modules/sales/print/print.routes';

export interface App {
  url: string;
  port: number;
  db: DataSource;
  services: Services;
  databaseMode: 'embedded' | 'postgres';
  close(): Promise<void>;
}

async function authenticate(services: Services, authorization: string | undefined, cookieHeader: string | undefined): Promise<Actor | null> {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return services.auth.authenticateToken(bearer);
  const session = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  return session ? services.auth.authenticateSession(session) : null;
}

/** Connects (starting the embedded database when no DATABASE_URL is set) and brings the schema up to date. */
export async function openDatabase(config: Config, log: Logger) {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: config.dataDir });
    url = embedded.url;
  }
  // The embedded database multiplexes all connections onto one session: more than one would interleave transactions.
  const db = createDataSource(url, { poolSize: embedded ? 1 : config.databasePoolSize, log });
  await db.initialize();
  await withStartupLock(db, !embedded, () => db.runMigrations({ transaction: 'each' }));
  return {
    db,
    mode: (embedded ? 'embedded' : 'postgres') as App['databaseMode'],
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

export async function createApp(config: Config, log: Logger, opened?: Awaited<ReturnType<typeof openDatabase>>): Promise<App> {
  const database = opened ?? (await openDatabase(config, log));
  const { db } = database;
  const { pubSub, close: closePubsub } = createPubsub(config.redisUrl);
  const services = createServices(db, config, pubSub);
  const schema = await createSchema(pubSub);
  const scheduler = new ReminderScheduler(services.reminders, log, config.schedulerIntervalMs);
  const escalations = new EscalationScheduler(services.requests, log, config.schedulerIntervalMs);
  const processScheduler = new ProcessScheduler(services.processes, log, config.schedulerIntervalMs);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  // Every request runs inside its own store: request id for logs and errors, SQL statement count.
  app.use((req, res, next) => {
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || crypto.randomUUID();
    const store = { requestId, sqlStatements: 0 };
    res.setHeader('x-request-id', requestId);
    // The request line is logged at info: below that level nothing of it is built (LOG_LEVEL=warn in production).
    if (log.isLevelEnabled('info')) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        log.info(
          { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, sql: store.sqlStatements, op: (req.body as { operationName?: string } | undefined)?.operationName },
          'request',
        );
      });
    }
    requestStore.run(store, next);
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok', database: { state: 'up', mode: database.mode } });
    } catch (err) {
      log.error({ err }, 'health check failed');
      res.status(503).json({ status: 'degraded', database: { state: 'down', mode: database.mode } });
    }
  });

  // The same error formatting as over HTTP: coded extensions, and nothing of an unexpected error but its request id.
  const presented = new WeakSet<object>();
  const forSocketResult = (result: ExecutionResult, ctx: Context | undefined): ExecutionResult => {
    const errors = result.errors;
    if (!errors?.length || presented.has(result)) return result;
    const requestId = ctx?.requestId ?? crypto.randomUUID();
    const formatted = { ...result, errors: errors.map((e) => forSocket(formatError(e.toJSON(), e, requestId, (err) => log.error({ err, requestId }, 'unexpected error')))) };
    presented.add(formatted);
    return formatted;
  };
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer(
    {
      schema,
      context: async (ctx): Promise<Context> => {
        const req = ctx.extra.request;
        const params = ctx.connectionParams as { authorization?: string } | undefined;
        const actor = await authenticate(services, params?.authorization, req.headers.cookie);
        return { requestId: crypto.randomUUID(), actor, services, loaders: createLoaders(services, actor), ip: req.socket.remoteAddress ?? '', origin: `http://${req.headers.host}`, setSessionCookie: () => {} };
      },
      onConnect: async (ctx) => {
        const params = ctx.connectionParams as { authorization?: string } | undefined;
        return !!(await authenticate(services, params?.authorization, ctx.extra.request.headers.cookie));
      },
      // graphql-ws runs queries and mutations too, not only subscriptions: the socket gets the HTTP limits.
      onSubscribe: async (_ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return withCode([err as GraphQLError], 'GRAPHQL_PARSE_FAILED');
        }
        const invalid = validate(schema, document, [...specifiedRules, depthRule]);
        if (invalid.length) return withCode(invalid, 'GRAPHQL_VALIDATION_FAILED');
        try {
          assertAffordable(schema, document, payload.operationName, payload.variables);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // Each message is resolved once for all the sockets with the same document, variables and audience (a user's
      // tabs), and formatted once: its errors, if any, are logged once under the request id of the socket that ran it.
      subscribe: createFanoutSubscribe({
        audience: ({ contextValue }) => {
          const ctx = contextValue as Context;
          return JSON.stringify([ctx.actor, ctx.origin, ctx.ip]);
        },
        present: (result, args) => forSocketResult(result, args.contextValue as Context | undefined),
      }),
      onNext: (_ctx, _id, _payload, args, result) => (presented.has(result) ? result : forSocketResult(result as ExecutionResult, args.contextValue as Context | undefined)),
      onError: (_ctx, _id, _payload, errors) => {
        const requestId = crypto.randomUUID();
        return errors.map((e) => forSocket(formatError(e.toJSON(), e, requestId, (err) => log.error({ err, requestId }, 'unexpected error'))));
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: [depthRule],
    includeStacktraceInErrorResponses: false,
    introspection: true,
    formatError: (formatted, error) => formatError(formatted, error, currentRequestId(), (err) => log.error({ err, requestId: currentRequestId() }, 'unexpected error')),
    // Compact JSON: Apollo's default indents every answer (more to build and to send).
    stringifyResult: (value) => JSON.stringify(value),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default cache-control plugin hooks every resolved field to compute a policy that, without cache
      // hints in the schema, is always "no-store"; the header is set below instead, without the per-field hook.
      ApolloServerPluginCacheControlDisabled(),
      costPlugin(schema),
      {
        async serverWillStart() {
          return { async drainServer() { await wsCleanup.dispose(); } };
        },
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              response.http.headers.set('cache-control', 'no-store');
              const store = requestStore.getStore();
              if (store) response.http.headers.set('x-sql-statements', String(store.sqlStatements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const actor = await authenticate(services, req.headers.authorization, req.headers.cookie);
        return {
          requestId: currentRequestId() ?? crypto.randomUUID(),
          actor,
          services,
          loaders: createLoaders(services, actor),
          ip: req.ip ?? req.socket.remoteAddress ?? '',
          origin: `${req.protocol}://${req.get('host')}`,
          userAgent: req.headers['user-agent'],
          req,
          res,
          setSessionCookie: (token) => setSessionCookie(res, token, config),
        };
      },
    }),
  );

  // The personal iCalendar feed: the token in the URL is the credential (calendar clients send no cookies).
  app.get('/calendar/:file', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = String(req.params.file).replace(/\.ics$/, '');
      const body = token ? await services.calendar.ics(token) : null;
      if (!body) {
        res.status(404).type('text/plain').send('No such calendar feed (it may have been revoked)');
        return;
      }
      res.type('text/calendar; charset=utf-8').setHeader('cache-control', 'private, max-age=300');
      res.send(body);
    } catch (err) {
      next(err);
    }
  });

  // Print forms of sales documents (PDF), authenticated as /graphql is.
  registerPrintRoutes(app, services.salesPrint, (req) => authenticate(services, req.headers.authorization, req.headers.cookie));

  serveWeb(app, config.webDir, log);

  // Last: errors outside GraphQL (a malformed or oversized JSON body) get the GraphQL error shape with the
  // request id, never Express's default HTML page, which shows the stack trace outside production.
  app.use((err: { status?: number; expose?: boolean; type?: string; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const requestId = String(res.getHeader('x-request-id') ?? '');
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err, requestId }, 'unexpected error');
    const message =
      status === 500
        ? `Internal error; quote request id ${requestId} when reporting it`
        : err.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : err.expose && err.message
            ? err.message
            : 'Bad request';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId } }] });
  });

  // The HTTP server's errors also reach the WebSocket server, which would report them a second time.
  wsServer.on('error', (err) => log.debug({ err }, 'websocket server error'));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as { port: number }).port;
  if (config.schedulerIntervalMs > 0) scheduler.start();
  if (config.schedulerIntervalMs > 0) escalations.start();
  if (config.schedulerIntervalMs > 0) processScheduler.start();

  return {
    url: `http://localhost:${port}`,
    port,
    db,
    services,
    databaseMode: database.mode,
    async close() {
      await scheduler.stop();
      await escalations.stop();
      await processScheduler.stop();
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await services.caches.close();
      await closePubsub();
      if (!opened) await database.close();
    },
  };
}

/** graphql-js errors carry no code; give them the ones Apollo uses over HTTP. */
function withCode(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }));
}

/**
 * A formatted error as graphql-ws sends it: it only serialises what it gets, so the plain formatted object
 * goes out as is (minus Apollo's `http` hint, which means nothing on a socket).
 */
function forSocket(formatted: GraphQLFormattedError): GraphQLError {
  const { http: _http, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions } as unknown as GraphQLError;
}

function setSessionCookie(res: Response, token: string | null, config: Config) {
  res.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, token ?? '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      maxAge: token ? Math.floor(config.sessionTtlMs / 1000) : 0,
    }),
  );
}

/** The built single-page app on the same port; unknown paths fall back to index.html for client routing. */
function serveWeb(app: express.Express, webDir: string, log: Logger) {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    log.warn({ webDir }, 'web app not built: only the API is served');
    app.get('/', (_req: Request, res: Response) => {
      res.type('text/plain').send('The CRM API is at /graphql. The web app is not built: run `npm start` from the repository root.');
    });
    return;
  }
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz).*/, (_req: Request, res: Response) => {
    res.sendFile(index);
  });
}
