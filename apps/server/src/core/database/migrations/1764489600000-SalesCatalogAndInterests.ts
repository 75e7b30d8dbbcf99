import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog (VAT rates, product groups, products), our organizations with their bank accounts, and client
 * interests (the deals) with their sales scenarios, stages, loss reasons, information sources, product lines,
 * competitors and stage history. Seeds what a fresh install needs to sell at once: the VAT rates, a default
 * scenario, a few loss reasons and information sources, and a (clearly fictitious) default organization.
 */
export class SalesCatalogAndInterests1764489600000 implements MigrationInterface {
  name = 'SalesCatalogAndInterests1764489600000';

  async up(q: QueryRunner): Promise<void> {
    // Rates are data, not code: the percent is read from here; NULL percent means "without VAT".
    await q.query(`
      CREATE TABLE vat_rates (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        percent numeric(5,2) CHECK (percent IS NULL OR (percent >= 0 AND percent < 100)),
        name text NOT NULL,
        sort int NOT NULL DEFAULT 100,
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      INSERT INTO vat_rates (code, percent, name, sort, active) VALUES
        ('VAT_22', 22, 'НДС 22%', 10, true),
        ('VAT_20', 20, 'НДС 20%', 20, true),
        ('VAT_10', 10, 'НДС 10%', 30, true),
        ('VAT_7', 7, 'НДС 7%', 40, true),
        ('VAT_5', 5, 'НДС 5%', 50, true),
        ('VAT_0', 0, 'НДС 0%', 60, true),
        ('NO_VAT', NULL, 'Без НДС', 70, true)`);

    await q.query(`
      CREATE TABLE product_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES product_groups(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX product_groups_parent_id_idx ON product_groups (parent_id, name)`);

    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid REFERENCES product_groups(id),
        kind text NOT NULL DEFAULT 'GOODS' CHECK (kind IN ('GOODS','SERVICE')),
        article text CHECK (article IS NULL OR length(article) BETWEEN 1 AND 50),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        unit text NOT NULL DEFAULT 'шт' CHECK (length(unit) BETWEEN 1 AND 20),
        vat_rate text NOT NULL REFERENCES vat_rates(code),
        price numeric(15,2) NOT NULL DEFAULT 0 CHECK (price >= 0),
        cost_price numeric(15,2) CHECK (cost_price IS NULL OR cost_price >= 0),
        track_serials boolean NOT NULL DEFAULT false,
        warranty_months int CHECK (warranty_months IS NULL OR warranty_months BETWEEN 0 AND 600),
        description text,
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX products_name_idx ON products (name, id)`);
    await q.query(`CREATE INDEX products_group_name_idx ON products (group_id, name, id)`);
    await q.query(`CREATE INDEX products_vat_rate_idx ON products (vat_rate)`);
    await q.query(`CREATE INDEX products_created_by_id_idx ON products (created_by_id)`);
    await q.query(`CREATE UNIQUE INDEX products_article_key ON products (lower(article)) WHERE article IS NOT NULL`);
    await q.query(`CREATE INDEX products_search_trgm_idx ON products USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 500),
        inn text NOT NULL CHECK (inn ~ '^[0-9]{10}([0-9]{2})?$'),
        kpp text CHECK (kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
        ogrn text CHECK (ogrn ~ '^[0-9]{13}([0-9]{2})?$'),
        legal_address text,
        postal_address text,
        phone text,
        email text,
        director_name text,
        director_title text,
        chief_accountant_name text,
        vat_payer boolean NOT NULL DEFAULT true,
        is_default boolean NOT NULL DEFAULT false,
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT (is_default AND deletion_mark))
      )`);
    // At most one default organization.
    await q.query(`CREATE UNIQUE INDEX organizations_default_key ON organizations ((true)) WHERE is_default`);
    await q.query(`CREATE INDEX organizations_name_idx ON organizations (name, id)`);

    await q.query(`
      CREATE TABLE bank_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        bank_name text NOT NULL CHECK (length(bank_name) BETWEEN 1 AND 300),
        bik text NOT NULL CHECK (bik ~ '^[0-9]{9}$'),
        correspondent_account text CHECK (correspondent_account ~ '^[0-9]{20}$'),
        account_number text NOT NULL CHECK (account_number ~ '^[0-9]{20}$'),
        bank_city text,
        is_default boolean NOT NULL DEFAULT false,
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT (is_default AND deletion_mark))
      )`);
    await q.query(`CREATE INDEX bank_accounts_organization_id_idx ON bank_accounts (organization_id)`);
    // At most one default account per organization.
    await q.query(`CREATE UNIQUE INDEX bank_accounts_default_key ON bank_accounts (organization_id) WHERE is_default`);

    const [org] = await q.query(`
      INSERT INTO organizations (name, full_name, inn, kpp, ogrn, legal_address, phone, director_name, director_title,
                                 chief_accountant_name, vat_payer, is_default)
      VALUES ('ООО "Наша компания"', 'Общество с ограниченной ответственностью "Наша компания"', '7700000009', '770001001',
              '1027700000008', '123456, г. Москва, ул. Примерная, д. 1', '+7 495 000-00-00', 'Иванов Иван Иванович',
              'Генеральный директор', 'Петрова Мария Сергеевна', true, true)
      RETURNING id`);
    await q.query(
      `INSERT INTO bank_accounts (organization_id, bank_name, bik, correspondent_account, account_number, bank_city, is_default)
       VALUES ($1, 'АО "Примерный банк"', '044525999', '30101810600000000999', '40702810600000012345', 'г. Москва', true)`,
      [org.id],
    );

    await q.query(`
      CREATE TABLE sales_scenarios (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        is_default boolean NOT NULL DEFAULT false,
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT (is_default AND deletion_mark))
      )`);
    await q.query(`CREATE UNIQUE INDEX sales_scenarios_default_key ON sales_scenarios ((true)) WHERE is_default`);

    await q.query(`
      CREATE TABLE sales_stages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scenario_id uuid NOT NULL REFERENCES sales_scenarios(id),
        sort int NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        probability int NOT NULL CHECK (probability BETWEEN 0 AND 100),
        semantic text NOT NULL CHECK (semantic IN ('IN_PROGRESS','SUCCESS','FAILURE')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sales_stages_scenario_sort_idx ON sales_stages (scenario_id, sort, id)`);

    const [scenario] = await q.query(`INSERT INTO sales_scenarios (name, is_default) VALUES ('Типовая продажа', true) RETURNING id`);
    await q.query(
      `INSERT INTO sales_stages (scenario_id, sort, name, probability, semantic) VALUES
         ($1, 10, 'Первичный контакт', 10, 'IN_PROGRESS'),
         ($1, 20, 'Выявление потребности', 25, 'IN_PROGRESS'),
         ($1, 30, 'Коммерческое предложение', 50, 'IN_PROGRESS'),
         ($1, 40, 'Согласование условий', 75, 'IN_PROGRESS'),
         ($1, 50, 'Счет и оплата', 90, 'IN_PROGRESS'),
         ($1, 60, 'Успешно', 100, 'SUCCESS'),
         ($1, 70, 'Проиграно', 0, 'FAILURE')`,
      [scenario.id],
    );

    await q.query(`
      CREATE TABLE loss_reasons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        sort int NOT NULL DEFAULT 100,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO loss_reasons (name, sort) VALUES
        ('Высокая цена', 10), ('Выбрали конкурента', 20), ('Нет бюджета', 30), ('Потребность отпала', 40),
        ('Не устроили сроки', 50), ('Клиент перестал выходить на связь', 60), ('Другое', 100)`);

    await q.query(`
      CREATE TABLE information_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
        sort int NOT NULL DEFAULT 100,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO information_sources (name, sort) VALUES
        ('Сайт', 10), ('Рекомендация', 20), ('Выставка', 30), ('Реклама в интернете', 40),
        ('Холодный звонок', 50), ('Повторное обращение', 60), ('Другое', 100)`);

    await q.query(`
      CREATE TABLE client_interests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        date date NOT NULL,
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        contact_person_id uuid REFERENCES contact_persons(id),
        responsible_id uuid NOT NULL REFERENCES users(id),
        scenario_id uuid NOT NULL REFERENCES sales_scenarios(id),
        stage_id uuid NOT NULL REFERENCES sales_stages(id),
        state text NOT NULL CHECK (state IN ('ACTIVE','WON','LOST','SUSPENDED')),
        probability int NOT NULL CHECK (probability BETWEEN 0 AND 100),
        planned_amount numeric(15,2) NOT NULL DEFAULT 0 CHECK (planned_amount >= 0),
        planned_close_date date,
        actual_close_date date,
        need text NOT NULL CHECK (length(need) BETWEEN 1 AND 5000),
        loss_reason_id uuid REFERENCES loss_reasons(id),
        loss_comment text,
        information_source_id uuid REFERENCES information_sources(id),
        deletion_mark boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id),
        CHECK (state <> 'LOST' OR loss_reason_id IS NOT NULL)
      )`);
    // The board: one scenario's columns, each column's cards newest first (all, or one responsible's).
    await q.query(`CREATE INDEX client_interests_board_idx ON client_interests (scenario_id, stage_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX client_interests_stage_responsible_idx ON client_interests (stage_id, responsible_id, created_at DESC, id DESC)`);
    // The list (newest first), in full or for a responsible.
    await q.query(`CREATE INDEX client_interests_created_at_idx ON client_interests (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX client_interests_responsible_idx ON client_interests (responsible_id, state, created_at DESC, id DESC)`);
    // Stalled interests: the active ones of a responsible, oldest first.
    await q.query(`CREATE INDEX client_interests_active_idx ON client_interests (responsible_id, created_at, id) WHERE state = 'ACTIVE'`);
    // The counterparty card.
    await q.query(`CREATE INDEX client_interests_counterparty_idx ON client_interests (counterparty_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX client_interests_contact_person_id_idx ON client_interests (contact_person_id)`);
    await q.query(`CREATE INDEX client_interests_loss_reason_id_idx ON client_interests (loss_reason_id)`);
    await q.query(`CREATE INDEX client_interests_information_source_id_idx ON client_interests (information_source_id)`);
    await q.query(`CREATE INDEX client_interests_created_by_id_idx ON client_interests (created_by_id)`);
    await q.query(`CREATE INDEX client_interests_need_trgm_idx ON client_interests USING gin (lower(need) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE client_interest_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interest_id uuid NOT NULL REFERENCES client_interests(id) ON DELETE CASCADE,
        line_no int NOT NULL CHECK (line_no >= 1),
        product_id uuid NOT NULL REFERENCES products(id),
        quantity numeric(15,3) NOT NULL CHECK (quantity > 0),
        price numeric(15,2) NOT NULL CHECK (price >= 0),
        amount numeric(15,2) NOT NULL CHECK (amount >= 0),
        UNIQUE (interest_id, line_no)
      )`);
    await q.query(`CREATE INDEX client_interest_lines_product_id_idx ON client_interest_lines (product_id)`);

    await q.query(`
      CREATE TABLE client_interest_competitors (
        interest_id uuid NOT NULL REFERENCES client_interests(id) ON DELETE CASCADE,
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        PRIMARY KEY (interest_id, counterparty_id)
      )`);
    await q.query(`CREATE INDEX client_interest_competitors_counterparty_id_idx ON client_interest_competitors (counterparty_id)`);

    // Appended on every stage or state change; the funnel and conversion reports are built from it.
    await q.query(`
      CREATE TABLE client_interest_stage_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        interest_id uuid NOT NULL REFERENCES client_interests(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid REFERENCES users(id),
        from_stage_id uuid REFERENCES sales_stages(id),
        to_stage_id uuid NOT NULL REFERENCES sales_stages(id),
        from_state text CHECK (from_state IN ('ACTIVE','WON','LOST','SUSPENDED')),
        to_state text NOT NULL CHECK (to_state IN ('ACTIVE','WON','LOST','SUSPENDED')),
        amount numeric(15,2) NOT NULL,
        probability int NOT NULL CHECK (probability BETWEEN 0 AND 100)
      )`);
    await q.query(`CREATE INDEX client_interest_stage_history_interest_idx ON client_interest_stage_history (interest_id, id)`);
    await q.query(`CREATE INDEX client_interest_stage_history_at_idx ON client_interest_stage_history (at)`);
    await q.query(`CREATE INDEX client_interest_stage_history_to_stage_idx ON client_interest_stage_history (to_stage_id, at)`);
    await q.query(`CREATE INDEX client_interest_stage_history_from_stage_idx ON client_interest_stage_history (from_stage_id)`);
    await q.query(`CREATE INDEX client_interest_stage_history_user_id_idx ON client_interest_stage_history (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'client_interest_stage_history',
      'client_interest_competitors',
      'client_interest_lines',
      'client_interests',
      'information_sources',
      'loss_reasons',
      'sales_stages',
      'sales_scenarios',
      'bank_accounts',
      'organizations',
      'products',
      'product_groups',
      'vat_rates',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
