import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BUILT_IN_TEMPLATES_V1 } from './1764835200000-Processes.templates';

/**
 * Business processes: versioned route maps (the three built-in ones seeded as version 1), running instances with
 * the engine's state, the tasks they hand to people, and who holds each process role (lawyer, director...).
 *
 * Replays are harmless by construction: a task is unique per (instance, token) and a child process per
 * (parent, parent token), and the engine gives a token a new id every time it starts waiting.
 */
export class Processes1764835200000 implements MigrationInterface {
  name = 'Processes1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE process_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,63}$'),
        version int NOT NULL CHECK (version >= 1),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 2000),
        map jsonb NOT NULL,
        published boolean NOT NULL DEFAULT true,
        built_in boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id),
        UNIQUE (code, version)
      )`);
    await q.query(`CREATE INDEX process_templates_created_by_id_idx ON process_templates (created_by_id)`);
    for (const map of BUILT_IN_TEMPLATES_V1) {
      await q.query(`INSERT INTO process_templates (code, version, name, description, map, published, built_in) VALUES ($1, 1, $2, $3, $4, true, true)`, [
        map.code,
        map.name,
        map.description ?? null,
        JSON.stringify(map),
      ]);
    }

    await q.query(`
      CREATE TABLE process_instances (
        id uuid PRIMARY KEY,
        template_id uuid NOT NULL REFERENCES process_templates(id),
        template_code text NOT NULL,
        subject_type text,
        subject_id uuid,
        responsible_id uuid REFERENCES users(id),
        parameters jsonb NOT NULL,
        state jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('RUNNING','FINISHED','CANCELLED')),
        result text,
        parent_instance_id uuid REFERENCES process_instances(id),
        parent_token_id text,
        root_instance_id uuid NOT NULL REFERENCES process_instances(id),
        started_by_id uuid REFERENCES users(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) <= 2000),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (parent_instance_id, parent_token_id),
        CHECK ((parent_instance_id IS NULL) = (parent_token_id IS NULL)),
        CHECK ((status = 'RUNNING') = (finished_at IS NULL))
      )`);
    // The monitor: newest first, all or by template; open ones by template.
    await q.query(`CREATE INDEX process_instances_started_idx ON process_instances (started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX process_instances_template_idx ON process_instances (template_code, status, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX process_instances_status_idx ON process_instances (status, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX process_instances_subject_idx ON process_instances (subject_type, subject_id)`);
    await q.query(`CREATE INDEX process_instances_responsible_idx ON process_instances (responsible_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX process_instances_template_id_idx ON process_instances (template_id)`);
    await q.query(`CREATE INDEX process_instances_root_idx ON process_instances (root_instance_id)`);
    await q.query(`CREATE INDEX process_instances_started_by_id_idx ON process_instances (started_by_id)`);
    // One running top-level process of a template per subject (a second Sale on the same interest is refused).
    await q.query(`
      CREATE UNIQUE INDEX process_instances_running_subject_key ON process_instances (template_code, subject_type, subject_id)
       WHERE status = 'RUNNING' AND parent_instance_id IS NULL AND subject_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE process_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES process_instances(id),
        root_instance_id uuid NOT NULL REFERENCES process_instances(id),
        token_id text NOT NULL,
        point_id text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        performer_id uuid NOT NULL REFERENCES users(id),
        assignee jsonb NOT NULL,
        assignee_note text,
        results text[] NOT NULL CHECK (cardinality(results) >= 1),
        allow_redirect boolean NOT NULL DEFAULT false,
        state text NOT NULL CHECK (state IN ('OPEN','ACCEPTED','DONE','CANCELLED')),
        subject_type text,
        subject_id uuid,
        deadline timestamptz,
        escalate_at timestamptz,
        escalated_at timestamptz,
        accepted_at timestamptz,
        completed_at timestamptz,
        completed_by_id uuid REFERENCES users(id),
        result text,
        comment text CHECK (length(comment) <= 5000),
        redirected_from_id uuid REFERENCES users(id),
        pushed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (instance_id, token_id),
        CHECK (state <> 'DONE' OR (result IS NOT NULL AND result = ANY(results)))
      )`);
    // A performer's list by deadline (no deadline last), and the supervisor's list over a team.
    await q.query(`CREATE INDEX process_tasks_performer_deadline_idx ON process_tasks (performer_id, state, (coalesce(deadline, 'infinity'::timestamptz)), id)`);
    await q.query(`CREATE INDEX process_tasks_performer_created_idx ON process_tasks (performer_id, created_at DESC, id DESC)`);
    // Escalation and redelivery claims only look at the few rows still waiting for them.
    await q.query(`CREATE INDEX process_tasks_escalation_idx ON process_tasks (escalate_at) WHERE escalated_at IS NULL AND state IN ('OPEN','ACCEPTED')`);
    await q.query(`CREATE INDEX process_tasks_unpushed_idx ON process_tasks (created_at) WHERE pushed_at IS NULL AND state IN ('OPEN','ACCEPTED')`);
    // "Overdue" of an instance (its own open tasks) and of a top-level process (those of its nested ones too).
    await q.query(`CREATE INDEX process_tasks_open_instance_idx ON process_tasks (instance_id, deadline) WHERE state IN ('OPEN','ACCEPTED')`);
    await q.query(`CREATE INDEX process_tasks_open_root_idx ON process_tasks (root_instance_id, deadline) WHERE state IN ('OPEN','ACCEPTED')`);
    await q.query(`CREATE INDEX process_tasks_root_instance_id_idx ON process_tasks (root_instance_id)`);
    await q.query(`CREATE INDEX process_tasks_subject_idx ON process_tasks (subject_type, subject_id)`);
    await q.query(`CREATE INDEX process_tasks_completed_by_id_idx ON process_tasks (completed_by_id)`);
    await q.query(`CREATE INDEX process_tasks_redirected_from_id_idx ON process_tasks (redirected_from_id)`);

    await q.query(`
      CREATE TABLE process_roles (
        role text PRIMARY KEY CHECK (role ~ '^[A-Z][A-Z0-9_]{0,63}$'),
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX process_roles_user_id_idx ON process_roles (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['process_roles', 'process_tasks', 'process_instances', 'process_templates']) await q.query(`DROP TABLE ${t}`);
  }
}
