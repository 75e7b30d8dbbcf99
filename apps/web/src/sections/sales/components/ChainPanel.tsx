import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { SalesChainFieldsFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SalesChainQuery } from '../graphql/chain.graphql';
import { salesPaths } from '../lib/paths';
import { DocumentChain, type ChainEntry, type ChainType } from './DocumentChain';
import { OfferStateChip, PaymentStateChip, PostedChip } from './state-chips';

/** The chain's documents as panel entries, the one shown on the card marked current. */
export function useChainEntries(chain: SalesChainFieldsFragment | null | undefined, current: { type: ChainType; id: string }): ChainEntry[] {
  const { t } = useTranslation();
  if (!chain) return [];
  const is = (type: ChainType, id: string) => current.type === type && current.id === id;
  return [
    ...chain.interests.map<ChainEntry>((i) => ({
      type: 'CLIENT_INTEREST',
      id: i.id,
      title: i.number,
      date: i.date,
      amount: i.plannedAmount,
      state: <Chip size="small" variant="outlined" label={t(`sales.interestState.${i.state}`)} />,
      current: is('CLIENT_INTEREST', i.id),
      href: salesPaths.interest(i.id),
    })),
    ...chain.offers.map<ChainEntry>((o) => ({
      type: 'COMMERCIAL_OFFER',
      id: o.id,
      title: o.number,
      date: o.date,
      amount: o.total,
      state: <OfferStateChip state={o.effectiveState} />,
      current: is('COMMERCIAL_OFFER', o.id),
      href: salesPaths.offer(o.id),
    })),
    ...chain.invoices.map<ChainEntry>((i) => ({
      type: 'INVOICE',
      id: i.id,
      title: i.number,
      date: i.date,
      amount: i.total,
      state: i.posted ? <PaymentStateChip state={i.paymentState} overdue={i.overdue} /> : <PostedChip posted={false} />,
      current: is('INVOICE', i.id),
      href: salesPaths.invoice(i.id),
    })),
    ...chain.payments.map<ChainEntry>((p) => ({
      type: 'PAYMENT',
      id: p.id,
      title: p.number,
      date: p.date,
      amount: p.amount,
      state: p.cancelled ? <Chip size="small" label={t('sales.payment.cancelled')} /> : undefined,
      current: is('PAYMENT', p.id),
      href: salesPaths.payment(p.id),
    })),
    ...chain.shipments.map<ChainEntry>((s) => ({
      type: 'SHIPMENT',
      id: s.id,
      title: s.number,
      date: s.date,
      amount: s.total,
      state: <PostedChip posted={s.posted} />,
      current: is('SHIPMENT', s.id),
      href: salesPaths.shipment(s.id),
    })),
    ...chain.events.map<ChainEntry>((e) => ({
      type: 'EVENT',
      id: e.id,
      title: e.subject,
      date: e.start,
      state: <Chip size="small" variant="outlined" label={t(`eventState.${e.state}`)} />,
      current: false,
      href: `/events/${e.id}`,
    })),
  ];
}

/**
 * The chain panel of a document card: every document of the sale, each a link, and «new event based on this
 * document» (the event form fills in the client and links back).
 */
export function ChainPanel({
  type,
  id,
  parties,
  title,
  actions,
  withNewEvent = true,
}: {
  type: ChainType;
  id: string;
  parties: { counterpartyId?: string | null; contactPersonId?: string | null };
  title?: string;
  actions?: ReactNode;
  /** False where the page has its own «new event» (the interest card). */
  withNewEvent?: boolean;
}) {
  const { data, loading, error } = useQuery(SalesChainQuery, {
    variables: { id, interest: type === 'CLIENT_INTEREST', offer: type === 'COMMERCIAL_OFFER', invoice: type === 'INVOICE', payment: type === 'PAYMENT', shipment: type === 'SHIPMENT' },
    fetchPolicy: 'cache-and-network',
  });
  const holder = data?.clientInterest ?? data?.commercialOffer ?? data?.invoice ?? data?.payment ?? data?.shipment;
  const entries = useChainEntries(holder?.chain, { type, id });
  return (
    <>
      <ErrorAlert error={holder ? undefined : error} />
      <DocumentChain title={title} actions={actions} entries={entries} loading={loading && !holder} newEventHref={withNewEvent && type !== 'EVENT' ? salesPaths.newEventBasedOn(type, id, parties) : undefined} />
    </>
  );
}
