import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { DateTime } from 'luxon';
import type { Actor } from '../../auth/user.entity';
import { canRead, canWrite, scopeOf } from '../../auth/access';
import { assertCanAssign } from '../../contacts/contacts.policy';
import type { CounterpartyService } from '../../contacts/counterparty.service';
import type { ContactPersonService } from '../../contacts/contact-person.service';
import type { ObjectRefs } from '../../activities/object-refs';
import type { ReminderService } from '../../activities/reminder.service';
import type { EventService } from '../../activities/event.service';
import type { AuditService } from '../../audit/audit.service';
import type { ProductService } from '../catalog/product.service';
import type { OrganizationService } from '../catalog/organization.service';
import type { ContactInfoService } from '../../contacts/contact-info.service';
import type { ClientInterestService } from '../interests/client-interest.service';
import { InterestState } from '../interests/interests.enums';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors';
import { updateReturning } from '../../../core/database/transaction';
import { isLocalDate, requireLocalDate } from '../../../core/decimal';
import { decodeCursor, toConnection } from '../../../core/pagination';
import { escapeLike } from '../../auth/user.service';

/** What the sales document services share. */
export interface SalesDeps {
  db: DataSource;
  audit: AuditService;
  refs: ObjectRefs;
  reminders: ReminderService;
  events: EventService;
  products: ProductService;
  organizations: OrganizationService;
  counterparties: CounterpartyService;
  contactPersons: ContactPersonService;
  contactInfo: ContactInfoService;
  interests: ClientInterestService;
}

/** Today's date in the actor's time zone, `YYYY-MM-DD`: "today" for due dates and validity is the user's. */
export const todayFor = (actor: Pick<Actor, 'timeZone'>, now = new Date()) => DateTime.fromJSDate(now).setZone(actor.timeZone).toISODate()!;

/** A document date as given (checked) or today. */
export const documentDate = (actor: Actor, value: string | null | undefined, field = 'date') => (value ? requireLocalDate(value, field) : todayFor(actor));

/** The instant whose year numbers a document dated `date`: the counter is per year of the document date. */
export const numberingInstant = (date: string) => new Date(`${date}T12:00:00Z`);

/** A change of date must keep the document in the year of its number, or the numbering per year would lie. */
export function assertDateInNumberYear(number: string, date: string, field = 'date') {
  const year = number.split('-')[1];
  if (year && date.slice(0, 4) !== year) throw badInput(field, `The date must stay in ${year}, the year of the number ${number}`, 'DATE_OUTSIDE_NUMBER_YEAR');
}

/** Restricts a query on a document table (alias) to the responsibles the actor may read. */
export function scopeByResponsible<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias: string): SelectQueryBuilder<T> {
  const ids = scopeOf(actor).read;
  // A manager's one id as an equality: the planner then reads the (responsible_id, date, number) indexes in list order
  // (an `= ANY` of one element is not ordered for it, and it may walk a date index of everyone's documents instead).
  if (ids?.length === 1) qb.andWhere(`${alias}.responsible_id = :scopeId`, { scopeId: ids[0] });
  else if (ids) qb.andWhere(`${alias}.responsible_id = ANY(:scopeIds)`, { scopeIds: ids });
  return qb;
}

/** Unreadable documents are reported as missing, readable but not writable ones as forbidden. */
export function assertWritable(actor: Actor, responsibleId: string, what: string) {
  if (!canRead(actor, responsibleId)) throw notFound(what);
  if (!canWrite(actor, responsibleId)) throw forbidden(`You can only change ${what.toLowerCase()}s you are responsible for`);
}

/** The responsible of a new document must be an active user the actor may assign. */
export async function checkResponsible(tx: EntityManager, actor: Actor, responsibleId: string, field = 'responsibleId') {
  const [user] = await tx.query(`SELECT active FROM users WHERE id = $1`, [responsibleId]);
  if (!user || !user.active) throw badInput(field, 'The responsible user does not exist or is deactivated', 'NOT_FOUND');
  assertCanAssign(actor, responsibleId, field);
}

/** A `LIKE` pattern for a fragment of a document number. */
export const numberPattern = (search: string) => `%${escapeLike(search.trim().toLowerCase())}%`;

