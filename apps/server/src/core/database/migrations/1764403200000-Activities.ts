import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events, reminders, calendar feeds, document numbering and users' time zones. */
export class Activities1764403200000 implements MigrationInterface {
  name = 'Activities1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Moscow'`);

    // One row per (prefix, year): taking the next number locks the row until commit, so numbers have no gaps
    // and no duplicates however many users create documents at once.
    await q.query(`
      CREATE TABLE document_counters (
        prefix text NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);

    await q.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('CALL','MEETING','TRIP','LETTER','EMAIL','OTHER')),
        direction text NOT NULL CHECK (direction IN ('INCOMING','OUTGOING')),
        state text NOT NULL CHECK (state IN ('PLANNED','COMPLETED','CANCELLED')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        content text,
        result text,
        importance text NOT NULL DEFAULT 'NORMAL' CHECK (importance IN ('HIGH','NORMAL','LOW')),
        start_at timestamptz NOT NULL,
        end_at timestamptz CHECK (end_at IS NULL OR end_at >= start_at),
        counterparty_id uuid REFERENCES counterparties(id),
        contact_person_id uuid REFERENCES contact_persons(id),
        responsible_id uuid NOT NULL REFERENCES users(id),
        based_on_type text,
        based_on_id uuid,
        cancel_reason text,
        completed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX events_responsible_start_idx ON events (responsible_id, start_at, id)`);
    await q.query(`CREATE INDEX events_planned_due_idx ON events (responsible_id, (coalesce(end_at, start_at))) WHERE state = 'PLANNED'`);
    await q.query(`CREATE INDEX events_start_idx ON events (start_at, id)`);
    await q.query(`CREATE INDEX events_created_at_idx ON events (created_at, id)`);
    await q.query(`CREATE INDEX events_counterparty_idx ON events (counterparty_id, state, start_at)`);
    await q.query(`CREATE INDEX events_contact_person_idx ON events (contact_person_id, state, start_at)`);
    await q.query(`CREATE INDEX events_based_on_idx ON events (based_on_type, based_on_id)`);
    await q.query(`CREATE INDEX events_created_by_id_idx ON events (created_by_id)`);
    await q.query(`CREATE INDEX events_subject_trgm_idx ON events USING gin (lower(subject) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        remind_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('PENDING','DUE','DISMISSED')),
        fired_at timestamptz,
        subject_type text,
        subject_id uuid,
        offset_minutes int,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The scheduler's claim: pending reminders in time order.
    await q.query(`CREATE INDEX reminders_pending_idx ON reminders (remind_at) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX reminders_user_idx ON reminders (user_id, state, remind_at)`);
    await q.query(`CREATE INDEX reminders_subject_idx ON reminders (subject_type, subject_id)`);

    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX calendar_feeds_user_id_idx ON calendar_feeds (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_feeds', 'reminders', 'events', 'document_counters']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS time_zone`);
  }
}
