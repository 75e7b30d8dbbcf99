import { textSearchKey } from '@crm/contact-info';
import { Decimal } from '@crm/server/src/core/decimal';
import { Dec, documentTotals, kopecks, money, type VatModeValue } from '@crm/server/src/modules/sales/money';
import { addWorkingDays, defaultCalendar } from '@crm/server/src/modules/work-calendar/work-time';
// The pure engine, from its sources (the bench package does not list @crm/process-engine among its dependencies).
import { start as startEngine, step as stepEngine, type Assignee, type Command, type JsonObject, type JsonValue, type ProcessEvent, type ProcessState, type RouteMap } from '../../../packages/process-engine/src';
import { Rng, uuidFor } from './prng';
import type { TableWriter } from './writer';
import type { UserRow } from './generate';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** Row counts of the sales modules at a scale (the issue's numbers at scale 1; lines and payments are derived). */
export function salesCountsAt(scale: number) {
  return {
    products: Math.max(100, Math.round(2_000 * scale)),
    clientInterests: Math.max(200, Math.round(200_000 * scale)),
    invoices: Math.max(300, Math.round(300_000 * scale)),
    /** About: 1 to 7 lines an invoice, 3.4 on average. */
    invoiceLines: Math.max(1_000, Math.round(1_000_000 * scale)),
    /** About: Sale processes on recent active interests. */
    saleProcesses: Math.max(20, Math.round(5_000 * scale)),
  };
}

/** What the migrations seeded, read before generating. */
export interface SalesRefs {
  scenarioId: string;
  /** The default scenario's stages by sort. */
  stages: Array<{ id: string; sort: number; probability: number; semantic: 'IN_PROGRESS' | 'SUCCESS' | 'FAILURE' }>;
  lossReasonIds: string[];
  sourceIds: string[];
  organizationId: string;
  bankAccountId: string | null;
  vatPercents: Record<string, string | null>;
  /** Built-in process templates (version 1) by code, with the map the server runs. */
  templates: Record<string, { id: string; name: string; map: RouteMap }>;
}

export interface SalesWriters {
  productGroups: TableWriter;
  products: TableWriter;
  clientInterests: TableWriter;
  interestLines: TableWriter;
  stageHistory: TableWriter;
  offers: TableWriter;
  offerLines: TableWriter;
  invoices: TableWriter;
  invoiceLines: TableWriter;
  payments: TableWriter;
  allocations: TableWriter;
  shipments: TableWriter;
  shipmentLines: TableWriter;
  salesFacts: TableWriter;
  processInstances: TableWriter;
  processTasks: TableWriter;
}

/** What the core generator knows of the counterparties and people, by counterparty index. */
export interface SalesInput {
  seed: number;
  scale: number;
  /** The data set's "now" (ms, whole minute). */
  A: number;
  refs: SalesRefs;
  users: UserRow[];
  cpIds: string[];
  cpNames: string[];
  cpOwner: string[];
  cpFirstPerson: Int32Array;
  cpPersons: Uint8Array;
  personIds: string[];
  /** How many counterparties existed at a time (they are created in order over four years). */
  existingAt(ms: number): number;
}

export interface SalesStats {
  interestStates: Record<string, number>;
  invoicePaymentStates: Record<string, number>;
  overdueInvoices: number;
  openProcessTasks: { managers: number; supervisors: number };
  documentCounters: Array<{ prefix: string; year: number; last: number }>;
}

async function put(w: TableWriter, row: unknown[]) {
  if (w.add(row)) await w.flush();
}

const iso = (ms: number) => new Date(ms).toISOString();
/** The local (Moscow) date of an instant, as the server takes a document's date for its users. */
const dateOf = (ms: number) => new Date(ms + 3 * HOUR).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Gapless numbers per prefix and year, as `document_counters` issues them (PREFIX-YYYY-000001). */
class Numbering {
  private readonly last = new Map<string, number>();
  next(prefix: string, date: string): string {
    const year = Number(date.slice(0, 4));
    const key = `${prefix}-${year}`;
    const n = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, n);
    return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
  }
  counters() {
    return [...this.last].map(([k, last]) => ({ prefix: k.slice(0, k.lastIndexOf('-')), year: Number(k.slice(k.lastIndexOf('-') + 1)), last }));
  }
}

const GROUPS: Array<[string, string[]]> = [
  ['Компьютерная техника', ['Ноутбуки', 'Моноблоки', 'Системные блоки', 'Мониторы', 'Серверы']],
  ['Периферия', ['Клавиатуры и мыши', 'Принтеры и МФУ', 'Сканеры', 'ИБП', 'Гарнитуры']],
  ['Сетевое оборудование', ['Коммутаторы', 'Маршрутизаторы', 'Точки доступа', 'Кабель и монтаж']],
  ['Расходные материалы', ['Картриджи', 'Бумага', 'Носители информации']],
  ['Офисная мебель', ['Столы', 'Кресла', 'Шкафы и стеллажи']],
  ['Программное обеспечение', ['Операционные системы', 'Офисные пакеты', 'Антивирусы', 'Учётные системы']],
  ['Услуги', ['Монтаж и настройка', 'Обслуживание', 'Обучение', 'Доставка']],
];
const MAKERS = ['Аквариус', 'Гравитон', 'Ирбис', 'Рикор', 'Депо', 'Кей', 'Норд', 'Вектор', 'Форт', 'Атлас', 'Сигма', 'Орион', 'Пульсар', 'Титан'];
const UNITS_GOODS = ['шт', 'шт', 'шт', 'шт', 'компл', 'упак', 'м'];
const NEEDS = [
  'Оснащение нового офиса', 'Замена устаревшего парка техники', 'Расширение склада', 'Открытие филиала', 'Модернизация сети',
  'Переход на отечественное ПО', 'Годовой контракт на обслуживание', 'Закупка под проект заказчика', 'Плановое обновление лицензий',
  'Оборудование учебного класса', 'Резервирование электропитания', 'Организация рабочих мест',
];

interface Product {
  id: string;
  kind: 'GOODS' | 'SERVICE';
  vatRate: string;
  price: string;
  cost: string | null;
}

interface Line {
  product: number;
  quantity: string;
  price: string;
  discount: string;
}

/** A won interest waiting for its invoice (they are merged into the invoices' time order). */
interface WonInterest {
  at: number;
  index: number;
  id: string;
  cp: number;
  person: string | null;
  responsible: string;
  lines: Line[];
  offerId: string | null;
}

/**
 * The catalog, client interests with lines and stage history, commercial offers, invoices with lines, payments and
 * their allocations, shipments (posted ones with their sales facts) and Sale processes, all deterministic from the
 * seed. Amounts are computed by the server's own money.ts (so every total is what the server would store), process
 * states by the pure engine (start and step, as the server's runner drives it).
 */
