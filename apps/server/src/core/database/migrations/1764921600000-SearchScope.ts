import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Global search with the row scope inside the trigram index scan. A common name or e-mail fragment matches tens of
 * thousands of rows, most of them other managers'; read from the heap and dropped by the scope filter only
 * afterwards, they made the search's tail (bench/results/2026-11-28-scale-1.md).
 *
 * `governing_responsible_id` on contact persons and contact information is the user whose scope governs the row:
 * the counterparty's responsible for a person of a counterparty and for a counterparty's contact information, the
 * person's own responsible for a person on their own, and the person's governing responsible for the person's
 * contact information. Triggers keep it right whoever writes: it is computed on every insert and on every change
 * of the columns it derives from (a value written to it directly is recomputed), and follows a counterparty's new
 * responsible and a person's move to another counterparty down to the contact information. The multi-column GIN
 * indexes (btree_gin: a uuid key beside the trigrams) serve `responsible = ANY(team) AND text LIKE '%…%'` in one
 * bitmap scan; without a scope (an administrator) they serve the trigram condition alone as well.
 * Runs on PostgreSQL 15+ and on the embedded PGlite (which loads btree_gin beside pg_trgm).
 */
export class SearchScope1764921600000 implements MigrationInterface {
  name = 'SearchScope1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);

    // Backfill before the triggers exist (a row trigger per updated row would only repeat the joins).
    await q.query(`ALTER TABLE contact_persons ADD COLUMN governing_responsible_id uuid`);
    await q.query(`ALTER TABLE contact_info ADD COLUMN governing_responsible_id uuid`);
    await q.query(`UPDATE contact_persons p SET governing_responsible_id = c.responsible_id FROM counterparties c WHERE c.id = p.counterparty_id`);
    await q.query(`UPDATE contact_persons SET governing_responsible_id = responsible_id WHERE counterparty_id IS NULL`);
    await q.query(`UPDATE contact_info ci SET governing_responsible_id = c.responsible_id FROM counterparties c WHERE c.id = ci.counterparty_id`);
    await q.query(`UPDATE contact_info ci SET governing_responsible_id = p.governing_responsible_id FROM contact_persons p WHERE p.id = ci.contact_person_id`);
    await q.query(`ALTER TABLE contact_persons ALTER COLUMN governing_responsible_id SET NOT NULL`);
    await q.query(`ALTER TABLE contact_info ALTER COLUMN governing_responsible_id SET NOT NULL`);

    // A row's own value, from the row it hangs on (BEFORE: the NOT NULL check sees the computed value). A row that
    // joins a counterparty or person (inserted, or moved) locks it FOR SHARE: a concurrent change of that owner's
    // responsible waits for this transaction, and its cascade then sees this row, or this read waits for that change
    // and sees its result; either way the row ends up with the owner's new responsible. A row that stays where it is
    // needs no lock: the cascade updates it after this transaction (it is locked by this very update).
    await q.query(`
      CREATE FUNCTION contact_persons_governing_responsible() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE governing uuid;
      BEGIN
        IF NEW.counterparty_id IS NULL THEN
          governing := NULL;
        ELSIF TG_OP = 'INSERT' OR NEW.counterparty_id IS DISTINCT FROM OLD.counterparty_id THEN
          SELECT c.responsible_id INTO governing FROM counterparties c WHERE c.id = NEW.counterparty_id FOR SHARE;
        ELSE
          SELECT c.responsible_id INTO governing FROM counterparties c WHERE c.id = NEW.counterparty_id;
        END IF;
        -- A missing counterparty falls back too, so that its foreign key reports it.
        NEW.governing_responsible_id := coalesce(governing, NEW.responsible_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER contact_persons_governing_responsible
        BEFORE INSERT OR UPDATE OF counterparty_id, responsible_id, governing_responsible_id ON contact_persons
        FOR EACH ROW EXECUTE FUNCTION contact_persons_governing_responsible()`);
    await q.query(`
      CREATE FUNCTION contact_info_governing_responsible() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE moved boolean := TG_OP = 'INSERT' OR NEW.counterparty_id IS DISTINCT FROM OLD.counterparty_id
                               OR NEW.contact_person_id IS DISTINCT FROM OLD.contact_person_id;
      BEGIN
        IF NEW.counterparty_id IS NOT NULL AND moved THEN
          SELECT c.responsible_id INTO NEW.governing_responsible_id FROM counterparties c WHERE c.id = NEW.counterparty_id FOR SHARE;
        ELSIF NEW.counterparty_id IS NOT NULL THEN
          SELECT c.responsible_id INTO NEW.governing_responsible_id FROM counterparties c WHERE c.id = NEW.counterparty_id;
        ELSIF moved THEN
          SELECT p.governing_responsible_id INTO NEW.governing_responsible_id FROM contact_persons p WHERE p.id = NEW.contact_person_id FOR SHARE;
        ELSE
          SELECT p.governing_responsible_id INTO NEW.governing_responsible_id FROM contact_persons p WHERE p.id = NEW.contact_person_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER contact_info_governing_responsible
        BEFORE INSERT OR UPDATE OF counterparty_id, contact_person_id, governing_responsible_id ON contact_info
        FOR EACH ROW EXECUTE FUNCTION contact_info_governing_responsible()`);