/** The conditional write of STYLE.md: CONFLICT when someone else changed the row first. */
export async function writeVersioned(tx: EntityManager, table: string, id: string, version: number, sets: Record<string, unknown>, what: string) {
  const keys = Object.keys(sets);
  const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const [row] = await updateReturning<{ version: number; updated_at: Date }>(
    tx,
    `UPDATE ${table} SET ${[...keys.map((k, i) => `${snake(k)} = $${i + 1}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $${keys.length + 1} AND version = $${keys.length + 2} RETURNING version, updated_at`,
    [...keys.map((k) => sets[k]), id, version],
  );
  if (!row) throw conflict(`The ${what.toLowerCase()} was changed by someone else; reload to see their changes`, { reason: 'VERSION_CONFLICT' });
  return { version: row.version as number, updatedAt: row.updated_at as Date };
}

/** The client of a new document: a counterparty in the actor's scope and, optionally, one of its contact persons. */
export async function resolveClient(deps: SalesDeps, actor: Actor, counterpartyId: string, contactPersonId: string | null, fields = { counterparty: 'counterpartyId', contact: 'contactPersonId' }) {
  const [c] = await deps.counterparties.byIds(actor, [counterpartyId]);
  if (!c) throw badInput(fields.counterparty, 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
  if (contactPersonId) {
    const [p] = await deps.contactPersons.byIds(actor, [contactPersonId]);
    if (!p) throw badInput(fields.contact, 'The contact person does not exist or is outside your scope', 'NOT_FOUND');
    if (p.counterpartyId !== counterpartyId) throw badInput(fields.contact, 'This person belongs to another counterparty', 'CONTACT_OF_OTHER_COUNTERPARTY');
  }
  return { counterparty: c, contactPersonId };
}

/** Our organization for a document: the one given (not marked for deletion) or the default one. */
export async function resolveOrganization(deps: SalesDeps, organizationId: string | null | undefined, field = 'organizationId') {
  if (organizationId) {
    const [o] = await deps.organizations.byIds([organizationId]);
    if (!o) throw badInput(field, 'The organization does not exist', 'NOT_FOUND');
    if (o.deletionMark) throw badInput(field, `«${o.name}» is marked for deletion`, 'ORGANIZATION_DELETED');
    return o;
  }
  const o = await deps.organizations.getDefault();
  if (!o) throw badInput(field, 'There is no default organization: choose one (or ask an administrator to set the default)', 'NO_DEFAULT_ORGANIZATION');
  return o;
}

/** A client interest as the documents based on it need it. */
export interface InterestBasis {
  id: string;
  number: string;
  counterpartyId: string;
  contactPersonId: string | null;
  responsibleId: string;
  lines: Array<{ productId: string; quantity: string; price: string }>;
}

/** An interest a document may be based on: in the actor's scope, not marked for deletion, not lost. */
export async function readInterest(deps: SalesDeps, actor: Actor, id: string, field: string): Promise<InterestBasis> {
  const [ci] = await deps.interests.byIds(actor, [id]);
  if (!ci) throw badInput(field, 'The client interest does not exist or is outside your scope', 'NOT_FOUND');
  if (ci.deletionMark) throw badInput(field, `${ci.number} is marked for deletion`, 'INTEREST_DELETED');
  if (ci.state === InterestState.LOST) throw badInput(field, `${ci.number} is lost: reopen it first`, 'INTEREST_LOST');
  const lines = await deps.interests.linesOf([ci.id]);
  return {
    id: ci.id,
    number: ci.number,
    counterpartyId: ci.counterpartyId,
    contactPersonId: ci.contactPersonId,
    responsibleId: ci.responsibleId,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, price: l.price })),
  };
}

/** `DD.MM.YYYY` of a document date, for titles. */
export const shortDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** One page of documents, newest first by (date, number), with a keyset cursor. */
export async function pageByDate<T extends { date: string; number: string }>(qb: SelectQueryBuilder<T>, alias: string, first: number, after: string | null | undefined) {
  const cursor = decodeCursor(after, 2, ([d, n]) => isLocalDate(d) && typeof n === 'string' && n.length < 64);
  const total = await qb.clone().getCount();
  if (cursor) qb.andWhere(`(${alias}.date, ${alias}.number) < (CAST(:cursorDate AS date), CAST(:cursorNumber AS text))`, { cursorDate: cursor[0], cursorNumber: cursor[1] });
  const rows = await qb.orderBy(`${alias}.date`, 'DESC').addOrderBy(`${alias}.number`, 'DESC').limit(first + 1).getMany();
  return toConnection(rows, first, total, (r) => [r.date, r.number]);
}
