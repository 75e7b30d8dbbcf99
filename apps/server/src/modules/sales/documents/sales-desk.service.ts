import { DateTime } from 'luxon';
import type { Actor } from '../../auth/user.entity';
import { Role } from '../../auth/user.entity';
import { canRead, scopeOf } from '../../auth/access';
import type { CalendarSource } from '../../activities/calendar.service';
import { MAX_PAGE_SIZE } from '../../../core/pagination';
import { formatMoneyRu } from '../print/format';
import { Dec } from '../money';
import { CommercialOffer } from './commercial-offer.entity';
import { Invoice } from './invoice.entity';
import { Payment } from './payment.entity';
import { Shipment } from './shipment.entity';
import { scopeByResponsible, todayFor, type SalesDeps } from './documents.common';
import { SalesDeskScope, type CountAndAmount, type InterestsAtStage } from './documents.types';
import type { PaymentService } from './payment.service';

const clamp = (first: number) => Math.max(1, Math.min(first, MAX_PAGE_SIZE));

/**
 * The Sales tab: each block one aggregate statement over indexed columns, within the actor's scope — a manager
 * sees their own documents, a supervisor their team's, an administrator everyone's.
 */
export class SalesDeskService {
  constructor(
    private readonly d: SalesDeps,
    private readonly payments: PaymentService,
  ) {}

  scopeOf(actor: Actor): SalesDeskScope {
    const read = scopeOf(actor).read;
    if (read === null) return SalesDeskScope.ALL;
    return actor.role === Role.SUPERVISOR && read.length > 1 ? SalesDeskScope.TEAM : SalesDeskScope.MINE;
  }

  /** Active interests by stage with planned and weighted amounts. */
  async interestsByStage(actor: Actor): Promise<InterestsAtStage[]> {
    const scope = scopeOf(actor).read;
    const rows: Array<{ stage_id: string; count: number; amount: string; weighted: string }> = await this.d.db.query(
      `SELECT ci.stage_id, count(*)::int AS count, sum(ci.planned_amount)::numeric(15,2) AS amount,
              sum(round(ci.planned_amount * ci.probability / 100.0, 2))::numeric(15,2) AS weighted
         FROM client_interests ci JOIN sales_stages st ON st.id = ci.stage_id
        WHERE ci.state = 'ACTIVE' AND NOT ci.deletion_mark AND ($1::uuid[] IS NULL OR ci.responsible_id = ANY($1))
        GROUP BY ci.stage_id, st.scenario_id, st.sort
        ORDER BY st.scenario_id, st.sort`,
      [scope],
    );
    return rows.map((r) => ({ stageId: r.stage_id, count: r.count, amount: r.amount, weightedAmount: r.weighted }));
  }

  /** Sent offers still unanswered, those expiring soonest first (expired ones lead). */
  offersAwaitingAnswer(actor: Actor, first: number) {
    return scopeByResponsible(this.d.db.getRepository(CommercialOffer).createQueryBuilder('o'), actor, 'o')
      .andWhere(`o.state = 'SENT'`)
      .orderBy('o.valid_until', 'ASC', 'NULLS LAST')
      .addOrderBy('o.date', 'ASC')
      .addOrderBy('o.number', 'ASC')
      .limit(clamp(first))
      .getMany();
  }

  /** Amounts due on posted, not fully paid invoices by days past the due date (today in the actor's zone). */
  async invoiceAgeing(actor: Actor) {
    const scope = scopeOf(actor).read;
    const rows: Array<{ bucket: string; count: number; amount: string }> = await this.d.db.query(
      `SELECT b.bucket, count(*)::int AS count, sum(b.due)::numeric(15,2) AS amount FROM (
         SELECT (i.total - i.paid_amount) AS due,
                CASE WHEN i.payment_due_date IS NULL OR i.payment_due_date >= $2::date THEN 'notDue'
                     WHEN $2::date - i.payment_due_date <= 7 THEN 'd0_7'
                     WHEN $2::date - i.payment_due_date <= 30 THEN 'd8_30'
                     WHEN $2::date - i.payment_due_date <= 60 THEN 'd31_60'
                     ELSE 'over60' END AS bucket
           FROM invoices i
          WHERE i.posted AND i.paid_amount < i.total AND ($1::uuid[] IS NULL OR i.responsible_id = ANY($1))
       ) b GROUP BY b.bucket`,
      [scope, todayFor(actor)],
    );
    const of = (bucket: string): CountAndAmount => {
      const r = rows.find((x) => x.bucket === bucket);
      return { count: r?.count ?? 0, amount: r?.amount ?? '0.00' };
    };
    const sum = (parts: CountAndAmount[]): CountAndAmount => ({
      count: parts.reduce((n, p) => n + p.count, 0),
      amount: parts.reduce((s, p) => s.plus(p.amount), new Dec(0)).toFixed(2),
    });
    const overdue = sum(['d0_7', 'd8_30', 'd31_60', 'over60'].map(of));
    return { notDue: of('notDue'), d0_7: of('d0_7'), d8_30: of('d8_30'), d31_60: of('d31_60'), over60: of('over60'), overdue, total: sum([of('notDue'), overdue]) };
  }

  async recentPayments(actor: Actor, first: number): Promise<Payment[]> {
    const page = await this.payments.list(actor, clamp(first), null, {});
    return page.edges.map((e) => e.node);
  }

  recentShipments(actor: Actor, first: number): Promise<Shipment[]> {
    return scopeByResponsible(this.d.db.getRepository(Shipment).createQueryBuilder('s'), actor, 's')
      .orderBy('s.date', 'DESC')
      .addOrderBy('s.number', 'DESC')
      .limit(clamp(first))
      .getMany();
  }

  /**
   * The calendar's expected payments: posted, not fully paid invoices of the user falling due in the period, each
   * as a whole day in the user's time zone.
   */
  expectedPayments: CalendarSource = async (actor, userId, from, to) => {
    if (!canRead(actor, userId)) return [];
    const [user] = await this.d.db.query(`SELECT time_zone FROM users WHERE id = $1`, [userId]);
    const zone = user?.time_zone ?? actor.timeZone;
    const fromDate = DateTime.fromJSDate(from).setZone(zone).toISODate()!;
    const toDate = DateTime.fromJSDate(to).setZone(zone).toISODate()!;
    const rows = await this.d.db
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .addSelect('(i.total - i.paid_amount)::numeric(15,2)', 'due')
      .where(`i.responsible_id = :userId AND i.posted AND i.paid_amount < i.total`, { userId })
      .andWhere('i.payment_due_date BETWEEN :fromDate AND :toDate', { fromDate, toDate })
      .orderBy('i.payment_due_date')
      .addOrderBy('i.number')
      .limit(2000)
      .getRawAndEntities();
    const dues = new Map(rows.raw.map((r: { i_id: string; due: string }) => [r.i_id, r.due]));
    return rows.entities
      .map((invoice) => {
        const start = DateTime.fromISO(invoice.paymentDueDate!, { zone }).startOf('day');
        const amountDue = dues.get(invoice.id) ?? invoice.total;
        return {
          typename: 'CalendarExpectedPayment',
          start: start.toJSDate(),
          end: start.plus({ days: 1 }).toJSDate(),
          title: `Ожидается оплата по счету ${invoice.number}: ${formatMoneyRu(amountDue)} руб.`,
          invoice,
          dueDate: invoice.paymentDueDate!,
          amountDue,
        };
      })
      .filter((item) => item.start < to && item.end > from);
  };
}