export async function generateSales(o: SalesInput, w: SalesWriters, progress: (msg: string) => void = () => {}): Promise<SalesStats> {
  const { seed, A, refs } = o;
  const n = salesCountsAt(o.scale);
  const numbers = new Numbering();
  const userById = new Map(o.users.map((u) => [u.id, u]));
  const created0 = A - 5 * YEAR;
  const inProgress = refs.stages.filter((s) => s.semantic === 'IN_PROGRESS');
  const success = refs.stages.find((s) => s.semantic === 'SUCCESS')!;
  const failure = refs.stages.find((s) => s.semantic === 'FAILURE')!;
  const vatPercent = (rate: string) => refs.vatPercents[rate] ?? null;

  // ---- the catalog: groups with subgroups, products ----
  const catRng = new Rng(seed, 'catalog');
  const groupIds: string[] = [];
  const groupNames: string[] = [];
  const groupIsService: boolean[] = [];
  let g = 0;
  for (const [parent, children] of GROUPS) {
    const parentId = uuidFor(seed, 'product_groups', g++);
    await put(w.productGroups, [parentId, null, parent, iso(created0), iso(created0)]);
    for (const child of children) {
      const id = uuidFor(seed, 'product_groups', g++);
      await put(w.productGroups, [id, parentId, child, iso(created0), iso(created0)]);
      groupIds.push(id);
      groupNames.push(child);
      groupIsService.push(parent === 'Услуги');
    }
  }
  const products: Product[] = [];
  for (let i = 0; i < n.products; i++) {
    const gi = catRng.int(0, groupIds.length - 1);
    const service = groupIsService[gi] || (groupNames[gi] === 'Учётные системы' && catRng.chance(0.3));
    const kind = service ? 'SERVICE' : 'GOODS';
    const name = service
      ? `${groupNames[gi]}: ${catRng.pick(['базовый', 'стандарт', 'расширенный', 'премиум'])} пакет, ${catRng.int(1, 40)} ч.`
      : `${groupNames[gi]} ${catRng.pick(MAKERS)} ${String.fromCharCode(65 + catRng.int(0, 25))}${catRng.int(100, 9999)}`;
    const article = `ART-${String(i + 1).padStart(6, '0')}`;
    const vatRate = service ? catRng.weighted(['VAT_22', 'NO_VAT'], [70, 30]) : catRng.weighted(['VAT_22', 'VAT_10'], [92, 8]);
    // Prices from 50 ₽ to 500,000 ₽, log-uniform; services by the hour.
    const price = new Dec(Math.round(Math.exp(Math.log(50) + catRng.next() * Math.log(10_000)) * 100)).dividedBy(100);
    const cost = service && catRng.chance(0.5) ? null : money(price.times(0.55 + catRng.next() * 0.25));
    const unit = service ? 'усл' : catRng.pick(UNITS_GOODS);
    const id = uuidFor(seed, 'products', i);
    products.push({ id, kind, vatRate, price: money(price), cost });
    await put(w.products, [
      id, groupIds[gi], kind, article, name, unit, vatRate, money(price), cost, false, service ? null : catRng.pick([null, 12, 12, 24, 36]),
      null, false, textSearchKey(`${name} ${article}`), iso(created0), iso(created0), o.users[0].id,
    ]);
  }

  const lineRng = new Rng(seed, 'lines');
  const randomLines = (count: number, discounts: boolean): Line[] => {
    const lines: Line[] = [];
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      let p = lineRng.int(0, products.length - 1);
      while (used.has(p)) p = (p + 1) % products.length;
      used.add(p);
      const q = products[p].kind === 'SERVICE' ? lineRng.int(1, 3) : Math.max(1, Math.round(lineRng.next() ** 3 * 50));
      const discount = discounts && lineRng.chance(0.2) ? lineRng.pick(['3.00', '5.00', '10.00']) : '0.00';
      lines.push({ product: p, quantity: `${q}.000`, price: products[p].price, discount });
    }
    return lines;
  };
  /** The priced lines and totals exactly as the server's priceLines() computes them (the default organization pays VAT). */
  const priced = (lines: Line[], mode: VatModeValue) =>
    documentTotals(
      lines.map((l) => ({ ...l, vatRate: products[l.product].vatRate, vatPercent: vatPercent(products[l.product].vatRate) })),
      mode,
    );

  // ---- client interests (with lines, stage history, some offers), in creation order ----
  const ciRng = new Rng(seed, 'interests');
  const interestStates: Record<string, number> = { ACTIVE: 0, WON: 0, LOST: 0, SUSPENDED: 0 };
  const won: WonInterest[] = [];
  type Offer = { id: string; total: string; maxDiscount: string };
  const sales: Array<{ id: string; number: string; title: string; cp: number; responsible: string; t0: number; t1: number; t2: number; plannedAmount: string; depth: number; offer?: Offer }> = [];
  let interestLineIndex = 0;
  let offerIndex = 0;
  let offerLineIndex = 0;
  const span = 3 * YEAR;
  // Share of eligible interests (recent, active, a manager's) that run a Sale process: about saleProcesses of them.
  const saleShare = Math.min(1, n.saleProcesses / Math.max(1, n.clientInterests * 0.05));

  const writeOffer = async (ci: { id: string; cp: number; person: string | null; responsible: string }, lines: Line[], at: number, state: string, answered: number | null) => {
    const id = uuidFor(seed, 'commercial_offers', offerIndex++);
    const date = dateOf(at);
    const number = numbers.next('CO', date);
    const t = priced(lines, 'INCLUDED');
    const sentAt = state === 'DRAFT' ? null : at + 2 * HOUR;
    await put(w.offers, [
      id, number, date, ci.id, o.cpIds[ci.cp], ci.person, refs.organizationId, ci.responsible, state, addDays(date, 14), 'INCLUDED',
      money(t.amount), money(t.vat), money(t.total), 'Оплата 100% в течение 5 банковских дней', 'Доставка за счёт поставщика', null,
      sentAt === null ? null : iso(sentAt), answered === null ? null : iso(answered), state === 'DRAFT' ? 1 : answered === null ? 2 : 3, iso(at),
      iso(answered ?? sentAt ?? at), ci.responsible,
    ]);
    for (let k = 0; k < t.lines.length; k++) {
      const l = t.lines[k];
      await put(w.offerLines, [
        uuidFor(seed, 'commercial_offer_lines', offerLineIndex++), id, k + 1, products[lines[k].product].id, l.quantity, l.price, l.discount,
        l.vatRate, l.vatPercent === null ? null : new Dec(l.vatPercent).toFixed(2), money(l.amount), money(l.vat), money(l.total),
      ]);
    }
    return { id, number, date, total: money(t.total), maxDiscount: lines.reduce((m, l) => Decimal.max(m, new Decimal(l.discount)), new Decimal(0)).toString() };
  };

  for (let i = 0; i < n.clientInterests; i++) {
    const id = uuidFor(seed, 'client_interests', i);
    const created = A - span + ((i + ciRng.next()) / n.clientInterests) * span;
    const cp = Math.floor(o.existingAt(created) * ciRng.next() ** 1.5);
    const responsible = o.cpOwner[cp];
    const person = o.cpPersons[cp] && ciRng.chance(0.7) ? o.personIds[o.cpFirstPerson[cp] + ciRng.int(0, o.cpPersons[cp] - 1)] : null;
    const age = A - created;
    const r = ciRng.next();
    const [pWon, pLost, pSusp] = age > 120 * DAY ? [0.38, 0.88, 0.91] : age > 30 * DAY ? [0.2, 0.45, 0.5] : [0.03, 0.08, 0.1];
    let state: 'ACTIVE' | 'WON' | 'LOST' | 'SUSPENDED' = r < pWon ? 'WON' : r < pLost ? 'LOST' : r < pSusp ? 'SUSPENDED' : 'ACTIVE';
    const lines = randomLines(ciRng.weighted([1, 2, 3], [40, 35, 25]), false);
    const lineAmounts = lines.map((l) => money(kopecks(new Dec(l.quantity).times(l.price))));
    const plannedAmount = money(lineAmounts.reduce((s, a) => s.plus(a), new Dec(0)));
    const date = dateOf(created);
    const number = numbers.next('CI', date);

    // A recent active interest of a manager may run a Sale: its stage then follows the process (1st, 2nd or 3rd).
    let depth = -1;
    if (state === 'ACTIVE' && age > DAY && age < 90 * DAY && userById.get(responsible)?.role === 'MANAGER' && ciRng.chance(saleShare)) {
      depth = ciRng.weighted([0, 1, 2, 3], [35, 25, 20, 20]);
    }
    // How far it got: in-progress stages reached (1..5), then the outcome.
    const reached = depth >= 0 ? [1, 2, 3, 2][depth] : ciRng.weighted([1, 2, 3, 4, 5], state === 'WON' ? [5, 10, 20, 30, 35] : [30, 25, 20, 15, 10]);
    // (Never before the interest itself, nor after "now".)
    const closeAt = state === 'WON' || state === 'LOST' ? Math.max(created, Math.min(A - HOUR, created + (0.05 + ciRng.next()) * Math.min(age, 120 * DAY))) : null;
    const lastAt = closeAt ?? Math.max(created, Math.min(A - HOUR, created + ciRng.next() * Math.min(age, 60 * DAY)));
    const stage = state === 'WON' ? success : state === 'LOST' ? failure : inProgress[reached - 1];
    const probability = state === 'LOST' ? 0 : stage.probability;

    // Stage history: created at the first stage, one row per move forward, then the close or the suspension.
    const history: Array<[at: number, from: string | null, to: string, fromState: string | null, toState: string, probability: number]> = [
      [created, null, inProgress[0].id, null, 'ACTIVE', inProgress[0].probability],
    ];
    const moves = reached - 1 + (state === 'ACTIVE' ? 0 : 1);
    const step = (lastAt - created) / (moves + 1);
    for (let k = 1; k < reached; k++) history.push([created + k * step, inProgress[k - 1].id, inProgress[k].id, 'ACTIVE', 'ACTIVE', inProgress[k].probability]);
    if (state !== 'ACTIVE') history.push([lastAt, inProgress[reached - 1].id, stage.id, 'ACTIVE', state, probability]);
    // A Sale starts after the interest; its manager confirms the need at t1 and prepares the offer at t2.
    const t0 = depth >= 0 ? Math.max(created + HOUR, A - 14 * DAY * ciRng.next()) : 0;
    const t1 = t0 + (A - t0) * 0.3 * ciRng.next();
    const t2 = t1 + (A - t1) * 0.5 * ciRng.next();
    if (depth >= 0) {
      // The process moves it: to the 2nd stage when the need is confirmed, to the 3rd when the offer goes to approval.
      history.length = 1;
      if (reached >= 2) history.push([t1, inProgress[0].id, inProgress[1].id, 'ACTIVE', 'ACTIVE', inProgress[1].probability]);
      if (reached >= 3) history.push([t2, inProgress[1].id, inProgress[2].id, 'ACTIVE', 'ACTIVE', inProgress[2].probability]);
    }
    const updated = history[history.length - 1][0];
    interestStates[state] += 1;
    await put(w.clientInterests, [
      id, number, date, o.cpIds[cp], person, responsible, refs.scenarioId, stage.id, state, probability, plannedAmount,
      addDays(date, ciRng.int(14, 120)), closeAt === null ? null : dateOf(closeAt), `${ciRng.pick(NEEDS)}: ${lines.length} поз.`,
      state === 'LOST' ? ciRng.pick(refs.lossReasonIds) : null, null, ciRng.chance(0.8) ? ciRng.pick(refs.sourceIds) : null, false,
      history.length, iso(created), iso(updated), responsible,
    ]);
    for (let k = 0; k < lines.length; k++) {
      await put(w.interestLines, [uuidFor(seed, 'client_interest_lines', interestLineIndex++), id, k + 1, products[lines[k].product].id, lines[k].quantity, lines[k].price, lineAmounts[k]]);
    }
    for (const [at, from, to, fromState, toState, p] of history) {
      await put(w.stageHistory, [id, iso(at), responsible, from, to, fromState, toState, plannedAmount, p]);
    }

    // Offers: most interests that reached the offer stage have one; the invoices of won ones are based on it.
    let offerId: string | null = null;
    if (depth < 0 && reached >= 3 && ciRng.chance(0.6)) {
      const at = created + (lastAt - created) * 0.5;
      const offerState = state === 'WON' ? 'ACCEPTED' : state === 'LOST' ? ciRng.weighted(['REJECTED', 'SENT'], [60, 40]) : ciRng.weighted(['SENT', 'DRAFT'], [80, 20]);
      const answered = offerState === 'ACCEPTED' || offerState === 'REJECTED' ? Math.min(lastAt, at + 3 * DAY) : null;
      offerId = (await writeOffer({ id, cp, person, responsible }, lines, at, offerState, answered)).id;
    }
    if (state === 'WON') won.push({ at: Math.max(created + HOUR, closeAt! - ciRng.next() * 3 * DAY), index: i, id, cp, person, responsible, lines, offerId });
    if (depth >= 0) {
      // The offer the Sale's manager prepared before t2 (with a discount when it goes to approval).
      let offer: Offer | undefined;
      if (depth >= 2) {
        const offerLines = lines.map((l, k) => ({ ...l, discount: depth === 2 && k === 0 ? '10.00' : '0.00' }));
        offer = await writeOffer({ id, cp, person, responsible }, offerLines, Math.max(t1, t2 - 10 * 60_000), 'DRAFT', null);
      }
      sales.push({ id, number, title: `${number} · ${o.cpNames[cp]}`, cp, responsible, t0, t1, t2, plannedAmount, depth, offer });
    }
    if (i % 50_000 === 49_999) progress(`client interests ${i + 1}/${n.clientInterests}`);
  }
  won.sort((a, b) => a.at - b.at || a.index - b.index);

  // ---- invoices in time order (won interests' among the others), payments, shipments and sales facts ----
  const invRng = new Rng(seed, 'invoices');
  const payRng = new Rng(seed, 'payments');
  const paymentStates: Record<string, number> = { NOT_POSTED: 0, NOT_PAID: 0, PARTIALLY_PAID: 0, PAID: 0 };
  let overdueInvoices = 0;
  let invoiceIndex = 0;
  let invoiceLineIndex = 0;
  let paymentIndex = 0;
  let allocationIndex = 0;
  let shipmentIndex = 0;
  let shipmentLineIndex = 0;
  const standalone = Math.max(0, n.invoices - won.length);
  // Lines of the standalone invoices: what brings the total to about invoiceLines.
  const wonLines = won.reduce((s, x) => s + x.lines.length, 0);
  const meanLines = Math.max(1, (n.invoiceLines - wonLines) / Math.max(1, standalone));
  let wi = 0;
  for (let k = 0; k < standalone || wi < won.length; ) {
    const tStandalone = k < standalone ? A - span + ((k + 0.5) / standalone) * span : Infinity;
    let at: number;
    let inv: { cp: number; person: string | null; responsible: string; lines: Line[]; interestId: string | null; offerId: string | null };
    if (wi < won.length && won[wi].at <= tStandalone) {
      const x = won[wi++];
      at = x.at;
      inv = { cp: x.cp, person: x.person, responsible: x.responsible, lines: x.lines, interestId: x.id, offerId: x.offerId };
    } else {
      k += 1;
      at = tStandalone;
      const cp = Math.floor(o.existingAt(at) * invRng.next() ** 2);
      const count = Math.max(1, Math.min(7, Math.round(meanLines + (invRng.next() - 0.5) * 2 * Math.min(meanLines - 1, 3))));
      inv = {
        cp,
        person: o.cpPersons[cp] && invRng.chance(0.5) ? o.personIds[o.cpFirstPerson[cp]] : null,
        responsible: o.cpOwner[cp],
        lines: randomLines(count, true),
        interestId: null,
        offerId: null,
      };
    }
    if (at > A - HOUR) at = A - HOUR;
    const id = uuidFor(seed, 'invoices', invoiceIndex++);
    const date = dateOf(at);
    const number = numbers.next('INV', date);
    const mode: VatModeValue = invRng.chance(0.85) ? 'INCLUDED' : 'ADDED';
    const t = priced(inv.lines, mode);
    const due = addDays(date, invRng.weighted([5, 10, 14, 30], [40, 25, 20, 15]));
    const age = A - at;
    const posted = age > 3 * DAY ? invRng.chance(0.97) : invRng.chance(0.5);
    const postedAt = posted ? Math.min(A - 60_000, at + invRng.next() * 4 * HOUR) : null;
    const total = t.total;

    // What has been paid: by how long it has been due.
    const today = dateOf(A);
    const overdueDays = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY;
    let payState: 'NOT_PAID' | 'PARTIALLY_PAID' | 'PAID' = 'NOT_PAID';
    if (posted && total.gt(0)) {
      const [pPaid, pPartial] = overdueDays < 0 ? [0.3, 0.4] : overdueDays <= 60 ? [0.75, 0.83] : [0.95, 0.97];
      const r = payRng.next();
      payState = r < pPaid ? 'PAID' : r < pPartial ? 'PARTIALLY_PAID' : 'NOT_PAID';
    } else if (posted) payState = 'PAID';
    paymentStates[posted ? payState : 'NOT_POSTED'] += 1;
    if (posted && payState !== 'PAID' && due < today) overdueInvoices += 1;

    // Payments: the whole sum at once (or in two parts), or a part of it. The invoice keeps what they paid (paid_amount,
    // which the triggers maintain in the server and the load writes itself, with the triggers off).
    const parts: Dec[] =
      posted && payState !== 'NOT_PAID' && total.gt(0)
        ? payState === 'PARTIALLY_PAID'
          ? [Dec.max(new Dec('0.01'), kopecks(total.times(0.3 + payRng.next() * 0.4)).toDecimalPlaces(0, Dec.ROUND_DOWN))]
          : payRng.chance(0.1) && total.gt(1)
            ? [kopecks(total.dividedBy(2)), total.minus(kopecks(total.dividedBy(2)))]
            : [total]
        : [];
    const paid = parts.filter((part) => part.gt(0)).reduce((s, part) => s.plus(part), new Dec(0));
    await put(w.invoices, [
      id, number, date, inv.interestId, inv.offerId, o.cpIds[inv.cp], inv.person, refs.organizationId, refs.bankAccountId, inv.responsible, mode, due,
      posted, postedAt === null ? null : iso(postedAt), money(t.amount), money(t.vat), money(total), null, posted ? 2 : 1, iso(at),
      iso(postedAt ?? at), inv.responsible, money(paid),
    ]);
    const lineIds: string[] = [];
    for (let l = 0; l < t.lines.length; l++) {
      const x = t.lines[l];
      const lineId = uuidFor(seed, 'invoice_lines', invoiceLineIndex++);
      lineIds.push(lineId);
      await put(w.invoiceLines, [
        lineId, id, l + 1, products[inv.lines[l].product].id, x.quantity, x.price, x.discount, x.vatRate, x.vatPercent === null ? null : new Dec(x.vatPercent).toFixed(2),
        money(x.amount), money(x.vat), money(x.total),
      ]);
    }

    let paidAt: number | null = null;
    if (parts.length) {
      let payAt = postedAt!;
      for (const part of parts) {
        if (part.lte(0)) continue;
        payAt = Math.min(A - 60_000, payAt + (0.2 + payRng.next() * Math.max(1, Math.min(overdueDays + 20, 40))) * DAY);
        const pid = uuidFor(seed, 'payments', paymentIndex++);
        const pDate = dateOf(payAt);
        await put(w.payments, [pid, numbers.next('PAY', pDate), pDate, o.cpIds[inv.cp], money(part), null, false, null, null, 1, iso(payAt), iso(payAt), inv.responsible]);
        await put(w.allocations, [uuidFor(seed, 'payment_allocations', allocationIndex++), pid, id, money(part)]);
        paidAt = payAt;
      }
    }

    // Shipments: most paid invoices are shipped (some on credit); a posted shipment writes its sales facts.
    if (posted && age > 2 * DAY && invRng.chance(payState === 'PAID' ? 0.8 : payState === 'PARTIALLY_PAID' ? 0.5 : 0.2)) {
      const shipAt = Math.min(A - 60_000, Math.max(postedAt! + HOUR, paidAt ?? postedAt! + invRng.next() * 5 * DAY) + invRng.next() * DAY);
      const sid = uuidFor(seed, 'shipments', shipmentIndex++);
      const sDate = dateOf(shipAt);
      const sPosted = invRng.chance(0.97);
      const sPostedAt = sPosted ? shipAt + 30 * 60_000 : null;
      await put(w.shipments, [
        sid, numbers.next('SH', sDate), sDate, id, inv.interestId, o.cpIds[inv.cp], refs.organizationId, inv.responsible, mode, sPosted,
        sPostedAt === null ? null : iso(Math.min(sPostedAt, A - 60_000)), money(t.amount), money(t.vat), money(total), null, sPosted ? 2 : 1, iso(shipAt),
        iso(Math.min(sPostedAt ?? shipAt, A - 60_000)), inv.responsible,
      ]);
      for (let l = 0; l < t.lines.length; l++) {
        const x = t.lines[l];
        const product = products[inv.lines[l].product];
        await put(w.shipmentLines, [
          uuidFor(seed, 'shipment_lines', shipmentLineIndex++), sid, l + 1, lineIds[l], product.id, x.quantity, x.price, x.discount, x.vatRate,
          x.vatPercent === null ? null : new Dec(x.vatPercent).toFixed(2), money(x.amount), money(x.vat), money(x.total),
        ]);
        if (sPosted) {
          await put(w.salesFacts, [
            sDate, sid, l + 1, id, inv.interestId, refs.organizationId, o.cpIds[inv.cp], product.id, inv.responsible, x.quantity,
            money(x.total.minus(x.vat)), money(x.vat), money(x.total), product.cost === null ? null : money(kopecks(new Dec(x.quantity).times(product.cost))),
          ]);
        }
      }
    }
    if ((k + wi) % 50_000 === 0) progress(`invoices ${k + wi}/${standalone + won.length}`);
  }

  // ---- Sale processes on recent active interests, driven by the engine as the server's runner drives it ----
  const openTasks = { managers: 0, supervisors: 0 };
  const runner = new SaleRunner(seed, refs, userById, w, A, openTasks);
  for (const s of sales) {
    const snapshot = (offer?: Offer): JsonObject => ({
      type: 'CLIENT_INTEREST',
      id: s.id,
      number: s.number,
      title: s.title,
      responsibleId: s.responsible,
      counterpartyId: o.cpIds[s.cp],
      amount: offer ? offer.total : s.plannedAmount,
      maxDiscountPct: offer ? offer.maxDiscount : '0',
      nonStandardTerms: false,
      hasActiveContract: false,
      offerId: offer?.id ?? null,
      state: 'ACTIVE',
    });
    const sale = await runner.start('SALE', { interestId: s.id, managerId: s.responsible }, snapshot(), { type: 'CLIENT_INTEREST', id: s.id }, s.responsible, s.responsible, s.t0);
    if (s.depth >= 1) await runner.complete(sale, 'A_QUALIFY', 'CONFIRMED', snapshot(), s.t1);
    if (s.depth >= 2) await runner.complete(sale, 'A_PREPARE_OFFER', 'READY', snapshot(s.offer), s.t2);
  }
  await runner.flush();
  progress(`sale processes ${sales.length}`);

  return { interestStates, invoicePaymentStates: paymentStates, overdueInvoices, openProcessTasks: openTasks, documentCounters: numbers.counters() };
}

