import type { DataSource } from 'typeorm';
import { IANAZone } from 'luxon';
import { Role, User, type Actor, type Locale } from './user.entity';
import type { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs';
import { hashPassword, passwordProblem } from './password';
import { requireAdmin } from './access';
import { badInput, conflict, notFound } from '../../core/errors';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, toConnection } from '../../core/pagination';
import { isId, requireId } from '../../core/ids';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { LocalCache, type CacheBus } from '../../core/cache-bus';

/** The user directory's cache on the bus (any change empties it). */
export const USERS_CACHE = 'users';

/** Up to this many users the directory is cached whole (see `byIds`); above, user by user. */
const WHOLE_DIRECTORY = 2000;

const snapshot = (u: User) => ({ email: u.email, fullName: u.fullName, role: u.role, supervisorId: u.supervisorId, active: u.active, locale: u.locale });

export class UserService {
  /**
   * Users by id for a few seconds (`CRM_AUTH_CACHE_MS`): nearly every list and card names a responsible, out
   * of a directory of tens of rows that seldom changes, so a miss reads the whole directory (up to
   * WHOLE_DIRECTORY users). Every change to a user empties it on every instance.
   */
  private readonly directory: LocalCache<User>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly caches: { bus?: CacheBus; cacheMs?: number; auth?: { forgetUser(userId: string | null): void } } = {},
  ) {
    this.directory = new LocalCache(caches.cacheMs ?? 0);
    caches.bus?.on(USERS_CACHE, () => this.directory.drop());
  }

  /**
   * After a change to users has committed. Signed-in actors are forgotten too: a role, an activity or (for
   * every supervisor above) a team may have changed, so `null` forgets everyone's.
   */
  private changed(userId: string | null) {
    this.caches.auth?.forgetUser(userId);
    if (this.caches.bus) this.caches.bus.invalidate(USERS_CACHE);
    else this.directory.drop();
  }

  async byIds(ids: readonly string[]): Promise<User[]> {
    if (!ids.length) return [];
    const found: User[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const u = this.directory.get(id);
      if (u) found.push(u);
      else missing.push(id);
    }
    if (!missing.length) return found;
    const ticket = this.directory.ticket();
    const qb = this.db.getRepository(User).createQueryBuilder('u');
    if (this.directory.ttlMs > 0) {
      // A directory of up to WHOLE_DIRECTORY users comes whole in the same one statement: the next request naming
      // any other user (each manager's own first request, say) finds them cached instead of costing one more.
      qb.where(`(SELECT count(*) FROM users) <= ${WHOLE_DIRECTORY} OR u.id = ANY(:ids)`, { ids: missing });
    } else {
      qb.where('u.id = ANY(:ids)', { ids: missing });
    }
    const rows = await qb.getMany();
    for (const u of rows) this.directory.set(u.id, u, ticket);
    const wanted = new Set(missing);
    return [...found, ...rows.filter((u) => wanted.has(u.id))];
  }

  async get(_actor: Actor, id: string): Promise<User> {
    const user = await this.db.getRepository(User).findOne({ where: { id: requireId(id) } });
    if (!user) throw notFound('User');
    return user;
  }

  /** The colleague directory: every signed-in user may list users (to pick a responsible, a performer). */
  async list(_actor: Actor, first: number, after: string | null | undefined, filter: UserFilter = {}) {
    const cursor = decodeCursor(after, 2, ([name, id]) => typeof name === 'string' && isId(id)) as [string, string] | null;
    const qb = this.db.getRepository(User).createQueryBuilder('u');
    if (!filter.includeInactive) qb.andWhere('u.active');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.search?.trim()) {
      qb.andWhere(`(u.full_name ILIKE :s OR u.email ILIKE :s)`, { s: `%${escapeLike(filter.search.trim())}%` });
    }
    const total = await qb.clone().getCount();
    if (cursor) qb.andWhere('(u.full_name, u.id) > (:n, :id)', { n: cursor[0], id: cursor[1] });
    const rows = await qb.orderBy('u.full_name', 'ASC').addOrderBy('u.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, total, (u) => [u.fullName, u.id]);
  }

  async count(): Promise<number> {
    return this.db.getRepository(User).count();
  }

  async create(actor: Actor | null, input: CreateUserInput): Promise<User> {
    if (actor) requireAdmin(actor);
    const email = input.email.trim().toLowerCase();
    const problem = passwordProblem(input.password);
    if (problem) throw badInput('password', problem, 'PASSWORD_WEAK');
    const passwordHash = await hashPassword(input.password);
    const created = await withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(User);
      if (await repo.exists({ where: { email } })) throw badInput('email', 'A user with this e-mail already exists', 'EMAIL_TAKEN');
      if (input.supervisorId && !(await repo.exists({ where: { id: input.supervisorId } }))) {
        throw badInput('supervisorId', 'The supervisor does not exist', 'NOT_FOUND');
      }
      const user = await repo.save(
        repo.create({ email, fullName: input.fullName.trim(), role: input.role, supervisorId: input.supervisorId ?? null, passwordHash, locale: input.locale ?? ('ru' as Locale) }),
      );
      await this.audit.record(tx, actor, { entityType: 'User', entityId: user.id, entityLabel: user.fullName, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(user)) });
      return user;
    });
    // A new subordinate widens the team of every supervisor above.
    if (created.supervisorId) this.changed(null);
    return created;
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
    requireAdmin(actor);
    requireId(id);
    const updated = await withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(User);
      const user = await repo.findOne({ where: { id } });
      if (!user) throw notFound('User');
      const before = snapshot(user);
      if (input.email !== undefined && input.email !== null) {
        const email = input.email.trim().toLowerCase();
        if (email !== user.email && (await repo.exists({ where: { email } }))) throw badInput('email', 'A user with this e-mail already exists', 'EMAIL_TAKEN');
        user.email = email;
      }
      if (input.fullName != null) user.fullName = input.fullName.trim();
      if (input.role != null) user.role = input.role;
      if (input.locale != null) user.locale = input.locale;
      if (input.active != null) {
        if (!input.active && id === actor.id) throw badInput('active', 'You cannot deactivate yourself', 'SELF');
        user.active = input.active;
      }
      if (input.supervisorId !== undefined) {
        if (input.supervisorId) {
          // Refuse cycles: the new supervisor must not be this user or anyone below them.
          const [row] = await tx.query(
            `WITH RECURSIVE below AS (SELECT $1::uuid AS id UNION SELECT u.id FROM users u JOIN below b ON u.supervisor_id = b.id)
             SELECT EXISTS (SELECT 1 FROM below WHERE id = $2) AS cycle, EXISTS (SELECT 1 FROM users WHERE id = $2) AS found`,
            [id, input.supervisorId],
          );
          if (!row.found) throw badInput('supervisorId', 'The supervisor does not exist', 'NOT_FOUND');
          if (row.cycle) throw badInput('supervisorId', 'A user cannot report to themselves or to their own subordinate', 'CYCLE');
        }
        user.supervisorId = input.supervisorId ?? null;
      }
      if (user.role !== Role.ADMINISTRATOR && id === actor.id) throw badInput('role', 'You cannot take the administrator role from yourself', 'SELF');
      const changes = diffSnapshots(before, snapshot(user));
      const [updated] = await updateReturning<{ version: number; updated_at: Date }>(
        tx,
        `UPDATE users SET email = $1, full_name = $2, role = $3, supervisor_id = $4, active = $5, locale = $6, version = version + 1, updated_at = now()
          WHERE id = $7 AND version = $8 RETURNING version, updated_at`,
        [user.email, user.fullName, user.role, user.supervisorId, user.active, user.locale, id, input.version],
      );
      if (!updated) throw conflict('The user was changed by someone else; reload and try again', { currentVersion: user.version });
      user.version = updated.version;
      user.updatedAt = updated.updated_at;
      if (!user.active) {
        // Ended, not suspended: reactivating the user later must not bring old sessions or tokens back.
        await tx.query(`DELETE FROM sessions WHERE user_id = $1`, [id]);
        await tx.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      if (changes.length) await this.audit.record(tx, actor, { entityType: 'User', entityId: id, entityLabel: user.fullName, action: AuditAction.UPDATE, changes });
      return user;
    });
    this.changed(null);
    return updated;
  }

  async setPassword(actor: Actor, id: string, password: string): Promise<boolean> {
    requireAdmin(actor);
    requireId(id);
    const problem = passwordProblem(password);
    if (problem) throw badInput('password', problem, 'PASSWORD_WEAK');
    const passwordHash = await hashPassword(password);
    await withTransaction(this.db, async (tx) => {
      const user = await tx.getRepository(User).findOne({ where: { id } });
      if (!user) throw notFound('User');
      await tx.query(`UPDATE users SET password_hash = $1, version = version + 1, updated_at = now() WHERE id = $2`, [passwordHash, id]);
      await tx.query(`DELETE FROM sessions WHERE user_id = $1`, [id]);
      await this.audit.record(tx, actor, { entityType: 'User', entityId: id, entityLabel: user.fullName, action: AuditAction.UPDATE, changes: [{ field: 'password', old: '***', new: '***' }] });
    });
    this.changed(id);
    return true;
  }

  async setMyTimeZone(actor: Actor, timeZone: string): Promise<User> {
    if (!IANAZone.isValidZone(timeZone)) throw badInput('timeZone', 'Not a known time zone; use an IANA name such as Europe/Moscow', 'TIME_ZONE_INVALID');
    await this.db.query(`UPDATE users SET time_zone = $1, updated_at = now() WHERE id = $2`, [timeZone, actor.id]);
    this.changed(actor.id);
    return this.db.getRepository(User).findOneByOrFail({ id: actor.id });
  }

  async setMyLocale(actor: Actor, locale: Locale): Promise<User> {
    await this.db.query(`UPDATE users SET locale = $1, updated_at = now() WHERE id = $2`, [locale, actor.id]);
    this.changed(actor.id);
    return this.db.getRepository(User).findOneByOrFail({ id: actor.id });
  }
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
