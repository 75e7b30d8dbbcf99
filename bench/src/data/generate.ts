import { normalizeContactInfo, textSearchKey, type AddressParts, type ContactInfoType } from '@crm/contact-info';
import { Rng, uuidFor } from './prng';
import type { TableWriter } from './writer';
import { generateSales, salesCountsAt, type SalesRefs, type SalesStats, type SalesWriters } from './sales';
import {
  BRAND_HEADS, BRAND_SUFFIXES, BRAND_TAILS, CANCEL_REASONS, CITIES, CITY_WEIGHTS, CONTACT_ROLES, EVENT_RESULTS, EVENT_SUBJECTS,
  FEMALE_FIRST, LEGAL_FORMS, MALE_FIRST, MOBILE_CODES, PATRONYMIC_STEMS, POSITIONS, STREETS, SURNAMES, femaleSurname, translit,
} from './words';

/** Bump when the generated data changes shape: a `--reuse` run reloads a database made by another version. */
export const GENERATOR_VERSION = 2;

export const MANAGERS = 50;
export const TEAMS = 5;
export const PASSWORD = 'bench-password-2025';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** Row counts at a scale; scale 1 is the data set. */
export function countsAt(scale: number) {
  const counterparties = Math.max(50, Math.round(100_000 * scale));
  return {
    users: 1 + TEAMS + MANAGERS,
    counterparties,
    // Every counterparty has 1 to 5 persons (3 on average) with 2 records each, and 4 records of its own.
    contactPersons: counterparties * 3,
    contactInfo: counterparties * 4 + counterparties * 3 * 2,
    events: Math.max(500, Math.round(1_000_000 * scale)),
    // The sales modules (src/data/sales.ts): catalog, interests, invoices and their lines, Sale processes.
    ...salesCountsAt(scale),
  };
}

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** "Now" of the data set: events are spread over the 3 years before it and planned up to 30 days after. */
  anchor: Date;
  passwordHash: string;
  /** contact_info_kinds ids by code (seeded by the migrations). */
  kindIds: Record<string, string>;
  /** What the sales and process migrations seeded (scenario, stages, organization, VAT rates, templates). */
  sales: SalesRefs;
}

export interface Writers extends SalesWriters {
  users: TableWriter;
  counterparties: TableWriter;
  contactPersons: TableWriter;
  contactInfo: TableWriter;
  events: TableWriter;
  reminders: TableWriter;
}

export interface UserRow {
  id: string;
  email: string;
  fullName: string;
  role: 'ADMINISTRATOR' | 'SUPERVISOR' | 'MANAGER';
  supervisorId: string | null;
}

async function put(w: TableWriter, row: unknown[]) {
  if (w.add(row)) await w.flush();
}

const iso = (ms: number) => new Date(ms).toISOString();

/** 10-digit INN of an organisation (or 12-digit of a person) with valid check digits, unique per `seq`. */
export function innOf(region: number, office: number, seq: number, digits: 10 | 12): string {
  const head = `${String(region).padStart(2, '0')}${String(office).padStart(2, '0')}`;
  if (digits === 10) {
    const base = `${head}${String(seq % 100_000).padStart(5, '0')}`.split('').map(Number);
    const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    return base.join('') + ((w.reduce((s, k, i) => s + k * base[i], 0) % 11) % 10);
  }
  const base = `${head}${String(seq % 1_000_000).padStart(6, '0')}`.split('').map(Number);
  const w11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const c11 = (w11.reduce((s, k, i) => s + k * base[i], 0) % 11) % 10;
  const w12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const with11 = [...base, c11];
  const c12 = (w12.reduce((s, k, i) => s + k * with11[i], 0) % 11) % 10;
  return with11.join('') + c12;
}

const REGION_CODES = [77, 78, 66, 54, 16, 52, 63, 61, 23, 74, 59, 36];

function normalized(type: ContactInfoType, value: string, parts?: AddressParts) {
  const r = normalizeContactInfo(type, value, parts ? { parts } : {});
  if (!r.ok) throw new Error(`generated ${type} "${value}" does not normalise: ${r.message}`);
  return r.value;
}

/**
 * Phone numbers: a global counter mapped through a bijection onto 7-digit subscriber numbers, so no two
 * generated phones are equal; each goes through the server's own normalisation (E.164, presentation,
 * search key), so searching by a fragment behaves exactly as for a typed-in number.
 */
