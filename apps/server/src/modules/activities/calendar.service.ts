import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Actor } from '../auth/user.entity';
import { canRead } from '../auth/access';
import { badInput, forbidden, notFound } from '../../core/errors';
import { requireId } from '../../core/ids';
import { Reminder } from './reminder.entity';
import { EventState } from './activities.enums';
import type { EventService } from './event.service';

const MAX_RANGE_DAYS = 62;
// A feed shows a window around today: enough for any calendar client, bounded for the database.
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 365;

/**
 * Items another module adds to a user's calendar for a period (e.g. expected payments of invoices). `typename` names
 * their GraphQL type, which implements CalendarItem. The caller has checked that the actor may see that user's.
 */
export type CalendarSource = (actor: Actor, userId: string, from: Date, to: Date) => Promise<Array<{ start: Date; end: Date | null; title: string; typename: string }>>;

/** The work calendar: a user's events and reminders in a period, and their personal iCalendar feed. */
export class CalendarService {
  private readonly sources: CalendarSource[] = [];

  /** Adds a module's items to every calendar. */
  register(source: CalendarSource) {
    this.sources.push(source);
  }

  constructor(
    private readonly db: DataSource,
    private readonly events: EventService,
    private readonly secret: string,
  ) {}

  private digest(token: string) {
    return crypto.createHmac('sha256', this.secret).update(`calendar:${token}`).digest('hex');
  }

  async items(actor: Actor, from: Date, to: Date, userIdRaw?: string | null) {
    if (Number.isNaN(from.getTime())) throw badInput('from', 'Not a valid time', 'DATE_INVALID');
    if (Number.isNaN(to.getTime())) throw badInput('to', 'Not a valid time', 'DATE_INVALID');
    if (to <= from) throw badInput('to', 'The end of the period must be after its start', 'END_BEFORE_START');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86400_000) throw badInput('to', `Ask for at most ${MAX_RANGE_DAYS} days at once`, 'RANGE_TOO_LONG');
    const userId = userIdRaw ? requireId(userIdRaw, 'userId') : actor.id;
    // A supervisor opens subordinates' calendars; reminders stay personal and are shown only to their owner.
    if (!canRead(actor, userId)) throw forbidden("You cannot open this user's calendar");
    const [events, reminders, ...contributed] = await Promise.all([
      this.events.ofUserBetween(userId, from, to),
      userId === actor.id
        ? this.db
            .getRepository(Reminder)
            .createQueryBuilder('r')
            .where(`r.user_id = :userId AND r.state <> 'DISMISSED' AND r.remind_at >= :from AND r.remind_at < :to`, { userId, from, to })
            .orderBy('r.remind_at')
            .limit(2000)
            .getMany()
        : Promise.resolve([] as Reminder[]),
      ...this.sources.map((source) => source(actor, userId, from, to)),
    ]);
    return [
      ...events.map((e) => ({ start: e.start, end: e.end, title: e.subject, event: e })),
      ...reminders.map((r) => ({ start: r.remindAt, end: null, title: r.text, reminder: r })),
      ...contributed.flat(),
    ].sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async createFeed(actor: Actor, origin: string) {
    const token = crypto.randomBytes(24).toString('base64url');
    const [row] = await this.db.query(`INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING id, created_at, revoked_at`, [actor.id, this.digest(token)]);
    return { id: row.id, url: `${origin}/calendar/${token}.ics`, createdAt: row.created_at, revokedAt: row.revoked_at };
  }

  async listFeeds(actor: Actor) {
    const rows = await this.db.query(`SELECT id, created_at, revoked_at FROM calendar_feeds WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`, [actor.id]);
    return rows.map((r: { id: string; created_at: Date; revoked_at: Date | null }) => ({ id: r.id, url: null, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  async revokeFeed(actor: Actor, idRaw: string) {
    const id = requireId(idRaw);
    const rows = await this.db.query(
      `UPDATE calendar_feeds SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, created_at, revoked_at`,
      [id, actor.id],
    );
    const row = (Array.isArray(rows[0]) ? rows[0] : rows)[0];
    if (!row) throw notFound('Calendar feed');
    return { id: row.id, url: null, createdAt: row.created_at, revokedAt: row.revoked_at };
  }

  /** The iCalendar (RFC 5545) text of a feed, or null for an unknown or revoked token. Times are written in UTC. */
  async ics(token: string): Promise<string | null> {
    const [feed] = await this.db.query(
      `SELECT f.user_id, u.full_name FROM calendar_feeds f JOIN users u ON u.id = f.user_id AND u.active WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
      [this.digest(token)],
    );
    if (!feed) return null;
    const now = Date.now();
    const events = await this.events.ofUserBetween(feed.user_id, new Date(now - FEED_PAST_DAYS * 86400_000), new Date(now + FEED_FUTURE_DAYS * 86400_000));
    const cal = ical({ name: `CRM — ${feed.full_name}`, prodId: { company: 'Open CRM', product: 'crm', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
    for (const e of events) {
      cal.createEvent({
        id: `${e.id}@open-crm`,
        start: e.start,
        end: e.end ?? new Date(e.start.getTime() + 30 * 60_000),
        summary: e.subject,
        description: [e.number, e.content, e.result].filter(Boolean).join('\n\n'),
        status: e.state === EventState.COMPLETED ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
        stamp: e.updatedAt,
        lastModified: e.updatedAt,
      });
    }
    return cal.toString();
  }
}
