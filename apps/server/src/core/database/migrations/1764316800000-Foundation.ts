import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and access, the audit log, counterparties, contact persons and contact information.
 * Runs unchanged on PostgreSQL 15+ and on the embedded PGlite.
 */
export class Foundation1764316800000 implements MigrationInterface {
  name = 'Foundation1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMINISTRATOR','SUPERVISOR','MANAGER','MARKETER','SERVICE_ENGINEER')),
        supervisor_id uuid REFERENCES users(id),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        locale text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru','en')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (supervisor_id IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_supervisor_id_idx ON users (supervisor_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);
    await q.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL,
        token_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash)`);
    await q.query(`CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id)`);

    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        success boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX login_attempts_email_at_idx ON login_attempts (email, at)`);
    await q.query(`CREATE INDEX login_attempts_ip_at_idx ON login_attempts (ip, at)`);

    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        entity_label text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_seq_idx ON audit_log (actor_id, seq DESC)`);

    await q.query(`
      CREATE TABLE counterparty_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        parent_id uuid REFERENCES counterparty_groups(id),
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX counterparty_groups_parent_id_idx ON counterparty_groups (parent_id)`);

    await q.query(`
      CREATE TABLE counterparties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        full_name text,
        legal_type text NOT NULL CHECK (legal_type IN ('LEGAL_ENTITY','INDIVIDUAL','SOLE_PROPRIETOR')),
        inn text CHECK (inn ~ '^[0-9]{10}([0-9]{2})?$'),
        kpp text CHECK (kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
        group_id uuid REFERENCES counterparty_groups(id),
        relation_types text[] NOT NULL DEFAULT '{}',
        responsible_id uuid NOT NULL REFERENCES users(id),
        information_source text,
        comment text,
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX counterparties_responsible_name_idx ON counterparties (responsible_id, name, id)`);
    await q.query(`CREATE INDEX counterparties_name_idx ON counterparties (name, id)`);
    await q.query(`CREATE INDEX counterparties_created_at_idx ON counterparties (created_at, id)`);
    await q.query(`CREATE INDEX counterparties_updated_at_idx ON counterparties (updated_at, id)`);
    await q.query(`CREATE INDEX counterparties_group_id_idx ON counterparties (group_id)`);
    await q.query(`CREATE INDEX counterparties_created_by_id_idx ON counterparties (created_by_id)`);
    await q.query(`CREATE INDEX counterparties_inn_idx ON counterparties (inn)`);
    await q.query(`CREATE INDEX counterparties_search_trgm_idx ON counterparties USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE contact_persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        counterparty_id uuid REFERENCES counterparties(id),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        first_name text,
        middle_name text,
        position text,
        role text,
        birthday date,
        comment text,
        responsible_id uuid NOT NULL REFERENCES users(id),
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX contact_persons_counterparty_id_idx ON contact_persons (counterparty_id, last_name, id)`);
    await q.query(`CREATE INDEX contact_persons_responsible_idx ON contact_persons (responsible_id, last_name, id)`);
    await q.query(`CREATE INDEX contact_persons_last_name_idx ON contact_persons (last_name, id)`);
    await q.query(`CREATE INDEX contact_persons_search_trgm_idx ON contact_persons USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE contact_info_kinds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        type text NOT NULL CHECK (type IN ('ADDRESS','PHONE','EMAIL','WEB_PAGE','FAX','MESSENGER','OTHER')),
        position int NOT NULL DEFAULT 100,
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX contact_info_kinds_code_key ON contact_info_kinds (code) WHERE code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX contact_info_kinds_type_name_key ON contact_info_kinds (type, lower(name))`);

    await q.query(`
      CREATE TABLE contact_info (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        counterparty_id uuid REFERENCES counterparties(id) ON DELETE CASCADE,
        contact_person_id uuid REFERENCES contact_persons(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('ADDRESS','PHONE','EMAIL','WEB_PAGE','FAX','MESSENGER','OTHER')),
        kind_id uuid NOT NULL REFERENCES contact_info_kinds(id),
        value text NOT NULL,
        normalized text NOT NULL,
        search_key text NOT NULL,
        extension text,
        parts jsonb,
        comment text,
        position int NOT NULL DEFAULT 0,
        CHECK ((counterparty_id IS NULL) <> (contact_person_id IS NULL))
      )`);
    await q.query(`CREATE INDEX contact_info_counterparty_id_idx ON contact_info (counterparty_id, position) WHERE counterparty_id IS NOT NULL`);
    await q.query(`CREATE INDEX contact_info_contact_person_id_idx ON contact_info (contact_person_id, position) WHERE contact_person_id IS NOT NULL`);
    await q.query(`CREATE INDEX contact_info_kind_id_idx ON contact_info (kind_id)`);
    await q.query(`CREATE INDEX contact_info_normalized_idx ON contact_info (type, normalized)`);
    await q.query(`CREATE INDEX contact_info_search_trgm_idx ON contact_info USING gin (search_key gin_trgm_ops)`);

    await q.query(`
      INSERT INTO contact_info_kinds (code, name, type, position) VALUES
        ('LEGAL_ADDRESS', 'Legal address', 'ADDRESS', 10),
        ('ACTUAL_ADDRESS', 'Actual address', 'ADDRESS', 20),
        ('POSTAL_ADDRESS', 'Postal address', 'ADDRESS', 30),
        ('WAREHOUSE_ADDRESS', 'Warehouse address', 'ADDRESS', 40),
        ('WORK_PHONE', 'Work phone', 'PHONE', 10),
        ('MOBILE_PHONE', 'Mobile phone', 'PHONE', 20),
        ('EMAIL', 'E-mail', 'EMAIL', 10),
        ('INVOICE_EMAIL', 'E-mail for invoices', 'EMAIL', 20),
        ('WEB_SITE', 'Web site', 'WEB_PAGE', 10),
        ('FAX', 'Fax', 'FAX', 10),
        ('MESSENGER', 'Messenger', 'MESSENGER', 10),
        ('OTHER', 'Other', 'OTHER', 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['contact_info', 'contact_info_kinds', 'contact_persons', 'counterparties', 'counterparty_groups', 'audit_log', 'login_attempts', 'api_tokens', 'sessions', 'users']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