class Phones {
  private k = 0;
  rejected = 0;
  next(code: string) {
    for (;;) {
      const sub = 2_000_000 + ((this.k++ * 2_654_435_761) % 8_000_000);
      const r = normalizeContactInfo('PHONE', `+7 ${code} ${sub}`);
      if (r.ok) return r.value;
      this.rejected += 1;
    }
  }
}

export function usersOf(seed: number): UserRow[] {
  const rng = new Rng(seed, 'users');
  const person = () => {
    const female = rng.chance(0.5);
    const last = rng.pick(SURNAMES);
    return female ? `${femaleSurname(last)} ${rng.pick(FEMALE_FIRST)}` : `${last} ${rng.pick(MALE_FIRST)}`;
  };
  const users: UserRow[] = [{ id: uuidFor(seed, 'users', 0), email: 'admin@bench.crm', fullName: 'Администратор Бенчмарка', role: 'ADMINISTRATOR', supervisorId: null }];
  for (let t = 0; t < TEAMS; t++) {
    users.push({ id: uuidFor(seed, 'users', 1 + t), email: `supervisor-${t + 1}@bench.crm`, fullName: person(), role: 'SUPERVISOR', supervisorId: null });
  }
  for (let m = 0; m < MANAGERS; m++) {
    const team = Math.floor(m / (MANAGERS / TEAMS));
    users.push({
      id: uuidFor(seed, 'users', 1 + TEAMS + m),
      email: `manager-${String(m + 1).padStart(2, '0')}@bench.crm`,
      fullName: person(),
      role: 'MANAGER',
      supervisorId: users[1 + team].id,
    });
  }
  return users;
}

export interface GenerateStats {
  rows: Record<string, number>;
  phonesRejected: number;
  eventStates: Record<string, number>;
  counters: Array<{ year: number; last: number }>;
  sales: SalesStats;
}

