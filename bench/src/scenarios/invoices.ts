import type { Pool } from 'pg';
import type { BenchUser, Role } from '../fixtures';
import { check, iso, type ReadOp, type ReadScenario } from './types';

/** The Invoices page (InvoicesPage: SalesInvoices with InvoiceListItem), first page at the web's default size. */
const QUERY = `query SalesInvoices($first: Int!, $after: String, $filter: InvoiceFilter) {
  invoices(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { ...InvoiceListItem } }
    pageInfo { hasNextPage endCursor }
  }
}
fragment InvoiceListItem on Invoice {
  id number date posted paymentState overdue paymentDueDate total paidAmount amountDue
  counterpartyId counterparty { id name }
  responsibleId responsible { id fullName }
  createdAt
}`;

/** The grid's first page size (PAGE_SIZES[0] of useCursorPagination). */
const PAGE = 25;

type Kind = 'overdue' | 'notPaid';

/**
 * The floor: the invoices in scope matching the filter with what has been paid on each (the invoice's paid amount,
 * which triggers keep equal to the allocations of live payments, as the view `invoice_payment_states` reads it), the
 * total, and the newest 26 by (date, number). Both lists are read through the partial index of unpaid invoices by
 * responsible and (date, number).
 */
const FLOOR = (kind: Kind) => `
WITH me AS (SELECT (now() AT TIME ZONE u.time_zone)::date AS today FROM users u WHERE u.id = $1),
f AS (
  SELECT i.*, i.paid_amount AS paid, me.today FROM invoices i CROSS JOIN me
   WHERE i.responsible_id = ANY($2) AND i.paid_amount < i.total
     AND ${kind === 'overdue' ? `i.posted AND i.payment_due_date < me.today` : `i.paid_amount = 0`}
)
SELECT t.total, x.id, x.number, x.date::text AS date, x.posted, x.paid::text AS paid, (x.total - x.paid)::numeric(15,2)::text AS due, x.total::text AS amount,
       x.payment_due_date::text AS payment_due_date, x.today::text AS today, x.counterparty_id, c.name AS counterparty, x.responsible_id, u.full_name, x.created_at
  FROM (SELECT count(*)::int AS total FROM f) t
  LEFT JOIN LATERAL (SELECT * FROM f ORDER BY f.date DESC, f.number DESC LIMIT ${PAGE + 1}) x ON true
  LEFT JOIN counterparties c ON c.id = x.counterparty_id AND c.responsible_id = ANY($2)
  LEFT JOIN users u ON u.id = x.responsible_id
 ORDER BY x.date DESC, x.number DESC`;

type Params = { user: BenchUser };

function op(role: Role, users: BenchUser[], pool: Pool, kind: Kind): ReadOp<Params> {
  const sql = FLOOR(kind);
  return {
    scenario: 'invoices',
    name: kind === 'overdue' ? 'invoices: overdue (the Sales tab\'s link)' : 'invoices: not paid',
    role,
    targetP95: 30,
    params: (i) => ({ user: users[i % users.length] }),
    async api({ user }) {
      const filter = kind === 'overdue' ? { overdue: true } : { paymentState: 'NOT_PAID' };
      const r = await user.client.gql(QUERY, { first: PAGE, after: null, filter });
      const d = check(r).invoices;
      return {
        sql: r.sql,
        answer: {
          total: d.totalCount,
          hasNextPage: d.pageInfo.hasNextPage,
          rows: d.edges.map(({ node: n }: any) => [
            n.id, n.number, n.date, n.posted, n.paymentState, n.overdue, n.paymentDueDate, n.total, n.paidAmount, n.amountDue,
            n.counterpartyId, n.counterparty?.name ?? null, n.responsibleId, n.responsible?.fullName ?? null, iso(n.createdAt),
          ]),
        },
      };
    },
    async floor({ user }) {
      const rows = (await pool.query(sql, [user.id, user.scope])).rows;
      const page = rows.filter((x) => x.id);
      return {
        total: rows[0].total,
        hasNextPage: page.length > PAGE,
        rows: page.slice(0, PAGE).map((x) => {
          const state = Number(x.paid) >= Number(x.amount) ? 'PAID' : Number(x.paid) === 0 ? 'NOT_PAID' : 'PARTIALLY_PAID';
          const overdue = x.posted && state !== 'PAID' && x.payment_due_date !== null && x.payment_due_date < x.today;
          return [x.id, x.number, x.date, x.posted, state, overdue, x.payment_due_date, x.amount, x.paid, x.due, x.counterparty_id, x.counterparty, x.responsible_id, x.full_name, iso(x.created_at)];
        }),
      };
    },
  };
}

export const invoicesScenario: ReadScenario = {
  name: 'invoices',
  description: 'Unpaid invoices: the overdue ones (the Sales tab\'s «all overdue» link) and those not paid at all, 25 newest with paid amounts and the total.',
  ops(f, pool) {
    return (['MANAGER', 'SUPERVISOR'] as Role[]).flatMap((role) => [op(role, f.byRole(role), pool, 'overdue'), op(role, f.byRole(role), pool, 'notPaid')]);
  },
};