interface LiveInstance {
  id: string;
  template: { id: string; name: string; map: RouteMap };
  code: string;
  state: ProcessState;
  version: number;
  subject: { type: string; id: string } | null;
  responsibleId: string;
  startedById: string;
  startedAt: number;
  updatedAt: number;
  parent: { id: string; tokenId: string; rootId: string } | null;
  rootId: string;
}

interface TaskRow {
  id: string;
  instance: LiveInstance;
  tokenId: string;
  pointId: string;
  title: string;
  description: string;
  performerId: string;
  assignee: Assignee;
  results: string[];
  allowRedirect: boolean;
  deadline: Date | null;
  escalateAt: Date | null;
  createdAt: number;
  done: { result: string; at: number; by: string } | null;
}

/**
 * What the server's Transition does with the engine's commands, for the commands a Sale meets on its way to the
 * offer's approval: tasks (performer: the named user, or a HEAD_OF_SALES as the manager's supervisor), automatic
 * steps (answered at once with an empty output, as setInterestStage answers), and nested processes. Rows are
 * written once the instance is settled, with the version the server's saves would have given it.
 */
class SaleRunner {
  private readonly calendar = defaultCalendar();
  private instances = 0;
  private taskIndex = 0;
  private readonly live: LiveInstance[] = [];
  private readonly tasks: TaskRow[] = [];

