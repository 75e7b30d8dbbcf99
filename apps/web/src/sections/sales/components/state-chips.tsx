import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';

/** Payment state of an invoice, derived by the server from allocated payments; never typed by hand. */
export type PaymentStateValue = 'NOT_PAID' | 'PARTIALLY_PAID' | 'PAID';
export type OfferStateValue = 'DRAFT' | 'SENT' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';

/**
 * NOT_PAID / PARTIALLY_PAID / PAID; an overdue invoice (past its due date and not fully paid) reads "Overdue"
 * in red next to its state, so a bookkeeper sees both at a glance.
 */
export function PaymentStateChip({ state, overdue, testId }: { state: PaymentStateValue | string; overdue?: boolean | null; testId?: string }) {
  const { t } = useTranslation();
  const color = state === 'PAID' ? 'success' : state === 'PARTIALLY_PAID' ? 'warning' : overdue ? 'error' : 'default';
  const label = overdue && state !== 'PAID' ? `${t(`sales.paymentState.${state}`)} · ${t('sales.invoice.overdue')}` : t(`sales.paymentState.${state}`);
  return (
    <Chip
      size="small"
      color={color}
      variant={state === 'PAID' ? 'filled' : 'outlined'}
      label={label}
      data-testid={testId}
      data-state={state}
      data-overdue={overdue ? 'true' : 'false'}
      sx={overdue && state !== 'PAID' ? { fontWeight: 600 } : undefined}
    />
  );
}

/** DRAFT → SENT → ACCEPTED / REJECTED; EXPIRED when its valid-until date has passed while it was still open. */
export function OfferStateChip({ state, testId }: { state: OfferStateValue | string; testId?: string }) {
  const { t } = useTranslation();
  const color = state === 'ACCEPTED' ? 'success' : state === 'REJECTED' ? 'default' : state === 'EXPIRED' ? 'error' : state === 'SENT' ? 'info' : 'default';
  return (
    <Chip size="small" color={color} variant={state === 'DRAFT' ? 'outlined' : 'filled'} label={t(`sales.offerState.${state}`)} data-testid={testId} data-state={state} />
  );
}

/** Posted (проведен) or not: what follows from a document happens on posting, and a posted one is locked. */
export function PostedChip({ posted, testId }: { posted: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={posted ? 'success' : 'default'}
      variant={posted ? 'filled' : 'outlined'}
      label={posted ? t('sales.posted') : t('sales.notPosted')}
      data-testid={testId}
      data-posted={posted ? 'true' : 'false'}
    />
  );
}
