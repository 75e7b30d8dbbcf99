import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, User, type Actor } from './user.entity';
import { ApiToken } from './api-token.entity';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { badInput, DomainError, notFound, forbidden } from '../../core/errors';
import { withTransaction } from '../../core/database/transaction';
import { requireId } from '../../core/ids';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { LocalCache, type CacheBus } from '../../core/cache-bus';

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomBytes(16).toString('hex')));

const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;
// Touch last-seen stamps at most this often, so authenticating is a read, not a write, on most requests.
const TOUCH_EVERY_MS = 5 * 60_000;

interface ActorRow {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  time_zone: string;
  team_ids: string[];
  credential_id: string;
  last_seen: Date | null;
  expires: Date | null;
}

/** The cache of signed-in credentials on the bus; keys dropped: `user:<id>`, `credential:<id>`, or all. */
export const ACTORS_CACHE = 'actors';

/** Sessions, API tokens and sign-in. Tokens are random; only their HMAC (keyed by SESSION_SECRET) is stored. */
export class AuthService {
  /**
   * Credential digest → actor, for a few seconds (`CRM_AUTH_CACHE_MS`): every request authenticates, and the
   * look-up (with the recursive team query) would otherwise be one statement on each. Whatever changes an
   * actor — logout, a password, a user's role, team or activity, a revoked token — drops entries at once
   * here and, through the bus, on every other instance.
   */
  private readonly actors: LocalCache<{ actor: Actor; credentialId: string }>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly opts: { secret: string; sessionTtlMs: number; cacheMs?: number },
    private readonly bus?: CacheBus,
  ) {
    this.actors = new LocalCache(opts.cacheMs ?? 0);
    bus?.on(ACTORS_CACHE, (key) => this.drop(key));
  }

  private drop(key: string | null) {
    if (!key) return this.actors.drop();
    const [kind, id] = key.split(':');
    this.actors.drop((e) => (kind === 'user' ? e.actor.id === id : e.credentialId === id));
  }

  /** Forgets cached actors here and on every instance: one user's (`userId`), or everyone's (null). */
  forgetUser(userId: string | null) {
    this.forget(userId ? `user:${userId}` : null);
  }

  private forget(key: string | null) {
    if (this.bus) this.bus.invalidate(ACTORS_CACHE, key);
    else this.drop(key);
  }

  private digest(token: string): string {
    return crypto.createHmac('sha256', this.opts.secret).update(token).digest('hex');
  }

  async login(emailRaw: string, password: string, meta: { ip: string; userAgent?: string }) {
    const email = emailRaw.trim().toLowerCase();
    const since = new Date(Date.now() - FAILURE_WINDOW_MS);
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE ip = $2)::int AS by_ip
         FROM login_attempts WHERE NOT success AND at > $3 AND (email = $1 OR ip = $2)`,
      [email, meta.ip, since],
    );
    if (counts.by_email >= MAX_FAILURES_PER_ACCOUNT || counts.by_ip >= MAX_FAILURES_PER_ADDRESS) {
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-in attempts; try again in 15 minutes', { retryAfterSeconds: FAILURE_WINDOW_MS / 1000 });
    }
    const user = await this.db.getRepository(User).findOne({ where: { email } });
    // An unknown e-mail costs the same hashing as a known one, so timing does not tell which accounts exist.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    const ok = !!user && user.active && passwordOk;
    await this.db.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, $3)`, [email, meta.ip, ok]);
    if (!ok || !user) throw new DomainError('UNAUTHENTICATED', 'Wrong e-mail or password', { reason: 'BAD_CREDENTIALS' });
    const token = crypto.randomBytes(32).toString('base64url');
    const now = new Date();
    await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $4, $3, $5, $6)`,
      [this.digest(token), user.id, now, new Date(now.getTime() + this.opts.sessionTtlMs), meta.ip, meta.userAgent?.slice(0, 300) ?? null],
    );
    return { user, token };
  }

  async logout(actor: Actor | null): Promise<boolean> {
    if (!actor?.sessionId) return false;
    await this.db.query(`DELETE FROM sessions WHERE id = $1`, [actor.sessionId]);
    this.forget(`credential:${actor.sessionId}`);
    return true;
  }

  /** One statement: the credential, its user and (for supervisors) the whole team below them. */
  private async actorFrom(sql: string, digest: string): Promise<ActorRow | null> {
    const rows: ActorRow[] = await this.db.query(
      `WITH cred AS (${sql})
       SELECT u.id, u.email, u.full_name, u.role, u.time_zone, cred.credential_id, cred.last_seen, cred.expires,
              CASE WHEN u.role = 'SUPERVISOR' THEN (
                WITH RECURSIVE team AS (
                  SELECT u.id AS id
                  UNION SELECT s.id FROM users s JOIN team ON s.supervisor_id = team.id)
                SELECT array_agg(id) FROM team)
              ELSE ARRAY[u.id] END AS team_ids
         FROM cred JOIN users u ON u.id = cred.user_id AND u.active`,
      [digest],
    );
    return rows[0] ?? null;
  }

  /** The actor of a credential, from the cache when it holds it (a copy: callers may not change the cached one). */
  private async cached(key: string, read: () => Promise<{ actor: Actor; credentialId: string; notAfter?: number } | null>): Promise<Actor | null> {
    const hit = this.actors.get(key);
    if (hit) return { ...hit.actor };
    const ticket = this.actors.ticket();
    const found = await read();
    if (!found) return null;
    this.actors.set(key, { actor: found.actor, credentialId: found.credentialId }, ticket, found.notAfter);
    return { ...found.actor };
  }

  async authenticateSession(token: string): Promise<Actor | null> {
    const digest = this.digest(token);
    return this.cached(`s:${digest}`, async () => {
      const row = await this.actorFrom(
        `SELECT id AS credential_id, user_id, last_seen_at AS last_seen, expires_at AS expires FROM sessions WHERE token_hash = $1 AND expires_at > now()`,
        digest,
      );
      if (!row) return null;
      if (!row.last_seen || Date.now() - new Date(row.last_seen).getTime() > TOUCH_EVERY_MS) {
        await this.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.credential_id]);
      }
      const actor: Actor = { id: row.id, email: row.email, fullName: row.full_name, role: row.role, timeZone: row.time_zone, teamIds: row.team_ids, via: 'session', sessionId: row.credential_id };
      // A cached session never outlives its expiry.
      return { actor, credentialId: row.credential_id, notAfter: row.expires ? new Date(row.expires).getTime() : undefined };
    });
  }

  async authenticateToken(token: string): Promise<Actor | null> {
    const digest = this.digest(token);
    return this.cached(`t:${digest}`, async () => {
      const row = await this.actorFrom(
        `SELECT id AS credential_id, user_id, last_used_at AS last_seen, NULL::timestamptz AS expires FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
        digest,
      );
      if (!row) return null;
      if (!row.last_seen || Date.now() - new Date(row.last_seen).getTime() > TOUCH_EVERY_MS) {
        await this.db.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.credential_id]);
      }
      const actor: Actor = { id: row.id, email: row.email, fullName: row.full_name, role: row.role, timeZone: row.time_zone, teamIds: row.team_ids, via: 'token' };
      return { actor, credentialId: row.credential_id };
    });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.id });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw badInput('currentPassword', 'The current password is wrong', 'BAD_CREDENTIALS');
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw badInput('newPassword', problem, 'PASSWORD_WEAK');
    const passwordHash = await hashPassword(newPassword);
    await withTransaction(this.db, async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $1, version = version + 1, updated_at = now() WHERE id = $2`, [passwordHash, actor.id]);
      // Every other browser is signed out; this one stays.
      await tx.query(`DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2`, [actor.id, actor.sessionId ?? null]);
      await this.audit.record(tx, actor, { entityType: 'User', entityId: actor.id, entityLabel: user.fullName, action: AuditAction.UPDATE, changes: [{ field: 'password', old: '***', new: '***' }] });
    });
    this.forgetUser(actor.id);
    return true;
  }

  async createApiToken(actor: Actor, nameRaw: string) {
    const name = nameRaw.trim();
    if (!name) throw badInput('name', 'Give the token a name', 'REQUIRED');
    if (name.length > 100) throw badInput('name', 'The name must have at most 100 characters', 'TOO_LONG');
    const token = `crm_${crypto.randomBytes(30).toString('base64url')}`;
    const apiToken = await withTransaction(this.db, async (tx) => {
      const created = await tx.getRepository(ApiToken).save(
        tx.getRepository(ApiToken).create({ userId: actor.id, name, tokenHash: this.digest(token), tokenPrefix: token.slice(0, 10), createdAt: new Date() }),
      );
      await this.audit.record(tx, actor, { entityType: 'ApiToken', entityId: created.id, entityLabel: name, action: AuditAction.CREATE, changes: [{ field: 'name', old: null, new: name }] });
      return created;
    });
    return { token, apiToken };
  }

  /** Own tokens; an administrator sees everyone's. */
  async listApiTokens(actor: Actor): Promise<ApiToken[]> {
    const qb = this.db.getRepository(ApiToken).createQueryBuilder('t').orderBy('t.created_at', 'DESC').limit(500);
    if (actor.role !== Role.ADMINISTRATOR) qb.where('t.user_id = :id', { id: actor.id });
    return qb.getMany();
  }

  async revokeApiToken(actor: Actor, id: string): Promise<ApiToken> {
    requireId(id);
    const revoked = await withTransaction(this.db, async (tx) => {
      const token = await tx.getRepository(ApiToken).findOne({ where: { id } });
      if (!token) throw notFound('API token');
      if (token.userId !== actor.id && actor.role !== Role.ADMINISTRATOR) throw notFound('API token');
      if (!token.revokedAt) {
        token.revokedAt = new Date();
        await tx.query(`UPDATE api_tokens SET revoked_at = $1 WHERE id = $2`, [token.revokedAt, id]);
        await this.audit.record(tx, actor, { entityType: 'ApiToken', entityId: id, entityLabel: token.name, action: AuditAction.DELETE });
      }
      return token;
    });
    this.forget(`credential:${id}`);
    return revoked;
  }

  ensureActive(actor: Actor | null): asserts actor is Actor {
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  }

  static requireRole(actor: Actor, ...roles: Role[]) {
    if (!roles.includes(actor.role)) throw forbidden();
  }
}