  constructor(
    private readonly seed: number,
    private readonly refs: SalesRefs,
    private readonly users: Map<string, UserRow>,
    private readonly w: SalesWriters,
    private readonly A: number,
    private readonly open: { managers: number; supervisors: number },
  ) {}

  async start(code: string, parameters: JsonObject, snapshot: JsonValue, subject: LiveInstance['subject'], responsibleId: string, actorId: string, at: number, parent: LiveInstance['parent'] = null): Promise<LiveInstance> {
    const template = this.refs.templates[code];
    const r = startEngine(template.map, parameters, { subject: snapshot, at: iso(at) });
    const id = uuidFor(this.seed, 'process_instances', this.instances++);
    const inst: LiveInstance = { id, template, code, state: r.state, version: 1, subject, responsibleId, startedById: actorId, startedAt: at, updatedAt: at, parent, rootId: parent?.rootId ?? id };
    this.live.push(inst);
    const queue: Array<{ inst: LiveInstance; event: ProcessEvent }> = [];
    await this.apply(inst, r.commands, at, actorId, queue);
    await this.settle(queue, at, actorId);
    return inst;
  }

  /** The performer completes the open task at `pointId` (as ProcessService.complete: the task, then the step). */
  async complete(inst: LiveInstance, pointId: string, result: string, subject: JsonValue, at: number) {
    const task = this.tasks.find((t) => t.instance === inst && t.pointId === pointId && !t.done);
    if (!task) throw new Error(`no open ${pointId} task in ${inst.code} ${inst.id}`);
    task.done = { result, at, by: task.performerId };
    const fresh = (inst.state.subject as { type?: unknown } | null)?.type === 'CLIENT_INTEREST' ? { subject } : {};
    const queue = [{ inst, event: { type: 'TaskCompleted', tokenId: task.tokenId, taskId: task.id, result, by: task.performerId, ...fresh, at: iso(at) } as ProcessEvent }];
    await this.settle(queue, at, task.performerId);
  }

