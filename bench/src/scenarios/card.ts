import type { Pool } from 'pg';
import type { BenchUser, Role } from '../fixtures';
import { check, iso, pick, type ReadOp, type ReadScenario } from './types';

/**
 * The counterparty card as the web app opens it (CounterpartyDetails with contact information, contact
 * persons, last contact, next planned event) plus its interaction history: the last 20 events.
 */
const QUERY = `query CounterpartyCard($id: ID!) {
  counterparty(id: $id) {
    id name fullName legalType inn kpp groupId group { id name } relationTypes responsibleId responsible { id fullName }
    informationSource comment deletionMark version createdAt updatedAt mainPhone mainEmail
    contactInfo {
      id type kindId kind { id code name type position deletionMark version } value normalized extension comment position
      parts { country postalCode region district city settlement street house building apartment }
    }
    viewerCan { update delete restore }
    lastContactAt
    nextPlannedEvent { id subject start kind }
    contactPersons { id fullName position mainPhone mainEmail deletionMark }
    events(first: 20) {
      totalCount
      edges { node { id number kind direction state subject start end overdue responsible { id fullName } contactPerson { id fullName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** The floor: the whole card in one statement, nested parts as JSON. */
const FLOOR = `
SELECT c.id, c.name, c.full_name, c.legal_type, c.inn, c.kpp, c.group_id, g.name AS group_name, c.relation_types, c.responsible_id, u.full_name AS responsible_name,
       c.information_source, c.comment, c.deletion_mark, c.version, c.created_at, c.updated_at,
       (SELECT json_agg(json_build_object('id', ci.id, 'type', ci.type, 'kind', json_build_object('id', k.id, 'code', k.code, 'name', k.name, 'type', k.type, 'position', k.position, 'deletionMark', k.deletion_mark, 'version', k.version),
                                          'value', ci.value, 'normalized', ci.normalized, 'extension', ci.extension, 'comment', ci.comment, 'position', ci.position, 'parts', ci.parts) ORDER BY ci.position)
          FROM contact_info ci JOIN contact_info_kinds k ON k.id = ci.kind_id WHERE ci.counterparty_id = c.id) AS contact_info,
       (SELECT max(e.start_at) FROM events e WHERE e.counterparty_id = c.id AND e.state = 'COMPLETED' AND e.responsible_id = ANY($2)) AS last_contact_at,
       (SELECT json_build_object('id', e.id, 'subject', e.subject, 'start', e.start_at, 'kind', e.kind) FROM events e
         WHERE e.counterparty_id = c.id AND e.state = 'PLANNED' AND e.responsible_id = ANY($2) ORDER BY e.start_at, e.id LIMIT 1) AS next_planned,
       (SELECT json_agg(json_build_object('id', p.id, 'fullName', concat_ws(' ', p.last_name, p.first_name, p.middle_name), 'position', p.position, 'deletionMark', p.deletion_mark,
                                          'mainPhone', (SELECT ci.value FROM contact_info ci WHERE ci.contact_person_id = p.id AND ci.type = 'PHONE' ORDER BY ci.position LIMIT 1),
                                          'mainEmail', (SELECT ci.value FROM contact_info ci WHERE ci.contact_person_id = p.id AND ci.type = 'EMAIL' ORDER BY ci.position LIMIT 1)) ORDER BY p.last_name, p.id)
          FROM contact_persons p WHERE p.counterparty_id = c.id AND NOT p.deletion_mark) AS persons,
       (SELECT count(*)::int FROM events e WHERE e.counterparty_id = c.id AND e.responsible_id = ANY($2)) AS events_total,
       (SELECT json_agg(x ORDER BY x.start DESC, x.id DESC) FROM (
          SELECT e.id, e.number, e.kind, e.direction, e.state, e.subject, e.start_at AS start, e.end_at AS "end",
                 (e.state = 'PLANNED' AND coalesce(e.end_at, e.start_at) < now()) AS overdue,
                 e.responsible_id, ru.full_name AS responsible_name, e.contact_person_id, concat_ws(' ', cp.last_name, cp.first_name, cp.middle_name) AS person_name
            FROM events e JOIN users ru ON ru.id = e.responsible_id LEFT JOIN contact_persons cp ON cp.id = e.contact_person_id
           WHERE e.counterparty_id = c.id AND e.responsible_id = ANY($2)
           ORDER BY e.start_at DESC, e.id DESC LIMIT 21) x) AS events
  FROM counterparties c JOIN users u ON u.id = c.responsible_id LEFT JOIN counterparty_groups g ON g.id = c.group_id
 WHERE c.id = $1 AND c.responsible_id = ANY($2)`;

const firstOf = (list: Array<{ type: string; value: string }>, type: string) => list.find((x) => x.type === type)?.value ?? null;

type Params = { user: BenchUser; id: string };

function op(role: Role, users: BenchUser[], pool: Pool): ReadOp<Params> {
  return {
    scenario: 'card',
    name: 'card: counterparty with contacts and last 20 events',
    role,
    targetP95: 30,
    params(i) {
      const { user, sample } = pick(users, i);
      return { user, id: sample.id };
    },
    async api({ user, id }) {
      const r = await user.client.gql(QUERY, { id });
      const c = check(r).counterparty;
      return {
        sql: r.sql,
        answer: {
          id: c.id,
          name: c.name,
          inn: c.inn,
          responsible: c.responsible?.fullName,
          mainPhone: c.mainPhone,
          mainEmail: c.mainEmail,
          contactInfo: c.contactInfo.map((x: any) => [x.id, x.kind.code, x.value]),
          lastContactAt: iso(c.lastContactAt),
          nextPlanned: c.nextPlannedEvent?.id ?? null,
          persons: c.contactPersons.map((p: any) => [p.id, p.fullName, p.mainPhone, p.mainEmail]),
          eventsTotal: c.events.totalCount,
          hasMoreEvents: c.events.pageInfo.hasNextPage,
          events: c.events.edges.map((e: any) => [e.node.id, e.node.number, e.node.state, e.node.overdue, e.node.responsible?.fullName, e.node.contactPerson?.fullName ?? null]),
        },
      };
    },
    async floor({ user, id }) {
      const r = await pool.query(FLOOR, [id, user.scope]);
      const c = r.rows[0];
      const ci = (c.contact_info ?? []) as any[];
      const events = (c.events ?? []) as any[];
      return {
        id: c.id,
        name: c.name,
        inn: c.inn,
        responsible: c.responsible_name,
        mainPhone: firstOf(ci, 'PHONE'),
        mainEmail: firstOf(ci, 'EMAIL'),
        contactInfo: ci.map((x) => [x.id, x.kind.code, x.value]),
        lastContactAt: iso(c.last_contact_at),
        nextPlanned: c.next_planned?.id ?? null,
        persons: ((c.persons ?? []) as any[]).map((p) => [p.id, p.fullName, p.mainPhone, p.mainEmail]),
        eventsTotal: c.events_total,
        hasMoreEvents: events.length > 20,
        events: events.slice(0, 20).map((e) => [e.id, e.number, e.state, e.overdue, e.responsible_name, e.contact_person_id ? e.person_name : null]),
      };
    },
  };
}

export const cardScenario: ReadScenario = {
  name: 'card',
  description: 'A counterparty card: its fields, contact information, contact persons with their phone and e-mail, last contact, next planned event, and the last 20 events.',
  ops(f, pool) {
    return (['MANAGER', 'SUPERVISOR'] as Role[]).map((role) => op(role, f.byRole(role), pool));
  },
};
