import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an invoice has been paid, kept on the invoice so that the unpaid and overdue lists read only unpaid invoices.
 * The Sales tab's lists derived it per invoice from the allocations (the view `invoice_payment_states`), so finding a
 * manager's few unpaid invoices summed the allocations of every invoice in scope (bench/results/2026-11-28-scale-1.md).
 *
 * `invoices.paid_amount` is still derived, never written by the application: triggers keep it equal to the sum of the
 * allocations of payments that are not cancelled, in the transaction that changes them — an allocation inserted,
 * changed or deleted, a payment cancelled (or un-cancelled) or deleted. They add and subtract the amounts
 * (`paid_amount = paid_amount + …`), so concurrent writers to one invoice queue on its row and none is lost. A value
 * written to the column directly is ignored (the old one is kept), and a new invoice starts at 0. The view now reads
 * the column, so every paid amount, amount due and payment state comes from it.
 *
 * The partial indexes hold unpaid invoices only (`paid_amount < total`: not and partially paid, posted or not), in the
 * lists' order (date, number, newest first), by responsible (a manager, a supervisor's team) and for everyone (an
 * administrator); the filter columns (posted, due date, paid amount) are keys after the unique (date, number), so they
 * filter inside the index without changing its order, and `id` rides along for the list's count.
 * Runs on PostgreSQL 15+ and on the embedded PGlite.
 */
export class InvoicePaidAmount1765008000000 implements MigrationInterface {
  name = 'InvoicePaidAmount1765008000000';

  async up(q: QueryRunner): Promise<void> {
    // Backfill before the triggers exist.
    await q.query(`ALTER TABLE invoices ADD COLUMN paid_amount numeric(15,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0)`);
    await q.query(`
      UPDATE invoices i SET paid_amount = x.paid
        FROM (SELECT a.invoice_id, sum(a.amount) AS paid FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND NOT p.cancelled GROUP BY 1) x
       WHERE x.invoice_id = i.id`);

    await q.query(`DROP VIEW invoice_payment_states`);
    await q.query(`
      CREATE VIEW invoice_payment_states AS
      SELECT i.id AS invoice_id,
             i.paid_amount AS paid,
             (i.total - i.paid_amount)::numeric(15,2) AS due,
             CASE WHEN i.paid_amount >= i.total THEN 'PAID' WHEN i.paid_amount = 0 THEN 'NOT_PAID' ELSE 'PARTIALLY_PAID' END AS payment_state
        FROM invoices i`);

    // An allocation counts while its payment exists and is not cancelled. The payment is read FOR SHARE: a concurrent
    // cancellation waits for this transaction and then takes this allocation off too, or this one waits for it and
    // sees the payment cancelled. On a payment's deletion its live allocations are taken off before the row goes
    // (BEFORE DELETE), and the cascade that then deletes them finds no payment and changes nothing.
    await q.query(`
      CREATE FUNCTION payment_allocations_paid_amount() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM 1 FROM payments p WHERE p.id = OLD.payment_id AND NOT p.cancelled FOR SHARE;
          IF FOUND THEN
            UPDATE invoices SET paid_amount = paid_amount - OLD.amount WHERE id = OLD.invoice_id;
          END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM 1 FROM payments p WHERE p.id = NEW.payment_id AND NOT p.cancelled FOR SHARE;
          IF FOUND THEN
            UPDATE invoices SET paid_amount = paid_amount + NEW.amount WHERE id = NEW.invoice_id;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER payment_allocations_paid_amount
        AFTER INSERT OR DELETE OR UPDATE OF payment_id, invoice_id, amount ON payment_allocations
        FOR EACH ROW EXECUTE FUNCTION payment_allocations_paid_amount()`);
    await q.query(`
      CREATE FUNCTION payment_allocations_paid_amount_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE invoices SET paid_amount = 0 WHERE paid_amount <> 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER payment_allocations_paid_amount_truncate
        AFTER TRUNCATE ON payment_allocations
        FOR EACH STATEMENT EXECUTE FUNCTION payment_allocations_paid_amount_truncate()`);

    await q.query(`
      CREATE FUNCTION payments_paid_amount() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF NOT OLD.cancelled THEN
            UPDATE invoices i SET paid_amount = i.paid_amount - a.amount FROM payment_allocations a WHERE a.payment_id = OLD.id AND i.id = a.invoice_id;
          END IF;
          RETURN OLD;
        END IF;
        UPDATE invoices i SET paid_amount = i.paid_amount + CASE WHEN NEW.cancelled THEN -a.amount ELSE a.amount END
          FROM payment_allocations a WHERE a.payment_id = NEW.id AND i.id = a.invoice_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER payments_paid_amount_cancel
        AFTER UPDATE OF cancelled ON payments
        FOR EACH ROW WHEN (OLD.cancelled IS DISTINCT FROM NEW.cancelled)
        EXECUTE FUNCTION payments_paid_amount()`);
    await q.query(`
      CREATE TRIGGER payments_paid_amount_delete
        BEFORE DELETE ON payments
        FOR EACH ROW EXECUTE FUNCTION payments_paid_amount()`);

    // Only the triggers above write the column (they run nested, at trigger depth 1 or more): a new invoice has
    // nothing paid yet, and a value written by a statement of its own keeps the old one.
    await q.query(`
      CREATE FUNCTION invoices_paid_amount_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.paid_amount := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.paid_amount END;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER invoices_paid_amount_guard
        BEFORE INSERT OR UPDATE OF paid_amount ON invoices
        FOR EACH ROW WHEN (pg_trigger_depth() < 1)
        EXECUTE FUNCTION invoices_paid_amount_guard()`);

    await q.query(`
      CREATE INDEX invoices_unpaid_responsible_idx ON invoices (responsible_id, date DESC, number DESC, posted, payment_due_date, paid_amount)
        INCLUDE (id) WHERE paid_amount < total`);
    await q.query(`
      CREATE INDEX invoices_unpaid_date_idx ON invoices (date DESC, number DESC, posted, payment_due_date, paid_amount)
        INCLUDE (id, responsible_id) WHERE paid_amount < total`);
    await q.query(`ANALYZE invoices`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS invoices_unpaid_date_idx`);
    await q.query(`DROP INDEX IF EXISTS invoices_unpaid_responsible_idx`);
    await q.query(`DROP TRIGGER IF EXISTS invoices_paid_amount_guard ON invoices`);
    await q.query(`DROP TRIGGER IF EXISTS payments_paid_amount_delete ON payments`);
    await q.query(`DROP TRIGGER IF EXISTS payments_paid_amount_cancel ON payments`);
    await q.query(`DROP TRIGGER IF EXISTS payment_allocations_paid_amount_truncate ON payment_allocations`);
    await q.query(`DROP TRIGGER IF EXISTS payment_allocations_paid_amount ON payment_allocations`);
    await q.query(`DROP FUNCTION IF EXISTS invoices_paid_amount_guard()`);
    await q.query(`DROP FUNCTION IF EXISTS payments_paid_amount()`);
    await q.query(`DROP FUNCTION IF EXISTS payment_allocations_paid_amount_truncate()`);
    await q.query(`DROP FUNCTION IF EXISTS payment_allocations_paid_amount()`);
    await q.query(`DROP VIEW IF EXISTS invoice_payment_states`);
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
    await q.query(`ALTER TABLE invoices DROP COLUMN IF EXISTS paid_amount`);
  }
}