  private async settle(queue: Array<{ inst: LiveInstance; event: ProcessEvent }>, at: number, actorId: string) {
    while (queue.length) {
      const { inst, event } = queue.shift()!;
      const r = stepEngine(inst.template.map, inst.state, { ...event, at: event.at ?? iso(at) } as ProcessEvent);
      inst.state = r.state;
      inst.version += 1;
      inst.updatedAt = at;
      await this.apply(inst, r.commands, at, actorId, queue);
    }
  }

  private async apply(inst: LiveInstance, commands: Command[], at: number, actorId: string, queue: Array<{ inst: LiveInstance; event: ProcessEvent }>) {
    for (const c of commands) {
      switch (c.type) {
        case 'CreateTask': {
          const performerId = this.performer(c.assignee);
          const deadline = c.deadlineDays === null || !Number.isFinite(c.deadlineDays) ? null : addWorkingDays(new Date(at), Math.max(0, Math.ceil(c.deadlineDays)), this.calendar);
          const escalateAt = c.escalateAfterDays !== null ? addWorkingDays(new Date(at), Math.max(0, Math.ceil(c.escalateAfterDays)), this.calendar) : deadline;
          this.tasks.push({
            id: uuidFor(this.seed, 'process_tasks', this.taskIndex++), instance: inst, tokenId: c.tokenId, pointId: c.pointId, title: (c.title.trim() || c.pointId).slice(0, 500),
            description: c.description.slice(0, 5000), performerId, assignee: c.assignee, results: c.results, allowRedirect: c.allowRedirect, deadline, escalateAt, createdAt: at, done: null,
          });
          break;
        }
        case 'RunProcessing':
          // setInterestStage: the generator set the interest's stage and history to where the process took it.
          queue.push({ inst, event: { type: 'ProcessingDone', tokenId: c.tokenId, output: {}, at: iso(at) } as ProcessEvent });
          break;
        case 'StartSubprocess': {
          const parentSubject = inst.state.subject;
          const own = c.subject && typeof c.subject.type === 'string' && typeof c.subject.id === 'string' ? { type: c.subject.type, id: c.subject.id } : null;
          const base = parentSubject && typeof parentSubject === 'object' && !Array.isArray(parentSubject) ? parentSubject : {};
          const snapshot: JsonValue = c.subject === null ? parentSubject : { ...base, type: c.subject.type, id: c.subject.id };
          const child = await this.start(c.templateCode, c.parameters, snapshot, own ?? inst.subject, inst.responsibleId, actorId, at, { id: inst.id, tokenId: c.tokenId, rootId: inst.rootId });
          void child;
          break;
        }
        default:
          throw new Error(`the bench's Sale runner does not expect ${c.type} (${inst.code})`);
      }
    }
  }

