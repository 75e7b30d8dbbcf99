import type { DataSource, EntityManager } from 'typeorm';
import { Notification, NotificationKind } from './notification.entity';
import type { AfterCommit } from './after-commit';
import type { Actor } from '../auth/user.entity';
import type { CrmObjectType } from '../activities/activities.enums';
import { badInput, notFound } from '../../core/errors';
import { isId } from '../../core/ids';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, toConnection } from '../../core/pagination';
import type { PubSub } from '../../core/pubsub';

export const NOTIFICATION_RECEIVED = 'NOTIFICATION_RECEIVED';
const MAX_IDS = 500;

/** What a module asks to tell users. Plain text only: the web shows it as text. */
export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  object?: { type: CrmObjectType; id: string } | null;
}

/**
 * A created notification as pushed: the whole row, so each open tab is answered from the message itself.
 * Times are ISO strings, since with Redis the payload crosses processes as JSON.
 */
export interface NotificationPayload {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  objectType: CrmObjectType | null;
  objectId: string | null;
  createdAt: string;
}

export function notificationFromPayload(p: NotificationPayload): Notification {
  return Object.assign(new Notification(), { ...p, createdAt: new Date(p.createdAt), readAt: null });
}

interface Row {
  id: string;
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  object_type: CrmObjectType | null;
  object_id: string | null;
  created_at: Date;
  read_at: Date | null;
}
const fromRow = (r: Row): Notification =>
  Object.assign(new Notification(), {
    id: r.id,
    userId: r.user_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    objectType: r.object_type,
    objectId: r.object_id,
    createdAt: new Date(r.created_at),
    readAt: r.read_at ? new Date(r.read_at) : null,
  });

/**
 * The notification centre. Notifications are personal (each read and change is limited to the actor's own);
 * marking them read is the reader's own bookkeeping, not a change of business data, so it writes no audit row.
 */
export class NotificationService {
  constructor(
    private readonly db: DataSource,
    private readonly pubSub: PubSub,
    private readonly afterCommit: AfterCommit,
  ) {}

  /**
   * Tells users something, inside the caller's transaction: the rows commit (or vanish) with the caller's change,
   * and each user's open tabs get the push only after that commit — on the user's own topic, so delivery costs
   * that user's sockets only.
   */
  async notify(tx: EntityManager, userIds: readonly string[], input: NotificationInput): Promise<Notification[]> {
    const users = [...new Set(userIds.filter(isId))];
    if (!users.length) return [];
    const title = input.title.trim().slice(0, 500) || '—';
    const body = input.body?.trim().slice(0, 5000) || null;
    const rows = await updateReturning<Row>(
      tx,
      `INSERT INTO notifications (user_id, kind, title, body, object_type, object_id)
       SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
       RETURNING id, user_id, kind, title, body, object_type, object_id, created_at, read_at`,
      [users, input.kind, title, body, input.object?.type ?? null, input.object?.id ?? null],
    );
    const created = rows.map(fromRow);
    this.afterCommit.run(tx, () => {
      for (const n of created) {
        const payload: NotificationPayload = {
          id: n.id,
          userId: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          objectType: n.objectType,
          objectId: n.objectId,
          createdAt: n.createdAt.toISOString(),
        };
        this.pubSub.publish(NOTIFICATION_RECEIVED, n.userId, payload);
      }
    });
    return created;
  }

  /** My notifications, newest first. */
  async list(actor: Actor, first: number, after: string | null | undefined, unreadOnly = false) {
    const cursor = decodeCursor(after, 2, ([at, id]) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && isId(id)) as [string, string] | null;
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 ${unread}`, [actor.id]);
    // The cursor keeps the microseconds (a JS Date would drop them and skip rows of the same millisecond).
    const rows: Array<Row & { sort_value: string }> = await this.db.query(
      `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_value FROM notifications WHERE user_id = $1 ${unread}
          AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [actor.id, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
    );
    const sortValues = new Map(rows.map((r) => [r.id, r.sort_value]));
    return toConnection(rows.map(fromRow), first, n, (x) => [sortValues.get(x.id), x.id]);
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [actor.id]);
    return n;
  }

  /** Marks some of my notifications read; all must be mine, or nothing changes. Already read ones keep their time. */
  async markRead(actor: Actor, ids: readonly string[]): Promise<Notification[]> {
    if (!ids.length) throw badInput('ids', 'Give at least one notification', 'REQUIRED');
    if (ids.length > MAX_IDS) throw badInput('ids', `At most ${MAX_IDS} at once`, 'TOO_MANY');
    ids.forEach((id, i) => {
      if (!isId(id)) throw badInput(`ids.${i}`, 'Not a valid id', 'ID_INVALID');
    });
    const unique = [...new Set(ids)];
    return withTransaction(this.db, async (tx) => {
      const rows = await updateReturning<Row>(
        tx,
        `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE user_id = $1 AND id = ANY($2::uuid[]) RETURNING *`,
        [actor.id, unique],
      );
      // Someone else's notification is reported as missing, and the whole call undone.
      if (rows.length !== unique.length) throw notFound('Notification');
      const byId = new Map(rows.map((r) => [r.id, fromRow(r)]));
      return unique.map((id) => byId.get(id)!);
    });
  }

  /** Marks all my notifications read; returns how many were unread. */
  async markAllRead(actor: Actor): Promise<number> {
    const rows = await updateReturning<{ id: string }>(this.db.manager, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [actor.id]);
    return rows.length;
  }
}
