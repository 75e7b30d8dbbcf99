import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sales documents: commercial offers, invoices, payment receipts with their allocations to invoices,
 * shipments, and the sales facts posted shipments write for the analytics.
 *
 * Lines keep the VAT percent they were computed with (rates are data and may change later) and their rounded
 * amounts; a document's amount, VAT and total are the sums of its lines, written with them in one transaction.
 * What an invoice has been paid is never stored: the view `invoice_payment_states` derives it from the
 * allocations of payments that are not cancelled.
 */
export class SalesDocuments1764576000000 implements MigrationInterface {
  name = 'SalesDocuments1764576000000';

  async up(q: QueryRunner): Promise<void> {
    const lineColumns = `
        line_no int NOT NULL CHECK (line_no >= 1),
        product_id uuid NOT NULL REFERENCES products(id),
        quantity numeric(15,3) NOT NULL CHECK (quantity > 0),
        price numeric(15,2) NOT NULL CHECK (price >= 0),
        discount_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount_percent >= 0 AND discount_percent <= 100),
        vat_rate text NOT NULL REFERENCES vat_rates(code),
        vat_percent numeric(5,2) CHECK (vat_percent IS NULL OR vat_percent >= 0),
        amount numeric(15,2) NOT NULL CHECK (amount >= 0),
        vat numeric(15,2) NOT NULL CHECK (vat >= 0),
        total numeric(15,2) NOT NULL CHECK (total >= 0)`;
    const totals = `
        amount numeric(15,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
        vat numeric(15,2) NOT NULL DEFAULT 0 CHECK (vat >= 0),
        total numeric(15,2) NOT NULL DEFAULT 0 CHECK (total >= 0)`;
    const stamps = `
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by_id uuid REFERENCES users(id)`;

    await q.query(`
      CREATE TABLE commercial_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        date date NOT NULL,
        interest_id uuid REFERENCES client_interests(id),
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        contact_person_id uuid REFERENCES contact_persons(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        responsible_id uuid NOT NULL REFERENCES users(id),
        state text NOT NULL CHECK (state IN ('DRAFT','SENT','ACCEPTED','REJECTED')),
        valid_until date,
        vat_mode text NOT NULL CHECK (vat_mode IN ('INCLUDED','ADDED')),
        ${totals},
        payment_terms text CHECK (length(payment_terms) <= 2000),
        delivery_terms text CHECK (length(delivery_terms) <= 2000),
        comment text CHECK (length(comment) <= 5000),
        sent_at timestamptz,
        answered_at timestamptz,
        ${stamps}
      )`);
    await q.query(`CREATE INDEX commercial_offers_responsible_idx ON commercial_offers (responsible_id, date DESC, number DESC)`);
    await q.query(`CREATE INDEX commercial_offers_date_idx ON commercial_offers (date DESC, number DESC)`);
    // Offers awaiting an answer (the Sales tab), oldest answer date first.
    await q.query(`CREATE INDEX commercial_offers_sent_idx ON commercial_offers (responsible_id, valid_until) WHERE state = 'SENT'`);
    await q.query(`CREATE INDEX commercial_offers_interest_id_idx ON commercial_offers (interest_id)`);
    await q.query(`CREATE INDEX commercial_offers_counterparty_idx ON commercial_offers (counterparty_id, date DESC)`);
    await q.query(`CREATE INDEX commercial_offers_contact_person_id_idx ON commercial_offers (contact_person_id)`);
    await q.query(`CREATE INDEX commercial_offers_organization_id_idx ON commercial_offers (organization_id)`);
    await q.query(`CREATE INDEX commercial_offers_created_by_id_idx ON commercial_offers (created_by_id)`);
    await q.query(`CREATE INDEX commercial_offers_number_trgm_idx ON commercial_offers USING gin (lower(number) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE commercial_offer_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES commercial_offers(id) ON DELETE CASCADE,
        ${lineColumns},
        UNIQUE (offer_id, line_no)
      )`);
    await q.query(`CREATE INDEX commercial_offer_lines_product_id_idx ON commercial_offer_lines (product_id)`);
    await q.query(`CREATE INDEX commercial_offer_lines_vat_rate_idx ON commercial_offer_lines (vat_rate)`);

    await q.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        date date NOT NULL,
        interest_id uuid REFERENCES client_interests(id),
        offer_id uuid REFERENCES commercial_offers(id),
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        contact_person_id uuid REFERENCES contact_persons(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        bank_account_id uuid REFERENCES bank_accounts(id),
        responsible_id uuid NOT NULL REFERENCES users(id),
        vat_mode text NOT NULL CHECK (vat_mode IN ('INCLUDED','ADDED')),
        payment_due_date date,
        posted boolean NOT NULL DEFAULT false,
        posted_at timestamptz,
        ${totals},
        comment text CHECK (length(comment) <= 5000),
        ${stamps},
        CHECK (posted = (posted_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX invoices_responsible_idx ON invoices (responsible_id, date DESC, number DESC)`);
    await q.query(`CREATE INDEX invoices_date_idx ON invoices (date DESC, number DESC)`);
    // Unpaid and overdue invoices, the ageing and the expected payments in the calendar: posted ones by due date.
    await q.query(`CREATE INDEX invoices_posted_due_idx ON invoices (responsible_id, payment_due_date) WHERE posted`);
    await q.query(`CREATE INDEX invoices_due_idx ON invoices (payment_due_date) WHERE posted`);
    await q.query(`CREATE INDEX invoices_interest_id_idx ON invoices (interest_id)`);
    await q.query(`CREATE INDEX invoices_offer_id_idx ON invoices (offer_id)`);
    await q.query(`CREATE INDEX invoices_counterparty_idx ON invoices (counterparty_id, date DESC)`);
    await q.query(`CREATE INDEX invoices_contact_person_id_idx ON invoices (contact_person_id)`);
    await q.query(`CREATE INDEX invoices_organization_id_idx ON invoices (organization_id)`);
    await q.query(`CREATE INDEX invoices_bank_account_id_idx ON invoices (bank_account_id)`);
    await q.query(`CREATE INDEX invoices_created_by_id_idx ON invoices (created_by_id)`);
    await q.query(`CREATE INDEX invoices_number_trgm_idx ON invoices USING gin (lower(number) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE invoice_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        ${lineColumns},
        UNIQUE (invoice_id, line_no)
      )`);
    await q.query(`CREATE INDEX invoice_lines_product_id_idx ON invoice_lines (product_id)`);
    await q.query(`CREATE INDEX invoice_lines_vat_rate_idx ON invoice_lines (vat_rate)`);

    await q.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        date date NOT NULL,
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        amount numeric(15,2) NOT NULL CHECK (amount > 0),
        comment text CHECK (length(comment) <= 5000),
        cancelled boolean NOT NULL DEFAULT false,
        cancelled_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) <= 2000),
        ${stamps},
        CHECK (cancelled = (cancelled_at IS NOT NULL))
      )`);
    // Payments are seen through their counterparty's responsible: lists filter by counterparty, newest first.
    await q.query(`CREATE INDEX payments_counterparty_idx ON payments (counterparty_id, date DESC, number DESC)`);
    await q.query(`CREATE INDEX payments_date_idx ON payments (date DESC, number DESC)`);
    await q.query(`CREATE INDEX payments_created_by_id_idx ON payments (created_by_id)`);
    await q.query(`CREATE INDEX payments_number_trgm_idx ON payments USING gin (lower(number) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE payment_allocations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payment_id uuid NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL REFERENCES invoices(id),
        amount numeric(15,2) NOT NULL CHECK (amount > 0),
        UNIQUE (payment_id, invoice_id)
      )`);
    await q.query(`CREATE INDEX payment_allocations_invoice_idx ON payment_allocations (invoice_id, payment_id)`);

    // The paid amount and payment state of every invoice, derived from the allocations of live payments and
    // nothing else. An invoice with nothing to pay (total 0) counts as paid.
    await q.query(`
      CREATE VIEW invoice_payment_states AS
      SELECT i.id AS invoice_id,
             p.paid,
             (i.total - p.paid)::numeric(15,2) AS due,
             CASE WHEN p.paid >= i.total THEN 'PAID' WHEN p.paid = 0 THEN 'NOT_PAID' ELSE 'PARTIALLY_PAID' END AS payment_state
        FROM invoices i
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(a.amount), 0)::numeric(15,2) AS paid
            FROM payment_allocations a
            JOIN payments pay ON pay.id = a.payment_id AND NOT pay.cancelled
           WHERE a.invoice_id = i.id
        ) p`);

    await q.query(`
      CREATE TABLE shipments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        date date NOT NULL,
        invoice_id uuid NOT NULL REFERENCES invoices(id),
        interest_id uuid REFERENCES client_interests(id),
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        responsible_id uuid NOT NULL REFERENCES users(id),
        vat_mode text NOT NULL CHECK (vat_mode IN ('INCLUDED','ADDED')),
        posted boolean NOT NULL DEFAULT false,
        posted_at timestamptz,
        ${totals},
        comment text CHECK (length(comment) <= 5000),
        ${stamps},
        CHECK (posted = (posted_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX shipments_responsible_idx ON shipments (responsible_id, date DESC, number DESC)`);
    await q.query(`CREATE INDEX shipments_date_idx ON shipments (date DESC, number DESC)`);
    await q.query(`CREATE INDEX shipments_invoice_idx ON shipments (invoice_id, posted)`);
    await q.query(`CREATE INDEX shipments_interest_id_idx ON shipments (interest_id)`);
    await q.query(`CREATE INDEX shipments_counterparty_idx ON shipments (counterparty_id, date DESC)`);
    await q.query(`CREATE INDEX shipments_organization_id_idx ON shipments (organization_id)`);
    await q.query(`CREATE INDEX shipments_created_by_id_idx ON shipments (created_by_id)`);
    await q.query(`CREATE INDEX shipments_number_trgm_idx ON shipments USING gin (lower(number) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE shipment_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        invoice_line_id uuid NOT NULL REFERENCES invoice_lines(id),
        ${lineColumns},
        UNIQUE (shipment_id, line_no)
      )`);
    await q.query(`CREATE INDEX shipment_lines_invoice_line_idx ON shipment_lines (invoice_line_id)`);
    await q.query(`CREATE INDEX shipment_lines_product_id_idx ON shipment_lines (product_id)`);
    await q.query(`CREATE INDEX shipment_lines_vat_rate_idx ON shipment_lines (vat_rate)`);

    // The sales register («Продажи»): one row per line of a posted shipment, removed when it is unposted.
    await q.query(`
      CREATE TABLE sales_facts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        date date NOT NULL,
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        line int NOT NULL,
        invoice_id uuid NOT NULL REFERENCES invoices(id),
        interest_id uuid REFERENCES client_interests(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        counterparty_id uuid NOT NULL REFERENCES counterparties(id),
        product_id uuid NOT NULL REFERENCES products(id),
        manager_id uuid NOT NULL REFERENCES users(id),
        quantity numeric(15,3) NOT NULL,
        revenue_without_vat numeric(15,2) NOT NULL,
        vat numeric(15,2) NOT NULL,
        revenue numeric(15,2) NOT NULL,
        cost numeric(15,2),
        UNIQUE (shipment_id, line),
        CHECK (revenue = revenue_without_vat + vat)
      )`);
    await q.query(`CREATE INDEX sales_facts_date_idx ON sales_facts (date)`);
    await q.query(`CREATE INDEX sales_facts_manager_date_idx ON sales_facts (manager_id, date)`);
    await q.query(`CREATE INDEX sales_facts_counterparty_date_idx ON sales_facts (counterparty_id, date)`);
    await q.query(`CREATE INDEX sales_facts_product_date_idx ON sales_facts (product_id, date)`);
    await q.query(`CREATE INDEX sales_facts_organization_id_idx ON sales_facts (organization_id, date)`);
    await q.query(`CREATE INDEX sales_facts_invoice_id_idx ON sales_facts (invoice_id)`);
    await q.query(`CREATE INDEX sales_facts_interest_id_idx ON sales_facts (interest_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS invoice_payment_states`);
    for (const t of [
      'sales_facts',
      'shipment_lines',
      'shipments',
      'payment_allocations',
      'payments',
      'invoice_lines',
      'invoices',
      'commercial_offer_lines',
      'commercial_offers',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