  private performer(a: Assignee): string {
    if (a.kind === 'USER') return a.userId;
    const of = a.ofUserId ? this.users.get(a.ofUserId) : undefined;
    if (a.role === 'HEAD_OF_SALES' && of?.supervisorId) return of.supervisorId;
    throw new Error(`the bench's data has no holder of the process role ${a.role}`);
  }

  /** Writes every instance and task. Open tasks past their escalation time were escalated, all were pushed. */
  async flush() {
    for (const i of this.live) {
      const running = i.state.status === 'RUNNING';
      await put(this.w.processInstances, [
        i.id, i.template.id, i.code, i.subject?.type ?? null, i.subject?.id ?? null, i.responsibleId, JSON.stringify(i.state.parameters), JSON.stringify(i.state),
        i.state.status, i.state.result, i.parent?.id ?? null, i.parent?.tokenId ?? null, i.rootId, i.startedById, iso(i.startedAt), running ? null : iso(i.updatedAt),
        i.version, iso(i.updatedAt),
      ]);
    }
    for (const t of this.tasks) {
      const escalated = !t.done && t.escalateAt && t.escalateAt.getTime() < this.A ? Math.min(this.A, t.escalateAt.getTime() + 60_000) : null;
      if (!t.done) this.open[this.users.get(t.performerId)?.role === 'SUPERVISOR' ? 'supervisors' : 'managers'] += 1;
      const version = 1 + (t.done ? 1 : 0) + (escalated ? 1 : 0);
      const updated = t.done?.at ?? escalated ?? t.createdAt;
      await put(this.w.processTasks, [
        t.id, t.instance.id, t.instance.rootId, t.tokenId, t.pointId, t.title, t.description, t.performerId, JSON.stringify(t.assignee), null, `{${t.results.map((r) => `"${r}"`).join(',')}}`,
        t.allowRedirect, t.done ? 'DONE' : 'OPEN', t.instance.subject?.type ?? null, t.instance.subject?.id ?? null, t.deadline ? t.deadline.toISOString() : null,
        t.escalateAt ? t.escalateAt.toISOString() : null, escalated === null ? null : iso(escalated), t.done ? iso(t.done.at) : null, t.done ? iso(t.done.at) : null,
        t.done?.by ?? null, t.done?.result ?? null, iso(t.createdAt), version, iso(t.createdAt), iso(updated),
      ]);
    }
  }
}

/** Reads what the migrations seeded for the sales modules and processes (the generator refers to it by id). */
export async function readSalesRefs(db: { query: (sql: string) => Promise<{ rows: any[] }> }): Promise<SalesRefs> {
  const one = async (sql: string) => (await db.query(sql)).rows;
  const [scenario] = await one(`SELECT id FROM sales_scenarios WHERE is_default`);
  const stages = await one(`SELECT id, sort, probability, semantic FROM sales_stages WHERE scenario_id = '${scenario.id}' ORDER BY sort, id`);
  const [org] = await one(`SELECT o.id, (SELECT a.id FROM bank_accounts a WHERE a.organization_id = o.id AND a.is_default) AS account FROM organizations o WHERE o.is_default`);
  const vat = await one(`SELECT code, percent::text AS percent FROM vat_rates`);
  const templates = await one(`SELECT id, code, name, map FROM process_templates WHERE built_in AND version = 1`);
  return {
    scenarioId: scenario.id,
    stages,
    lossReasonIds: (await one(`SELECT id FROM loss_reasons WHERE active ORDER BY sort, name`)).map((r) => r.id),
    sourceIds: (await one(`SELECT id FROM information_sources WHERE active ORDER BY sort, name`)).map((r) => r.id),
    organizationId: org.id,
    bankAccountId: org.account,
    vatPercents: Object.fromEntries(vat.map((r) => [r.code, r.percent])),
    templates: Object.fromEntries(templates.map((t) => [t.code, { id: t.id, name: t.name, map: t.map as RouteMap }])),
  };
}