/** Generates the whole data set into the writers, table by table, deterministically from the seed. */
export async function generate(o: GenerateOptions, w: Writers, progress: (msg: string) => void = () => {}): Promise<GenerateStats> {
  const { seed } = o;
  const n = countsAt(o.scale);
  const A = Math.floor(o.anchor.getTime() / 60_000) * 60_000;
  const phones = new Phones();

  // ---- users: an administrator, 5 supervisors, 50 managers in 5 teams ----
  const users = usersOf(seed);
  for (const u of users) {
    await put(w.users, [u.id, u.email, u.fullName, u.role, u.supervisorId, o.passwordHash, iso(A - 5 * YEAR), iso(A - 5 * YEAR)]);
  }
  const owners = users.filter((u) => u.role !== 'ADMINISTRATOR');
  // Managers carry the portfolio; supervisors keep a smaller one of their own.
  const ownerWeights = owners.map((u) => (u.role === 'MANAGER' ? 1 : 0.5));
  const managers = users.filter((u) => u.role === 'MANAGER');

  // ---- counterparties, their contact persons and all contact information ----
  const cpRng = new Rng(seed, 'counterparties');
  const personRng = new Rng(seed, 'persons');
  const ciRng = new Rng(seed, 'contact-info');
  const cpIds: string[] = new Array(n.counterparties);
  const cpOwner: string[] = new Array(n.counterparties);
  const cpNames: string[] = new Array(n.counterparties);
  const cpCreated = new Float64Array(n.counterparties);
  const cpFirstPerson = new Int32Array(n.counterparties);
  const cpPersons = new Uint8Array(n.counterparties);
  const personIds: string[] = [];
  const domains = new Map<string, number>();
  const cpSpan = 4 * YEAR - 7 * DAY;
  let ciIndex = 0;

  const address = (rng: Rng, cityIdx: number) => {
    const c = CITIES[cityIdx];
    const parts: AddressParts = {
      postalCode: String(c.postal + rng.int(1, 999)).padStart(6, '0'),
      ...(c.region ? { region: c.region } : {}),
      city: c.city,
      street: rng.pick(STREETS),
      house: String(rng.int(1, 150)),
      ...(rng.chance(0.3) ? { building: String(rng.int(1, 9)) } : {}),
      ...(rng.chance(0.5) ? { apartment: `офис ${rng.int(1, 900)}` } : {}),
    };
    return normalized('ADDRESS', '', parts);
  };

  const ci = async (owner: { counterpartyId?: string; contactPersonId?: string; governingId: string }, kindCode: string, v: ReturnType<typeof normalized>, position: number) => {
    await put(w.contactInfo, [
      uuidFor(seed, 'contact_info', ciIndex++),
      owner.counterpartyId ?? null,
      owner.contactPersonId ?? null,
      v.type,
      o.kindIds[kindCode],
      v.value,
      v.normalized,
      v.searchKey,
      v.extension ?? null,
      v.parts ? JSON.stringify(v.parts) : null,
      null,
      position,
      owner.governingId,
    ]);
  };

  for (let i = 0; i < n.counterparties; i++) {
    const id = uuidFor(seed, 'counterparties', i);
    const owner = cpRng.weighted(owners, ownerWeights);
    const cityIdx = cpRng.weighted(CITIES.map((_, k) => k), CITY_WEIGHTS);
    const region = REGION_CODES[cityIdx];
    const created = A - 4 * YEAR + (i / n.counterparties) * cpSpan;
    const kindRoll = cpRng.next();
    let name: string;
    let fullName: string | null;
    let legalType: string;
    let inn: string | null;
    let kpp: string | null = null;
    let brand: string;
    if (kindRoll < 0.75) {
      legalType = 'LEGAL_ENTITY';
      const form = cpRng.weighted(LEGAL_FORMS, LEGAL_FORMS.map((f) => f.weight));
      brand = `${cpRng.pick(BRAND_HEADS)}${cpRng.chance(0.25) ? '-' : ''}${cpRng.pick(BRAND_TAILS)}${cpRng.pick(BRAND_SUFFIXES)}`;
      if (brand.includes('-') && !/-[А-ЯЁ]/.test(brand)) brand = brand.replace(/-(.)/, (_, ch: string) => `-${ch.toUpperCase()}`);
      name = `${form.short} «${brand}»`;
      fullName = `${form.full} «${brand}»`;
      const office = cpRng.int(1, 50);
      inn = innOf(region, office, (i * 7919 + 12_345) % 100_000, 10);
      kpp = `${String(region).padStart(2, '0')}${String(office).padStart(2, '0')}01001`;
    } else {
      const female = cpRng.chance(0.45);
      const last = cpRng.pick(SURNAMES);
      const surname = female ? femaleSurname(last) : last;
      const first = female ? cpRng.pick(FEMALE_FIRST) : cpRng.pick(MALE_FIRST);
      const middle = cpRng.pick(PATRONYMIC_STEMS)[female ? 1 : 0];
      brand = surname;
      const seq = (i * 7919 + 54_321) % 1_000_000;
      if (kindRoll < 0.95) {
        legalType = 'SOLE_PROPRIETOR';
        name = `ИП ${surname} ${first[0]}. ${middle[0]}.`;
        fullName = `Индивидуальный предприниматель ${surname} ${first} ${middle}`;
        inn = innOf(region, cpRng.int(1, 50), seq, 12);
      } else {
        legalType = 'INDIVIDUAL';
        name = `${surname} ${first} ${middle}`;
        fullName = null;
        inn = cpRng.chance(0.5) ? innOf(region, cpRng.int(1, 50), seq, 12) : null;
      }
    }
    const relations = cpRng.weighted(['{CLIENT}', '{POTENTIAL_CLIENT}', '{CLIENT,PARTNER}', '{SUPPLIER}', '{COMPETITOR}', '{OTHER}'], [60, 20, 8, 8, 2, 2]);
    const marked = cpRng.chance(0.01);
    const searchText = textSearchKey([name, fullName, inn].filter(Boolean).join(' '));
    const updated = Math.min(A - DAY, created + cpRng.next() * 300 * DAY);
    await put(w.counterparties, [
      id, name, fullName, legalType, inn, kpp, relations, owner.id,
      cpRng.pick(['Рекомендация', 'Выставка', 'Сайт', 'Холодный звонок', null, null]), null, marked, searchText,
      iso(created), iso(updated), owner.id,
    ]);
    cpIds[i] = id;
    cpOwner[i] = owner.id;
    cpNames[i] = name;
    cpCreated[i] = created;

    // Its own contact information: legal address, work phone, e-mail, and one more (address, phone or site).
    let domain = translit(brand).slice(0, 24) || 'firma';
    const seen = domains.get(domain) ?? 0;
    domains.set(domain, seen + 1);
    if (seen) domain = `${domain}${seen + 1}`;
    domain = `${domain}.${ciRng.weighted(['ru', 'com', 'su', 'net'], [80, 10, 3, 7])}`;
    const city = CITIES[cityIdx];
    await ci({ counterpartyId: id, governingId: owner.id }, 'LEGAL_ADDRESS', address(ciRng, cityIdx), 0);
    await ci({ counterpartyId: id, governingId: owner.id }, 'WORK_PHONE', phones.next(ciRng.pick(city.phoneCodes)), 1);
    await ci({ counterpartyId: id, governingId: owner.id }, 'EMAIL', normalized('EMAIL', `${ciRng.pick(['info', 'office', 'sales', 'zakaz', 'mail'])}@${domain}`), 2);
    switch (i % 3) {
      case 0:
        await ci({ counterpartyId: id, governingId: owner.id }, 'ACTUAL_ADDRESS', address(ciRng, cityIdx), 3);
        break;
      case 1:
        await ci({ counterpartyId: id, governingId: owner.id }, 'WORK_PHONE', phones.next(ciRng.pick(city.phoneCodes)), 3);
        break;
      default:
        await ci({ counterpartyId: id, governingId: owner.id }, 'WEB_SITE', normalized('WEB_PAGE', `www.${domain}`), 3);
    }

    // Its contact persons, each with a mobile phone and an e-mail at the counterparty's domain.
    const persons = (i % 5) + 1;
    cpFirstPerson[i] = personIds.length;
    cpPersons[i] = persons;
    for (let k = 0; k < persons; k++) {
      const pIndex = personIds.length;
      const pid = uuidFor(seed, 'contact_persons', pIndex);
      personIds.push(pid);
      const female = personRng.chance(0.5);
      const last = personRng.pick(SURNAMES);
      const lastName = female ? femaleSurname(last) : last;
      const firstName = female ? personRng.pick(FEMALE_FIRST) : personRng.pick(MALE_FIRST);
      const middleName = personRng.chance(0.9) ? personRng.pick(PATRONYMIC_STEMS)[female ? 1 : 0] : null;
      const pCreated = Math.min(A - DAY, created + personRng.next() * 200 * DAY);
      await put(w.contactPersons, [
        pid, id, lastName, firstName, middleName, personRng.pick(POSITIONS), personRng.pick(CONTACT_ROLES), null, null, owner.id,
        marked || personRng.chance(0.01), textSearchKey([lastName, firstName, middleName].filter(Boolean).join(' ')), iso(pCreated), iso(pCreated), owner.id,
      ]);
      await ci({ contactPersonId: pid, governingId: owner.id }, 'MOBILE_PHONE', phones.next(personRng.pick(MOBILE_CODES)), 0);
      const local = `${translit(firstName)[0]}.${translit(lastName)}${pIndex % 7 === 0 ? pIndex % 100 : ''}`;
      await ci({ contactPersonId: pid, governingId: owner.id }, 'EMAIL', normalized('EMAIL', `${local}@${domain}`), 1);
    }
    if (i % 10_000 === 9_999) progress(`counterparties ${i + 1}/${n.counterparties}`);
  }

  // ---- events over three years, and reminders of the planned ones ----
  const evRng = new Rng(seed, 'events');
  const kinds = ['CALL', 'EMAIL', 'MEETING', 'LETTER', 'TRIP', 'OTHER'];
  const kindWeights = [50, 20, 15, 5, 3, 7];
  const states: Record<string, number> = { PLANNED: 0, COMPLETED: 0, CANCELLED: 0, OVERDUE: 0 };
  const counters = new Map<number, number>();
  let reminderIndex = 0;
  const span = 3 * YEAR;
  for (let i = 0; i < n.events; i++) {
    const id = uuidFor(seed, 'events', i);
    // Created in time order (so document numbers follow creation, as the server numbers them).
    const created = A - span + ((i + evRng.next()) / n.events) * span;
    // Old clients have the longest history: the counterparty is drawn among those existing then, oldest likeliest.
    let cp = -1;
    if (evRng.chance(0.97)) {
      const existing = Math.max(1, Math.min(n.counterparties, Math.floor((n.counterparties * (created - (A - 4 * YEAR))) / cpSpan)));
      cp = Math.floor(existing * evRng.next() ** 2);
    }
    const responsible = cp >= 0 ? cpOwner[cp] : evRng.pick(managers).id;
    const person = cp >= 0 && evRng.chance(0.6) ? personIds[cpFirstPerson[cp] + evRng.int(0, cpPersons[cp] - 1)] : null;
    const kind = evRng.weighted(kinds, kindWeights);
    const afterTheFact = evRng.chance(0.35);
    let start: number;
    if (afterTheFact) {
      start = created - evRng.next() * 3 * 3_600_000;
    } else {
      // Planned ahead, mostly for the coming days, in Moscow business hours (09:00–18:00 = 06:00–15:00 UTC).
      const day = Math.floor((created + 3_600_000 + 30 * DAY * evRng.next() ** 2) / DAY) * DAY;
      start = day + (6 + evRng.int(0, 8)) * 3_600_000 + evRng.int(0, 3) * 15 * 60_000;
      if (start < created) start += DAY;
    }
    let state: 'PLANNED' | 'COMPLETED' | 'CANCELLED';
    let completedAt: number | null = null;
    let overdue = false;
    if (afterTheFact) {
      state = 'COMPLETED';
      completedAt = created;
    } else if (start > A) {
      state = 'PLANNED';
    } else {
      const age = A - start;
      const r = evRng.next();
      if (r < (age < 30 * DAY ? 0.06 : 0.001)) {
        state = 'PLANNED';
        overdue = true;
      } else if (r < 0.08) {
        state = 'CANCELLED';
      } else {
        state = 'COMPLETED';
        completedAt = Math.min(A - 60_000, start + evRng.next() * 2 * DAY);
      }
    }
    states[overdue ? 'OVERDUE' : state] += 1;
    const end =
      kind === 'MEETING' ? start + 3_600_000 : kind === 'TRIP' ? start + evRng.int(4, 24) * 3_600_000 : kind === 'CALL' && evRng.chance(0.5) ? start + 15 * 60_000 : null;
    const year = new Date(created).getUTCFullYear();
    const number = (counters.get(year) ?? 0) + 1;
    counters.set(year, number);
    const subject = evRng.pick(EVENT_SUBJECTS[kind]);
    const direction = kind === 'CALL' ? (evRng.chance(0.3) ? 'INCOMING' : 'OUTGOING') : kind === 'LETTER' || kind === 'EMAIL' ? (evRng.chance(0.4) ? 'INCOMING' : 'OUTGOING') : 'OUTGOING';
    const updated = completedAt ?? (state === 'CANCELLED' ? Math.min(A - 60_000, start) : created);
    await put(w.events, [
      id, `EV-${year}-${String(number).padStart(6, '0')}`, kind, direction, state, subject,
      evRng.chance(0.3) ? 'Подготовить материалы, уточнить объём и сроки, согласовать цену.' : null,
      state === 'COMPLETED' ? evRng.pick(EVENT_RESULTS) : null,
      evRng.weighted(['NORMAL', 'HIGH', 'LOW'], [80, 10, 10]),
      iso(start), end === null ? null : iso(end),
      cp >= 0 ? cpIds[cp] : null, person, responsible,
      state === 'CANCELLED' ? evRng.pick(CANCEL_REASONS) : null,
      completedAt === null ? null : iso(completedAt),
      iso(created), iso(updated), responsible,
    ]);
    if (state === 'PLANNED') {
      const remindAt = start - 15 * 60_000;
      const pending = remindAt > A;
      // Reminders of overdue events fired: the last month's still wait in the bell, older ones were dismissed.
      const rState = pending ? 'PENDING' : A - remindAt < 30 * DAY ? 'DUE' : 'DISMISSED';
      await put(w.reminders, [
        uuidFor(seed, 'reminders', reminderIndex++), responsible, subject, iso(remindAt), rState, pending ? null : iso(remindAt), 'EVENT', id, 15, iso(created),
      ]);
    }
    if (i % 100_000 === 99_999) progress(`events ${i + 1}/${n.events}`);
  }

  // ---- the sales modules and business processes ----
  const sales = await generateSales(
    {
      seed, scale: o.scale, A, refs: o.sales, users, cpIds, cpNames, cpOwner, cpFirstPerson, cpPersons, personIds,
      existingAt: (ms) => Math.max(1, Math.min(n.counterparties, Math.floor((n.counterparties * (ms - (A - 4 * YEAR))) / cpSpan))),
    },
    w,
    progress,
  );

  for (const writer of Object.values(w)) await writer.flush();
  return {
    sales,
    rows: Object.fromEntries(Object.entries(w).map(([k, v]) => [k, v.rows])),
    phonesRejected: phones.rejected,
    eventStates: states,
    counters: [...counters].map(([year, last]) => ({ year, last })).sort((a, b) => a.year - b.year),
  };
}
