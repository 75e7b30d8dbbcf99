import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';

/** Every setting of the server, read from the environment once at start and validated. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CRM_DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  CRM_ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
  CRM_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CRM_WEB_DIR: z.string().optional(),
  CRM_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  CRM_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('CRM <crm@localhost>'),
  CRM_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  databasePoolSize: number;
  dataDir: string;
  redisUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  sessionSecret: string;
  sessionTtlMs: number;
  logLevel: Env['LOG_LEVEL'];
  webDir: string;
  cookieSecure: boolean;
  /** SMTP server for e-mailing documents (invoices, offers); without it "send" only records the letter. */
  smtpUrl?: string;
  /** The From address of e-mailed documents. */
  smtpFrom: string;
  /** How often due reminders are claimed; 0 turns the scheduler off (tests drive it by hand). */
  schedulerIntervalMs: number;
  /** How long a signed-in credential's actor and the user directory stay cached in process; 0 turns it off. */
  authCacheMs: number;
}

export class ConfigError extends Error {}

/**
 * Validates the environment. Every problem is reported at once, by variable name, so an operator fixes
 * the whole configuration in one go instead of one restart per mistake.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  // Rules across variables are checked on the raw values too, so they are reported with the others.
  if (cleaned.NODE_ENV === 'production' && !cleaned.SESSION_SECRET) {
    lines.push('  SESSION_SECRET: required when NODE_ENV=production (32+ characters)');
  }
  if (!cleaned.CRM_ADMIN_EMAIL && cleaned.CRM_ADMIN_PASSWORD) {
    lines.push('  CRM_ADMIN_EMAIL: required when CRM_ADMIN_PASSWORD is set');
  }
  if (!parsed.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  const dataDir = path.resolve(e.CRM_DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    redisUrl: e.REDIS_URL,
    adminEmail: e.CRM_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.CRM_ADMIN_PASSWORD,
    sessionSecret: e.SESSION_SECRET ?? localSecret(dataDir),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    logLevel: e.LOG_LEVEL,
    webDir: path.resolve(e.CRM_WEB_DIR ?? path.join(__dirname, '../../../web/dist')),
    schedulerIntervalMs: e.CRM_SCHEDULER_INTERVAL_MS,
    authCacheMs: e.CRM_AUTH_CACHE_MS,
    cookieSecure: e.CRM_COOKIE_SECURE ? e.CRM_COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
  };
}

/**
 * Without SESSION_SECRET (development, the embedded set-up) a random secret is kept in the data directory,
 * so sessions and API tokens survive restarts without any set-up.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
