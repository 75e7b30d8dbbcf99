import type { Pool } from 'pg';
import { GqlClient } from './client';
import type http from 'node:http';

export type Role = 'MANAGER' | 'SUPERVISOR';

/** A signed-in user: their browser session, and the row scope the hand-written SQL applies for them. */
export interface BenchUser {
  id: string;
  email: string;
  role: Role;
  /** Responsible users whose records they read: themselves, and a supervisor's team. */
  scope: string[];
  client: GqlClient;
  samples: Sample[];
}

/** A counterparty in a user's scope, with what people type to find it. */
export interface Sample {
  id: string;
  name: string;
  inn: string | null;
  /** E.164 digits of its first phone. */
  phone: string | null;
  email: string | null;
}

export interface Fixtures {
  managers: BenchUser[];
  supervisors: BenchUser[];
  byRole(role: Role): BenchUser[];
}

/** Signs every manager and supervisor in (one session each, cookie kept) and samples their counterparties. */
export async function prepareFixtures(pool: Pool, url: string, agent: http.Agent, password: string, samplesPerUser = 24): Promise<Fixtures> {
  const users = await pool.query<{ id: string; email: string; role: Role; scope: string[] }>(
    `SELECT u.id, u.email, u.role,
            CASE WHEN u.role = 'SUPERVISOR' THEN (
              WITH RECURSIVE team AS (SELECT u.id AS id UNION SELECT s.id FROM users s JOIN team ON s.supervisor_id = team.id)
              SELECT array_agg(id ORDER BY id) FROM team)
            ELSE ARRAY[u.id] END AS scope
       FROM users u WHERE u.role IN ('MANAGER', 'SUPERVISOR') AND u.active ORDER BY u.email`,
  );
  const out: BenchUser[] = [];
  // Sign-ins hash the password (Argon2id, ~20 ms of server CPU each): a few at a time.
  const queue = [...users.rows];
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      for (let u = queue.shift(); u; u = queue.shift()) {
        const client = await new GqlClient(url, agent).login(u.email, password);
        const samples = await pool.query<Sample>(
          `SELECT c.id, c.name, c.inn, ph.search_key AS phone, em.value AS email
             FROM counterparties c
             LEFT JOIN LATERAL (SELECT search_key FROM contact_info WHERE counterparty_id = c.id AND type = 'PHONE' ORDER BY position LIMIT 1) ph ON true
             LEFT JOIN LATERAL (SELECT value FROM contact_info WHERE counterparty_id = c.id AND type = 'EMAIL' ORDER BY position LIMIT 1) em ON true
            WHERE c.responsible_id = ANY($1) AND NOT c.deletion_mark
            ORDER BY md5(c.id::text || $2) LIMIT $3`,
          [u.scope, u.email, samplesPerUser],
        );
        out.push({ ...u, client, samples: samples.rows });
      }
    }),
  );
  out.sort((a, b) => a.email.localeCompare(b.email));
  const managers = out.filter((u) => u.role === 'MANAGER');
  const supervisors = out.filter((u) => u.role === 'SUPERVISOR');
  return { managers, supervisors, byRole: (role) => (role === 'MANAGER' ? managers : supervisors) };
}