    // Down the chain when it changes: a counterparty's responsible to its persons and contact information, a
    // person's governing responsible (a new counterparty, a new responsible) to the person's contact information.
    await q.query(`
      CREATE FUNCTION counterparties_governing_responsible_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contact_persons SET governing_responsible_id = NEW.responsible_id
         WHERE counterparty_id = NEW.id AND governing_responsible_id IS DISTINCT FROM NEW.responsible_id;
        UPDATE contact_info SET governing_responsible_id = NEW.responsible_id
         WHERE counterparty_id = NEW.id AND governing_responsible_id IS DISTINCT FROM NEW.responsible_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER counterparties_governing_responsible_cascade
        AFTER UPDATE ON counterparties
        FOR EACH ROW WHEN (OLD.responsible_id IS DISTINCT FROM NEW.responsible_id)
        EXECUTE FUNCTION counterparties_governing_responsible_cascade()`);
    await q.query(`
      CREATE FUNCTION contact_persons_governing_responsible_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contact_info SET governing_responsible_id = NEW.governing_responsible_id
         WHERE contact_person_id = NEW.id AND governing_responsible_id IS DISTINCT FROM NEW.governing_responsible_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER contact_persons_governing_responsible_cascade
        AFTER UPDATE ON contact_persons
        FOR EACH ROW WHEN (OLD.governing_responsible_id IS DISTINCT FROM NEW.governing_responsible_id)
        EXECUTE FUNCTION contact_persons_governing_responsible_cascade()`);

    await q.query(`CREATE INDEX counterparties_scope_search_trgm_idx ON counterparties USING gin (responsible_id, search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX contact_persons_scope_search_trgm_idx ON contact_persons USING gin (governing_responsible_id, search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX contact_info_scope_search_trgm_idx ON contact_info USING gin (governing_responsible_id, search_key gin_trgm_ops)`);
    // With the default 100-entry sample the planner put '%жуков%' at 30 rows of contact information where 1,194 match,
    // and then left a team's `= ANY` (one index scan per member) out of the index condition, reading every match
    // from the heap; a 1,000-entry sample estimates common fragments closely enough to scan by scope.
    await q.query(`ALTER TABLE counterparties ALTER COLUMN search_text SET STATISTICS 1000`);
    await q.query(`ALTER TABLE contact_persons ALTER COLUMN search_text SET STATISTICS 1000`);
    await q.query(`ALTER TABLE contact_info ALTER COLUMN search_key SET STATISTICS 1000`);
    await q.query(`ANALYZE counterparties, contact_persons, contact_info`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contact_info ALTER COLUMN search_key SET STATISTICS -1`);
    await q.query(`ALTER TABLE contact_persons ALTER COLUMN search_text SET STATISTICS -1`);
    await q.query(`ALTER TABLE counterparties ALTER COLUMN search_text SET STATISTICS -1`);
    await q.query(`DROP INDEX IF EXISTS contact_info_scope_search_trgm_idx`);
    await q.query(`DROP INDEX IF EXISTS contact_persons_scope_search_trgm_idx`);
    await q.query(`DROP INDEX IF EXISTS counterparties_scope_search_trgm_idx`);
    await q.query(`DROP TRIGGER IF EXISTS contact_persons_governing_responsible_cascade ON contact_persons`);
    await q.query(`DROP TRIGGER IF EXISTS counterparties_governing_responsible_cascade ON counterparties`);
    await q.query(`DROP TRIGGER IF EXISTS contact_info_governing_responsible ON contact_info`);
    await q.query(`DROP TRIGGER IF EXISTS contact_persons_governing_responsible ON contact_persons`);
    await q.query(`DROP FUNCTION IF EXISTS contact_persons_governing_responsible_cascade()`);
    await q.query(`DROP FUNCTION IF EXISTS counterparties_governing_responsible_cascade()`);
    await q.query(`DROP FUNCTION IF EXISTS contact_info_governing_responsible()`);
    await q.query(`DROP FUNCTION IF EXISTS contact_persons_governing_responsible()`);
    await q.query(`ALTER TABLE contact_info DROP COLUMN IF EXISTS governing_responsible_id`);
    await q.query(`ALTER TABLE contact_persons DROP COLUMN IF EXISTS governing_responsible_id`);
  }
}