/** The sales tables' writers: columns in the order generateSales() gives them. */
export function salesWriters(writer: (table: string, columns: Array<[string, string] | [string, string, string]>) => TableWriter): SalesWriters {
  const lineColumns: Array<[string, string]> = [
    ['product_id', 'uuid'], ['quantity', 'numeric'], ['price', 'numeric'], ['discount_percent', 'numeric'], ['vat_rate', 'text'], ['vat_percent', 'numeric'],
    ['amount', 'numeric'], ['vat', 'numeric'], ['total', 'numeric'],
  ];
  const totals: Array<[string, string]> = [['amount', 'numeric'], ['vat', 'numeric'], ['total', 'numeric']];
  const stamps: Array<[string, string]> = [['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['created_by_id', 'uuid']];
  return {
    productGroups: writer('product_groups', [['id', 'uuid'], ['parent_id', 'uuid'], ['name', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']]),
    products: writer('products', [
      ['id', 'uuid'], ['group_id', 'uuid'], ['kind', 'text'], ['article', 'text'], ['name', 'text'], ['unit', 'text'], ['vat_rate', 'text'], ['price', 'numeric'],
      ['cost_price', 'numeric'], ['track_serials', 'bool'], ['warranty_months', 'int'], ['description', 'text'], ['deletion_mark', 'bool'], ['search_text', 'text'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['created_by_id', 'uuid'],
    ]),
    clientInterests: writer('client_interests', [
      ['id', 'uuid'], ['number', 'text'], ['date', 'date'], ['counterparty_id', 'uuid'], ['contact_person_id', 'uuid'], ['responsible_id', 'uuid'], ['scenario_id', 'uuid'],
      ['stage_id', 'uuid'], ['state', 'text'], ['probability', 'int'], ['planned_amount', 'numeric'], ['planned_close_date', 'date'], ['actual_close_date', 'date'],
      ['need', 'text'], ['loss_reason_id', 'uuid'], ['loss_comment', 'text'], ['information_source_id', 'uuid'], ['deletion_mark', 'bool'], ...stamps,
    ]),
    interestLines: writer('client_interest_lines', [['id', 'uuid'], ['interest_id', 'uuid'], ['line_no', 'int'], ['product_id', 'uuid'], ['quantity', 'numeric'], ['price', 'numeric'], ['amount', 'numeric']]),
    stageHistory: writer('client_interest_stage_history', [
      ['interest_id', 'uuid'], ['at', 'timestamptz'], ['user_id', 'uuid'], ['from_stage_id', 'uuid'], ['to_stage_id', 'uuid'], ['from_state', 'text'], ['to_state', 'text'],
      ['amount', 'numeric'], ['probability', 'int'],
    ]),
    offers: writer('commercial_offers', [
      ['id', 'uuid'], ['number', 'text'], ['date', 'date'], ['interest_id', 'uuid'], ['counterparty_id', 'uuid'], ['contact_person_id', 'uuid'], ['organization_id', 'uuid'],
      ['responsible_id', 'uuid'], ['state', 'text'], ['valid_until', 'date'], ['vat_mode', 'text'], ...totals, ['payment_terms', 'text'], ['delivery_terms', 'text'],
      ['comment', 'text'], ['sent_at', 'timestamptz'], ['answered_at', 'timestamptz'], ...stamps,
    ]),
    offerLines: writer('commercial_offer_lines', [['id', 'uuid'], ['offer_id', 'uuid'], ['line_no', 'int'], ...lineColumns]),
    invoices: writer('invoices', [
      ['id', 'uuid'], ['number', 'text'], ['date', 'date'], ['interest_id', 'uuid'], ['offer_id', 'uuid'], ['counterparty_id', 'uuid'], ['contact_person_id', 'uuid'],
      ['organization_id', 'uuid'], ['bank_account_id', 'uuid'], ['responsible_id', 'uuid'], ['vat_mode', 'text'], ['payment_due_date', 'date'], ['posted', 'bool'],
      ['posted_at', 'timestamptz'], ...totals, ['comment', 'text'], ...stamps, ['paid_amount', 'numeric'],
    ]),
    invoiceLines: writer('invoice_lines', [['id', 'uuid'], ['invoice_id', 'uuid'], ['line_no', 'int'], ...lineColumns]),
    payments: writer('payments', [
      ['id', 'uuid'], ['number', 'text'], ['date', 'date'], ['counterparty_id', 'uuid'], ['amount', 'numeric'], ['comment', 'text'], ['cancelled', 'bool'],
      ['cancelled_at', 'timestamptz'], ['cancel_reason', 'text'], ...stamps,
    ]),
    allocations: writer('payment_allocations', [['id', 'uuid'], ['payment_id', 'uuid'], ['invoice_id', 'uuid'], ['amount', 'numeric']]),
    shipments: writer('shipments', [
      ['id', 'uuid'], ['number', 'text'], ['date', 'date'], ['invoice_id', 'uuid'], ['interest_id', 'uuid'], ['counterparty_id', 'uuid'], ['organization_id', 'uuid'],
      ['responsible_id', 'uuid'], ['vat_mode', 'text'], ['posted', 'bool'], ['posted_at', 'timestamptz'], ...totals, ['comment', 'text'], ...stamps,
    ]),
    shipmentLines: writer('shipment_lines', [['id', 'uuid'], ['shipment_id', 'uuid'], ['line_no', 'int'], ['invoice_line_id', 'uuid'], ...lineColumns]),
    salesFacts: writer('sales_facts', [
      ['date', 'date'], ['shipment_id', 'uuid'], ['line', 'int'], ['invoice_id', 'uuid'], ['interest_id', 'uuid'], ['organization_id', 'uuid'], ['counterparty_id', 'uuid'],
      ['product_id', 'uuid'], ['manager_id', 'uuid'], ['quantity', 'numeric'], ['revenue_without_vat', 'numeric'], ['vat', 'numeric'], ['revenue', 'numeric'], ['cost', 'numeric'],
    ]),
    processInstances: writer('process_instances', [
      ['id', 'uuid'], ['template_id', 'uuid'], ['template_code', 'text'], ['subject_type', 'text'], ['subject_id', 'uuid'], ['responsible_id', 'uuid'],
      ['parameters', 'text', 'jsonb'], ['state', 'text', 'jsonb'], ['status', 'text'], ['result', 'text'], ['parent_instance_id', 'uuid'], ['parent_token_id', 'text'],
      ['root_instance_id', 'uuid'], ['started_by_id', 'uuid'], ['started_at', 'timestamptz'], ['finished_at', 'timestamptz'], ['version', 'int'], ['updated_at', 'timestamptz'],
    ]),
    processTasks: writer('process_tasks', [
      ['id', 'uuid'], ['instance_id', 'uuid'], ['root_instance_id', 'uuid'], ['token_id', 'text'], ['point_id', 'text'], ['title', 'text'], ['description', 'text'],
      ['performer_id', 'uuid'], ['assignee', 'text', 'jsonb'], ['assignee_note', 'text'], ['results', 'text', 'text[]'], ['allow_redirect', 'bool'], ['state', 'text'],
      ['subject_type', 'text'], ['subject_id', 'uuid'], ['deadline', 'timestamptz'], ['escalate_at', 'timestamptz'], ['escalated_at', 'timestamptz'],
      ['accepted_at', 'timestamptz'], ['completed_at', 'timestamptz'], ['completed_by_id', 'uuid'], ['result', 'text'], ['created_at', 'timestamptz'], ['version', 'int'],
      ['pushed_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
  };
}

/** The sales tables the generator fills (their secondary indexes are dropped for the load and rebuilt). */
export const SALES_TABLES = [
  'product_groups', 'products', 'client_interests', 'client_interest_lines', 'client_interest_stage_history', 'commercial_offers', 'commercial_offer_lines',
  'invoices', 'invoice_lines', 'payments', 'payment_allocations', 'shipments', 'shipment_lines', 'sales_facts', 'process_instances', 'process_tasks',
];

/**
 * Dangling references and broken derived values in the sales data: every reference resolves, each document's totals
 * are the sums of its lines, shipments ship their invoices' lines, facts belong to posted shipments, allocations
 * never exceed the invoice and sum up to its paid amount, a running Sale has exactly its open task(s). Returns the number of problems.
 */
export const SALES_CHECKS = `
SELECT
  (SELECT count(*) FROM products p LEFT JOIN product_groups g ON g.id = p.group_id WHERE p.group_id IS NOT NULL AND g.id IS NULL)
+ (SELECT count(*) FROM client_interests ci LEFT JOIN counterparties c ON c.id = ci.counterparty_id LEFT JOIN users u ON u.id = ci.responsible_id
    LEFT JOIN sales_stages s ON s.id = ci.stage_id AND s.scenario_id = ci.scenario_id WHERE c.id IS NULL OR u.id IS NULL OR s.id IS NULL)
+ (SELECT count(*) FROM client_interests ci LEFT JOIN contact_persons p ON p.id = ci.contact_person_id AND p.counterparty_id = ci.counterparty_id WHERE ci.contact_person_id IS NOT NULL AND p.id IS NULL)
+ (SELECT count(*) FROM client_interest_lines l LEFT JOIN client_interests ci ON ci.id = l.interest_id LEFT JOIN products p ON p.id = l.product_id WHERE ci.id IS NULL OR p.id IS NULL)
+ (SELECT count(*) FROM client_interests ci LEFT JOIN (SELECT interest_id, sum(amount) AS amount FROM client_interest_lines GROUP BY 1) l ON l.interest_id = ci.id
   WHERE ci.planned_amount <> coalesce(l.amount, 0))
+ (SELECT count(*) FROM client_interests ci
    LEFT JOIN (SELECT DISTINCT ON (interest_id) interest_id, to_stage_id FROM client_interest_stage_history ORDER BY interest_id, at DESC, id DESC) h ON h.interest_id = ci.id
   WHERE h.to_stage_id IS DISTINCT FROM ci.stage_id)
+ (SELECT count(*) FROM commercial_offers o LEFT JOIN client_interests ci ON ci.id = o.interest_id WHERE o.interest_id IS NOT NULL AND ci.id IS NULL)
+ (SELECT count(*) FROM commercial_offers o LEFT JOIN (SELECT offer_id, sum(amount) AS a, sum(vat) AS v, sum(total) AS t FROM commercial_offer_lines GROUP BY 1) l ON l.offer_id = o.id
   WHERE (o.amount, o.vat, o.total) IS DISTINCT FROM (l.a, l.v, l.t))
+ (SELECT count(*) FROM invoices i LEFT JOIN counterparties c ON c.id = i.counterparty_id LEFT JOIN users u ON u.id = i.responsible_id
    LEFT JOIN client_interests ci ON ci.id = i.interest_id LEFT JOIN commercial_offers o ON o.id = i.offer_id
   WHERE c.id IS NULL OR u.id IS NULL OR (i.interest_id IS NOT NULL AND ci.id IS NULL) OR (i.offer_id IS NOT NULL AND o.id IS NULL))
+ (SELECT count(*) FROM invoices i LEFT JOIN (SELECT invoice_id, sum(amount) AS a, sum(vat) AS v, sum(total) AS t FROM invoice_lines GROUP BY 1) l ON l.invoice_id = i.id
   WHERE (i.amount, i.vat, i.total) IS DISTINCT FROM (l.a, l.v, l.t))
+ (SELECT count(*) FROM invoice_lines l LEFT JOIN products p ON p.id = l.product_id WHERE p.id IS NULL)
+ (SELECT count(*) FROM payment_allocations a LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN invoices i ON i.id = a.invoice_id
   WHERE p.id IS NULL OR i.id IS NULL OR p.counterparty_id <> i.counterparty_id OR NOT i.posted)
+ (SELECT count(*) FROM invoices i JOIN (SELECT a.invoice_id, sum(a.amount) AS paid FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND NOT p.cancelled GROUP BY 1) x
    ON x.invoice_id = i.id WHERE x.paid > i.total)
+ (SELECT count(*) FROM invoices i LEFT JOIN (SELECT a.invoice_id, sum(a.amount) AS paid FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND NOT p.cancelled GROUP BY 1) x
    ON x.invoice_id = i.id WHERE i.paid_amount <> coalesce(x.paid, 0))
+ (SELECT count(*) FROM shipments s LEFT JOIN invoices i ON i.id = s.invoice_id WHERE i.id IS NULL OR NOT i.posted OR s.counterparty_id <> i.counterparty_id OR s.total <> i.total)
+ (SELECT count(*) FROM shipment_lines sl LEFT JOIN invoice_lines il ON il.id = sl.invoice_line_id LEFT JOIN shipments s ON s.id = sl.shipment_id
   WHERE il.id IS NULL OR s.id IS NULL OR il.invoice_id <> s.invoice_id OR il.total <> sl.total)
+ (SELECT count(*) FROM sales_facts f LEFT JOIN shipments s ON s.id = f.shipment_id WHERE s.id IS NULL OR NOT s.posted)
+ (SELECT count(*) FROM shipments s LEFT JOIN (SELECT shipment_id, sum(revenue) AS revenue FROM sales_facts GROUP BY 1) f ON f.shipment_id = s.id
   WHERE s.posted AND s.total IS DISTINCT FROM f.revenue)
+ (SELECT count(*) FROM process_instances i LEFT JOIN process_templates t ON t.id = i.template_id LEFT JOIN process_instances r ON r.id = i.root_instance_id WHERE t.id IS NULL OR r.id IS NULL)
+ (SELECT count(*) FROM process_tasks t LEFT JOIN process_instances i ON i.id = t.instance_id LEFT JOIN users u ON u.id = t.performer_id WHERE i.id IS NULL OR u.id IS NULL)
+ (SELECT count(*) FROM process_instances i WHERE i.status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM process_tasks t WHERE t.root_instance_id = i.root_instance_id AND t.state = 'OPEN'))
+ (SELECT count(*) FROM process_instances i JOIN client_interests ci ON ci.id = i.subject_id WHERE i.template_code = 'SALE' AND ci.state <> 'ACTIVE')
+ (SELECT count(*) FROM (
     SELECT split_part(number, '-', 1) AS prefix, split_part(number, '-', 2)::int AS year, count(*) AS n, max(split_part(number, '-', 3)::int) AS last FROM (
       SELECT number FROM client_interests UNION ALL SELECT number FROM commercial_offers UNION ALL SELECT number FROM invoices
       UNION ALL SELECT number FROM payments UNION ALL SELECT number FROM shipments) d GROUP BY 1, 2) x
     FULL JOIN (SELECT * FROM document_counters WHERE prefix IN ('CI', 'CO', 'INV', 'PAY', 'SH')) dc ON dc.prefix = x.prefix AND dc.year = x.year
    WHERE x.n IS DISTINCT FROM dc.last OR x.last IS DISTINCT FROM dc.last)
  AS n`;
