import type { Pool } from 'pg';
import type { BenchUser, Role } from '../fixtures';
import { check, iso, type ReadOp, type ReadScenario } from './types';

/** The Tasks tab («Дела») as the web app loads it (TasksPage), with the counts on the tab (TaskCounts). */
const QUERY = `query TasksPage($me: ID!) {
  overdue: events(first: 200, filter: { responsibleId: $me, state: PLANNED, overdue: true }, orderBy: { field: START, direction: ASC }) {
    totalCount edges { node { ...EventListItem } }
  }
  today: events(first: 200, filter: { responsibleId: $me, state: PLANNED, dueToday: true }, orderBy: { field: START, direction: ASC }) {
    totalCount edges { node { ...EventListItem } }
  }
  reminders(first: 200, filter: { state: DUE }) {
    totalCount edges { node { id text remindAt state firedAt userId subject { type id title } } }
  }
  taskCounts { overdue today dueReminders total }
}
fragment EventListItem on Event {
  id number kind direction state subject importance start end overdue counterpartyId counterparty { id name }
  contactPersonId contactPerson { id fullName } responsibleId responsible { id fullName } result version createdAt
  viewerCan { update complete cancel reschedule }
}`;

/**
 * The floor: both event lists (overdue; today's still ahead, in the user's time zone), the due reminders with
 * the titles of their events, and the counts, in one statement.
 */
const FLOOR = `
WITH me AS (
  SELECT u.id, (date_trunc('day', now() AT TIME ZONE u.time_zone) AT TIME ZONE u.time_zone) AS day_from FROM users u WHERE u.id = $1
), overdue AS (
  SELECT e.* FROM events e, me WHERE e.responsible_id = me.id AND e.state = 'PLANNED' AND coalesce(e.end_at, e.start_at) < now()
), today AS (
  SELECT e.* FROM events e, me WHERE e.responsible_id = me.id AND e.state = 'PLANNED' AND e.start_at >= me.day_from AND e.start_at < me.day_from + interval '1 day'
     AND NOT coalesce(e.end_at, e.start_at) < now()
), due AS (
  SELECT r.* FROM reminders r, me WHERE r.user_id = me.id AND r.state = 'DUE'
)
SELECT (SELECT count(*)::int FROM overdue) AS overdue_total,
       (SELECT count(*)::int FROM today) AS today_total,
       (SELECT count(*)::int FROM due) AS due_total,
       (SELECT json_agg(x ORDER BY x.start_at, x.id) FROM (
          SELECT o.id, o.number, o.start_at, o.subject, c.name AS counterparty, concat_ws(' ', p.last_name, p.first_name, p.middle_name) AS person, o.contact_person_id, u.full_name AS responsible
            FROM (SELECT * FROM overdue ORDER BY start_at, id LIMIT 200) o
            LEFT JOIN counterparties c ON c.id = o.counterparty_id AND c.responsible_id = ANY($2)
            LEFT JOIN contact_persons p ON p.id = o.contact_person_id LEFT JOIN users u ON u.id = o.responsible_id) x) AS overdue,
       (SELECT json_agg(x ORDER BY x.start_at, x.id) FROM (
          SELECT t.id, t.number, t.start_at, t.subject, c.name AS counterparty, concat_ws(' ', p.last_name, p.first_name, p.middle_name) AS person, t.contact_person_id, u.full_name AS responsible
            FROM (SELECT * FROM today ORDER BY start_at, id LIMIT 200) t
            LEFT JOIN counterparties c ON c.id = t.counterparty_id AND c.responsible_id = ANY($2)
            LEFT JOIN contact_persons p ON p.id = t.contact_person_id LEFT JOIN users u ON u.id = t.responsible_id) x) AS today,
       (SELECT json_agg(x ORDER BY x.remind_at, x.id) FROM (
          SELECT d.id, d.text, d.remind_at, d.fired_at, d.subject_type, d.subject_id, CASE WHEN e.id IS NOT NULL THEN e.number || ' ' || e.subject END AS title
            FROM (SELECT * FROM due ORDER BY remind_at, id LIMIT 200) d
            LEFT JOIN events e ON d.subject_type = 'EVENT' AND e.id = d.subject_id AND e.responsible_id = ANY($2)) x) AS reminders`;

type Params = { user: BenchUser };

const eventRow = (e: any) => [e.id, e.number, iso(e.start), e.counterparty?.name ?? null, e.contactPerson?.fullName ?? null, e.responsible?.fullName];
const floorEventRow = (e: any) => [e.id, e.number, iso(e.start_at), e.counterparty, e.contact_person_id ? e.person : null, e.responsible];

function op(role: Role, users: BenchUser[], pool: Pool): ReadOp<Params> {
  return {
    scenario: 'tasks',
    name: 'tasks: overdue + today + due reminders + counts',
    role,
    targetP95: 30,
    params: (i) => ({ user: users[i % users.length] }),
    async api({ user }) {
      const r = await user.client.gql(QUERY, { me: user.id });
      const d = check(r);
      return {
        sql: r.sql,
        answer: {
          counts: [d.taskCounts.overdue, d.taskCounts.today, d.taskCounts.dueReminders],
          totals: [d.overdue.totalCount, d.today.totalCount, d.reminders.totalCount],
          overdue: d.overdue.edges.map((e: any) => eventRow(e.node)),
          today: d.today.edges.map((e: any) => eventRow(e.node)),
          reminders: d.reminders.edges.map((e: any) => [e.node.id, iso(e.node.remindAt), e.node.subject?.title ?? null]),
        },
      };
    },
    async floor({ user }) {
      const r = await pool.query(FLOOR, [user.id, user.scope]);
      const x = r.rows[0];
      const totals = [x.overdue_total, x.today_total, x.due_total];
      return {
        counts: totals,
        totals,
        overdue: (x.overdue ?? []).map(floorEventRow),
        today: (x.today ?? []).map(floorEventRow),
        reminders: (x.reminders ?? []).map((m: any) => [m.id, iso(m.remind_at), m.subject_type ? m.title : null]),
      };
    },
  };
}

export const tasksScenario: ReadScenario = {
  name: 'tasks',
  description: 'The Tasks tab of the signed-in user: overdue and today\'s planned events (200 each), due reminders with their subjects, and the counts on the tab.',
  ops(f, pool) {
    return (['MANAGER', 'SUPERVISOR'] as Role[]).map((role) => op(role, f.byRole(role), pool));
  },
};
