import { registerEnumType } from 'type-graphql';

export enum VatMode {
  INCLUDED = 'INCLUDED',
  ADDED = 'ADDED',
}
registerEnumType(VatMode, {
  name: 'VatMode',
  description: 'How VAT relates to the prices of a document.',
  valuesConfig: {
    INCLUDED: { description: 'Prices include VAT («В том числе НДС»): VAT = amount × rate / (100 + rate).' },
    ADDED: { description: 'VAT is added on top of the prices («НДС сверху»): VAT = amount × rate / 100.' },
  },
});

export enum CommercialOfferState {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CommercialOfferState, {
  name: 'CommercialOfferState',
  description: 'Where a commercial offer stands: DRAFT → SENT → ACCEPTED or REJECTED; EXPIRED is computed.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; the only state in which it can be changed.' },
    SENT: { description: 'Sent to the client, awaiting an answer.' },
    ACCEPTED: { description: 'The client accepted it.' },
    REJECTED: { description: 'The client declined it.' },
    EXPIRED: { description: 'Computed, never stored: sent, unanswered, and its valid-until date has passed.' },
  },
});

export enum InvoicePaymentState {
  NOT_PAID = 'NOT_PAID',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
}
registerEnumType(InvoicePaymentState, {
  name: 'InvoicePaymentState',
  description: 'How far an invoice is paid, derived from the payments allocated to it (never set by hand).',
  valuesConfig: {
    NOT_PAID: { description: 'Nothing allocated to it yet.' },
    PARTIALLY_PAID: { description: 'Something, but less than its total.' },
    PAID: { description: 'Payments cover its total.' },
  },
});

/** Why a posted document cannot be unposted: shown to the user with the refusal. */
export enum UnpostRefusal {
  HAS_PAYMENTS = 'HAS_PAYMENTS',
  HAS_POSTED_SHIPMENTS = 'HAS_POSTED_SHIPMENTS',
}
