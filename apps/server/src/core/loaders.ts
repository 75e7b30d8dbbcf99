import DataLoader from 'dataloader';
import type { Services } from './services';
import type { Actor, User } from '../modules/auth/user.entity';
import type { ContactInfo, ContactInfoKind } from '../modules/contacts/contact-info.entity';
import type { ContactPerson } from '../modules/contacts/contact-person.entity';
import type { Counterparty, CounterpartyGroup } from '../modules/contacts/counterparty.entity';

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * One set of DataLoaders per request: every nested field is one batched, scoped query per page,
 * whatever the page size. Loaders that return business objects apply the actor's row scope.
 */
export function createLoaders(services: Services, actor: Actor | null) {
  const scoped = <T>(fn: (a: Actor) => Promise<T[]>) => (actor ? fn(actor) : Promise.resolve([] as T[]));
  return {
    user: new DataLoader<string, User | null>(async (ids) => byKey(ids, await services.users.byIds(ids), (u) => u.id)),
    counterparty: new DataLoader<string, Counterparty | null>(async (ids) =>
      byKey(ids, await scoped((a) => services.counterparties.byIds(a, ids)), (c) => c.id),
    ),
    counterpartyGroup: new DataLoader<string, CounterpartyGroup | null>(async (ids) =>
      byKey(ids, await services.counterparties.groupsByIds(ids), (g) => g.id),
    ),
    contactPerson: new DataLoader<string, ContactPerson | null>(async (ids) =>
      byKey(ids, await scoped((a) => services.contactPersons.byIds(a, ids)), (p) => p.id),
    ),
    contactPersonsOfCounterparty: new DataLoader<string, ContactPerson[]>(async (ids) =>
      groupByKey(ids, await scoped((a) => services.contactPersons.byCounterparties(a, ids)), (p) => p.counterpartyId!),
    ),
    contactInfoOfCounterparty: new DataLoader<string, ContactInfo[]>(async (ids) =>
      groupByKey(ids, await scoped((a) => services.contactInfo.byCounterparties(a, ids)), (ci) => ci.counterpartyId!),
    ),
    contactInfoOfPerson: new DataLoader<string, ContactInfo[]>(async (ids) =>
      groupByKey(ids, await scoped((a) => services.contactInfo.byContactPersons(a, ids)), (ci) => ci.contactPersonId!),
    ),
    contactInfoKind: new DataLoader<string, ContactInfoKind | null>(async (ids) =>
      byKey(ids, await services.contactInfo.kindsByIds(ids), (k) => k.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
