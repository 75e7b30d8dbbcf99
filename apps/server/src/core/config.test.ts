import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

/** Always given, so no test writes the local secret file into the working directory by accident. */
const SECRET = 's'.repeat(32);

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('reports every bad variable by name in one error', () => {
    const message = problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SESSION_SECRET: SECRET });
    expect(message).toMatch(/^\s+PORT: /m);
    expect(message).toMatch(/^\s+DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/m);
    expect(message).toMatch(/^\s+LOG_LEVEL: /m);
  });

  it('reports rules across variables together with the other problems', () => {
    const message = problemsOf({ NODE_ENV: 'production', PORT: 'abc', CRM_ADMIN_PASSWORD: 'a-long-admin-password' });
    expect(message).toMatch(/^\s+PORT: /m);
    expect(message).toMatch(/^\s+SESSION_SECRET: required when NODE_ENV=production/m);
    expect(message).toMatch(/^\s+CRM_ADMIN_EMAIL: required when CRM_ADMIN_PASSWORD is set/m);
  });

  it('has defaults for everything optional', () => {
    const config = loadConfig({ SESSION_SECRET: SECRET });
    expect(config).toMatchObject({
      env: 'development',
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      sessionSecret: SECRET,
      sessionTtlMs: 14 * 24 * 3600_000,
      logLevel: 'info',
      cookieSecure: false,
    });
    expect(path.isAbsolute(config.dataDir)).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', SESSION_SECRET: SECRET }).port).toBe(4000);
  });

  it('requires SESSION_SECRET in production, and secure cookies follow', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toMatch(/SESSION_SECRET: required when NODE_ENV=production/);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toMatch(/SESSION_SECRET: must be at least 32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }).cookieSecure).toBe(true);
  });

  it('refuses CRM_ADMIN_PASSWORD without CRM_ADMIN_EMAIL, and lower-cases the e-mail', () => {
    expect(problemsOf({ CRM_ADMIN_PASSWORD: 'a-long-admin-password', SESSION_SECRET: SECRET })).toMatch(/CRM_ADMIN_EMAIL: required when CRM_ADMIN_PASSWORD is set/);
    const config = loadConfig({ CRM_ADMIN_EMAIL: 'Boss@Example.COM', CRM_ADMIN_PASSWORD: 'a-long-admin-password', SESSION_SECRET: SECRET });
    expect(config).toMatchObject({ adminEmail: 'boss@example.com', adminPassword: 'a-long-admin-password' });
  });

  it('without SESSION_SECRET keeps one private secret in the data directory across restarts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-config-'));
    try {
      const first = loadConfig({ CRM_DATA_DIR: dir }).sessionSecret;
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({ CRM_DATA_DIR: dir }).sessionSecret).toBe(first);
      expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
