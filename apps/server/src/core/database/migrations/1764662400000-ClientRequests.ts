import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client requests with SLA deadlines in working time, the work calendar they are counted in, the notification
 * centre, and the knowledge base with Russian + English full-text search. Needs `products` (sales catalog).
 */
export class ClientRequests1764662400000 implements MigrationInterface {
  name = 'ClientRequests1764662400000';

  async up(q: QueryRunner): Promise<void> {
    // ---- work calendar: one settings row, hours per weekday, dated exceptions ----
    await q.query(`
      CREATE TABLE work_calendar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        time_zone text NOT NULL DEFAULT 'Europe/Moscow',
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exactly one row: the organisation's calendar.
    await q.query(`CREATE UNIQUE INDEX work_calendar_single_row ON work_calendar ((true))`);
    await q.query(`INSERT INTO work_calendar DEFAULT VALUES`);
    await q.query(`
      CREATE TABLE work_calendar_weekdays (
        weekday smallint PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
        start_minute int CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute int CHECK (end_minute BETWEEN 1 AND 1440),
        CHECK ((start_minute IS NULL) = (end_minute IS NULL) AND (start_minute IS NULL OR start_minute < end_minute))
      )`);
    await q.query(`
      INSERT INTO work_calendar_weekdays (weekday, start_minute, end_minute) VALUES
        (1, 540, 1080), (2, 540, 1080), (3, 540, 1080), (4, 540, 1080), (5, 540, 1080), (6, NULL, NULL), (7, NULL, NULL)`);
    await q.query(`
      CREATE TABLE work_calendar_exceptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        day date NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY','SHORTENED','WORKING')),
        start_minute int CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute int CHECK (end_minute BETWEEN 1 AND 1440),
        name text CHECK (length(name) <= 200),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE WHEN kind = 'HOLIDAY' THEN start_minute IS NULL AND end_minute IS NULL
                    ELSE start_minute IS NOT NULL AND end_minute IS NOT NULL AND start_minute < end_minute END)
      )`);

    // ---- notification centre ----
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        body text CHECK (length(body) <= 5000),
        object_type text,
        object_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_object_idx ON notifications (object_type, object_id)`);

    // ---- knowledge base ----
    await q.query(`
      CREATE TABLE knowledge_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES knowledge_sections(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE INDEX knowledge_sections_parent_id_idx ON knowledge_sections (parent_id, name)`);

    await q.query(`
      CREATE TABLE knowledge_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid REFERENCES knowledge_sections(id),
        kind text NOT NULL CHECK (kind IN ('SOLUTION','PRODUCT','COMPETITOR','INSTRUCTION')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
        keywords text[] NOT NULL DEFAULT '{}',
        published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        author_id uuid NOT NULL REFERENCES users(id),
        usage_count int NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
        source_request_id uuid,
        deletion_mark boolean NOT NULL DEFAULT false,
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Russian and English stems of the title (A), keywords (B) and body (C). A trigger, not a generated column:
    // array_to_string is not immutable, so the keywords could not take part in a generated expression.
    await q.query(`
      CREATE FUNCTION knowledge_articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE kw text := array_to_string(NEW.keywords, ' ');
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('russian', NEW.title), 'A') || setweight(to_tsvector('english', NEW.title), 'A') ||
          setweight(to_tsvector('russian', kw), 'B') || setweight(to_tsvector('english', kw), 'B') ||
          setweight(to_tsvector('russian', NEW.body), 'C') || setweight(to_tsvector('english', NEW.body), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER knowledge_articles_search_vector BEFORE INSERT OR UPDATE OF title, keywords, body ON knowledge_articles
        FOR EACH ROW EXECUTE FUNCTION knowledge_articles_search_vector()`);
    await q.query(`CREATE INDEX knowledge_articles_search_idx ON knowledge_articles USING gin (search_vector)`);
    await q.query(`CREATE INDEX knowledge_articles_kind_title_idx ON knowledge_articles (kind, title, id)`);
    await q.query(`CREATE INDEX knowledge_articles_title_idx ON knowledge_articles (title, id)`);
    await q.query(`CREATE INDEX knowledge_articles_section_id_idx ON knowledge_articles (section_id)`);
    await q.query(`CREATE INDEX knowledge_articles_author_id_idx ON knowledge_articles (author_id)`);
    await q.query(`CREATE INDEX knowledge_articles_source_request_id_idx ON knowledge_articles (source_request_id)`);

    await q.query(`
      CREATE TABLE knowledge_article_products (
        article_id uuid NOT NULL REFERENCES knowledge_articles(id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES products(id),
        PRIMARY KEY (article_id, product_id)
      )`);
    await q.query(`CREATE INDEX knowledge_article_products_product_id_idx ON knowledge_article_products (product_id)`);
    await q.query(`
      CREATE TABLE knowledge_article_competitors (
        article_id uuid NOT NULL REFERENCES knowledge_articles(id) ON DELETE CASCADE,
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        PRIMARY KEY (article_id, counterparty_id)
      )`);
    await q.query(`CREATE INDEX knowledge_article_competitors_counterparty_id_idx ON knowledge_article_competitors (counterparty_id)`);

    // ---- client requests ----
    await q.query(`
      CREATE TABLE client_request_sla_rules (
        kind text NOT NULL CHECK (kind IN ('QUESTION','CLAIM','SERVICE')),
        priority text NOT NULL CHECK (priority IN ('LOW','NORMAL','HIGH','URGENT')),
        reaction_minutes int NOT NULL CHECK (reaction_minutes BETWEEN 1 AND 54000),
        resolution_minutes int NOT NULL CHECK (resolution_minutes BETWEEN 1 AND 54000),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, priority),
        CHECK (resolution_minutes >= reaction_minutes)
      )`);
    // Working minutes (a working day is 9 hours = 540): claims get the quickest reaction, service work the longest fix.
    await q.query(`
      INSERT INTO client_request_sla_rules (kind, priority, reaction_minutes, resolution_minutes) VALUES
        ('QUESTION','URGENT', 30,  240), ('QUESTION','HIGH', 60, 540),  ('QUESTION','NORMAL', 240, 1620), ('QUESTION','LOW', 540, 2700),
        ('CLAIM','URGENT',    30,  480), ('CLAIM','HIGH',    60, 1080), ('CLAIM','NORMAL',    240, 2160), ('CLAIM','LOW',    540, 2700),
        ('SERVICE','URGENT',  60,  540), ('SERVICE','HIGH', 120, 1620), ('SERVICE','NORMAL',  540, 2700), ('SERVICE','LOW', 1080, 5400)`);

    await q.query(`
      CREATE TABLE client_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        registered_at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('QUESTION','CLAIM','SERVICE')),
        channel text NOT NULL CHECK (channel IN ('PHONE','EMAIL','WEB','VISIT','MESSENGER')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        description text CHECK (length(description) <= 20000),
        counterparty_id uuid REFERENCES counterparties(id),
        contact_person_id uuid REFERENCES contact_persons(id),
        product_id uuid REFERENCES products(id),
        responsible_id uuid NOT NULL REFERENCES users(id),
        priority text NOT NULL CHECK (priority IN ('LOW','NORMAL','HIGH','URGENT')),
        critical boolean NOT NULL DEFAULT false,
        state text NOT NULL CHECK (state IN ('REGISTERED','IN_PROGRESS','WAITING_FOR_CLIENT','RESOLVED','CLOSED','REJECTED','REOPENED')),
        solution text CHECK (length(solution) <= 20000),
        knowledge_article_id uuid REFERENCES knowledge_articles(id),
        satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
        reject_reason text CHECK (length(reject_reason) <= 2000),
        reaction_minutes int NOT NULL,
        resolution_minutes int NOT NULL,
        paused_minutes int NOT NULL DEFAULT 0 CHECK (paused_minutes >= 0),
        paused_at timestamptz,
        reaction_deadline timestamptz NOT NULL,
        reaction_warning_at timestamptz NOT NULL,
        resolution_deadline timestamptz NOT NULL,
        resolution_warning_at timestamptz NOT NULL,
        reacted_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        reaction_escalated_at timestamptz,
        resolution_escalated_at timestamptz,
        closure_confirmed_by_id uuid REFERENCES users(id),
        closure_confirmed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id),
        CHECK (counterparty_id IS NOT NULL OR contact_person_id IS NOT NULL),
        CHECK ((state = 'WAITING_FOR_CLIENT') = (paused_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX client_requests_responsible_state_idx ON client_requests (responsible_id, state)`);
    await q.query(`CREATE INDEX client_requests_registered_idx ON client_requests (registered_at, id)`);
    await q.query(`CREATE INDEX client_requests_resolution_deadline_idx ON client_requests (resolution_deadline, id)`);
    await q.query(`CREATE INDEX client_requests_counterparty_id_idx ON client_requests (counterparty_id, registered_at)`);
    await q.query(`CREATE INDEX client_requests_contact_person_id_idx ON client_requests (contact_person_id)`);
    await q.query(`CREATE INDEX client_requests_product_id_idx ON client_requests (product_id)`);
    await q.query(`CREATE INDEX client_requests_knowledge_article_id_idx ON client_requests (knowledge_article_id)`);
    await q.query(`CREATE INDEX client_requests_closure_confirmed_by_id_idx ON client_requests (closure_confirmed_by_id)`);
    await q.query(`CREATE INDEX client_requests_created_by_id_idx ON client_requests (created_by_id)`);
    await q.query(`CREATE INDEX client_requests_critical_idx ON client_requests (responsible_id) WHERE critical AND state IN ('REGISTERED','IN_PROGRESS','WAITING_FOR_CLIENT','REOPENED')`);
    await q.query(`CREATE INDEX client_requests_subject_trgm_idx ON client_requests USING gin (lower(subject) gin_trgm_ops)`);
    // The escalation claim: breached deadlines not yet escalated.
    await q.query(`CREATE INDEX client_requests_reaction_due_idx ON client_requests (reaction_deadline) WHERE reaction_escalated_at IS NULL AND state = 'REGISTERED'`);
    await q.query(
      `CREATE INDEX client_requests_resolution_due_idx ON client_requests (resolution_deadline) WHERE resolution_escalated_at IS NULL AND state IN ('REGISTERED','IN_PROGRESS','REOPENED')`,
    );

    await q.query(`ALTER TABLE knowledge_articles ADD CONSTRAINT knowledge_articles_source_request_fk FOREIGN KEY (source_request_id) REFERENCES client_requests(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE knowledge_articles DROP CONSTRAINT IF EXISTS knowledge_articles_source_request_fk`);
    for (const t of [
      'client_requests',
      'client_request_sla_rules',
      'knowledge_article_competitors',
      'knowledge_article_products',
      'knowledge_articles',
      'knowledge_sections',
      'notifications',
      'work_calendar_exceptions',
      'work_calendar_weekdays',
      'work_calendar',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS knowledge_articles_search_vector()`);
  }
}
