import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
const SERVER_DIR = path.join(REPO, 'apps/server');

export interface ServerOptions {
  databaseUrl: string;
  poolSize: number;
  redisUrl?: string;
  schedulerIntervalMs: number;
  authCacheMs?: number;
  logFile: string;
}

export interface RunningServer {
  url: string;
  pid: number;
  logFile: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * The real server as its own process (its own event loop, as in production), from the TypeScript sources
 * (so the benchmark measures the code as it is now, not a stale build), configured only through its
 * documented environment variables.
 */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: o.databaseUrl,
    DATABASE_POOL_SIZE: String(o.poolSize),
    SESSION_SECRET: 'bench-session-secret-bench-session-secret',
    CRM_COOKIE_SECURE: 'false',
    CRM_WEB_DIR: '/nonexistent',
    CRM_DATA_DIR: path.dirname(o.logFile),
    LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
    CRM_SCHEDULER_INTERVAL_MS: String(o.schedulerIntervalMs),
    ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
    ...(o.authCacheMs !== undefined ? { CRM_AUTH_CACHE_MS: String(o.authCacheMs) } : {}),
  };
  fs.mkdirSync(path.dirname(o.logFile), { recursive: true });
  const log = fs.openSync(o.logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', log, log],
  });
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await healthy(url))) {
    if (exited !== null) throw new Error(`the server exited with ${exited} before it was up; see ${o.logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not come up in 120 s; see ${o.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    logFile: o.logFile,
    env,
    async stop() {
      if (exited !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
      fs.closeSync(log);
    },
  };
}
