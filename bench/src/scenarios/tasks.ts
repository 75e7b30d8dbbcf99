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

/** The Tasks tab's block of business-process tasks (ProcessTasksBlock: MyProcessTasks, 50 open ones). */
const PROCESS_QUERY = `query MyProcessTasks($first: Int!, $after: String) {
  myProcessTasks(first: $first, after: $after, filter: { state: OPEN }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...ProcessTaskListItem } }
  }
}
fragment ProcessTaskListItem on ProcessTask {
  id title pointId state deadline overdue createdAt results allowRedirect instanceId
  subject { type id title }
  process { id name templateCode }
  viewerCan { accept complete redirect }
}`;

const PROCESS_PAGE = 50;

/**
 * The floor: my open (or accepted) tasks by deadline (none last), 51 of them and the count, each with its process
 * and template, and the title of its subject as the server titles it in my scope (an interest: number · client; an
 * offer: «КП number от date»).
 */
const PROCESS_FLOOR = `
WITH t AS (SELECT * FROM process_tasks t WHERE t.performer_id = $1 AND t.state IN ('OPEN', 'ACCEPTED'))
SELECT (SELECT count(*)::int FROM t) AS total,
       (SELECT json_agg(json_build_array(x.id, x.title, x.point_id, x.state, x.deadline, x.deadline < now(), x.created_at, x.results, x.allow_redirect, x.instance_id,
                                         x.subject_type, x.subject_id,
                                         CASE x.subject_type WHEN 'CLIENT_INTEREST' THEN ci.number || ' · ' || c.name
                                                             WHEN 'COMMERCIAL_OFFER' THEN 'КП ' || o.number || ' от ' || to_char(o.date, 'DD.MM.YYYY') END,
                                         i.id, tp.name, i.template_code, x.performer_id) ORDER BY coalesce(x.deadline, 'infinity'), x.id)
          FROM (SELECT * FROM t ORDER BY coalesce(t.deadline, 'infinity'), t.id LIMIT ${PROCESS_PAGE + 1}) x
          JOIN process_instances i ON i.id = x.instance_id JOIN process_templates tp ON tp.id = i.template_id
          LEFT JOIN client_interests ci ON x.subject_type = 'CLIENT_INTEREST' AND ci.id = x.subject_id AND ci.responsible_id = ANY($2)
          LEFT JOIN counterparties c ON c.id = ci.counterparty_id
          LEFT JOIN commercial_offers o ON x.subject_type = 'COMMERCIAL_OFFER' AND o.id = x.subject_id AND o.responsible_id = ANY($2)) AS tasks`;

function processOp(role: Role, users: BenchUser[], pool: Pool): ReadOp<Params> {
  return {
    scenario: 'tasks',
    name: 'tasks: process tasks block',
    role,
    targetP95: 30,
    params: (i) => ({ user: users[i % users.length] }),
    async api({ user }) {
      const r = await user.client.gql(PROCESS_QUERY, { first: PROCESS_PAGE, after: null });
      const d = check(r).myProcessTasks;
      return {
        sql: r.sql,
        answer: {
          total: d.totalCount,
          hasNextPage: d.pageInfo.hasNextPage,
          tasks: d.edges.map(({ node: n }: any) => [
            n.id, n.title, n.pointId, n.state, iso(n.deadline), n.overdue, iso(n.createdAt), n.results, n.allowRedirect, n.instanceId,
            n.subject?.type ?? null, n.subject?.id ?? null, n.subject?.title ?? null, n.process?.id ?? null, n.process?.name ?? null, n.process?.templateCode ?? null,
            [n.viewerCan.accept, n.viewerCan.complete, n.viewerCan.redirect],
          ]),
        },
      };
    },
    async floor({ user }) {
      const x = (await pool.query(PROCESS_FLOOR, [user.id, user.scope])).rows[0];
      const tasks: any[][] = x.tasks ?? [];
      return {
        total: x.total,
        hasNextPage: tasks.length > PROCESS_PAGE,
        tasks: tasks.slice(0, PROCESS_PAGE).map((t) => [
          t[0], t[1], t[2], t[3], iso(t[4]), t[5] === true, iso(t[6]), t[7], t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15],
          // Accept: open and not yet accepted; complete: mine; redirect: where the point allows (I am in my own scope).
          [t[3] === 'OPEN', true, t[8] && user.scope.includes(t[16])],
        ]),
      };
    },
  };
}

export const tasksScenario: ReadScenario = {
  name: 'tasks',
  description: 'The Tasks tab of the signed-in user: overdue and today\'s planned events (200 each), due reminders with their subjects, and the counts on the tab; and its block of open business-process tasks (50, by deadline).',
  ops(f, pool) {
    return (['MANAGER', 'SUPERVISOR'] as Role[]).flatMap((role) => [op(role, f.byRole(role), pool), processOp(role, f.byRole(role), pool)]);
  },
};
