/** Where the sales documents live in the app; the Sales tab owns every path under /sales. */
export const salesPaths = {
  desk: '/sales',
  offers: '/sales/offers',
  offer: (id: string) => `/sales/offers/${id}`,
  newOffer: (interestId?: string | null) => (interestId ? `/sales/offers/new?interestId=${encodeURIComponent(interestId)}` : '/sales/offers/new'),
  invoices: '/sales/invoices',
  invoice: (id: string) => `/sales/invoices/${id}`,
  newInvoice: (from?: { offerId?: string | null; interestId?: string | null }) =>
    from?.offerId
      ? `/sales/invoices/new?offerId=${encodeURIComponent(from.offerId)}`
      : from?.interestId
        ? `/sales/invoices/new?interestId=${encodeURIComponent(from.interestId)}`
        : '/sales/invoices/new',
  payments: '/sales/payments',
  payment: (id: string) => `/sales/payments/${id}`,
  newPayment: (from?: { invoiceId?: string | null; counterpartyId?: string | null }) =>
    from?.invoiceId
      ? `/sales/payments/new?invoiceId=${encodeURIComponent(from.invoiceId)}`
      : from?.counterpartyId
        ? `/sales/payments/new?counterpartyId=${encodeURIComponent(from.counterpartyId)}`
        : '/sales/payments/new',
  shipments: '/sales/shipments',
  shipment: (id: string) => `/sales/shipments/${id}`,
  newShipment: (invoiceId?: string | null) => (invoiceId ? `/sales/shipments/new?invoiceId=${encodeURIComponent(invoiceId)}` : '/sales/shipments/new'),
  interest: (id: string) => `/client-interests/${id}`,
  /** A new event "based on" a document: the event form fills in its counterparty and links back. */
  newEventBasedOn: (type: string, id: string, parties?: { counterpartyId?: string | null; contactPersonId?: string | null }) => {
    const q = new URLSearchParams({ basedOnType: type, basedOnId: id });
    if (parties?.counterpartyId) q.set('counterpartyId', parties.counterpartyId);
    if (parties?.contactPersonId) q.set('contactPersonId', parties.contactPersonId);
    return `/events/new?${q.toString()}`;
  },
};

/** Only paths inside the app: `returnTo` comes from the URL. */
export const safeReturn = (v: string | null) => (v && v.startsWith('/') && !v.startsWith('//') ? v : null);
