import { CommercialOfferLineResolver, CommercialOfferResolver } from './commercial-offer.resolver';
import { InvoiceLineResolver, InvoiceResolver } from './invoice.resolver';
import { PaymentAllocationResolver, PaymentResolver } from './payment.resolver';
import { SalesFactResolver, ShipmentLineResolver, ShipmentResolver } from './shipment.resolver';
import { ClientInterestChainResolver, DocumentChainResolver, InterestsAtStageResolver, SalesDeskResolver } from './chain.resolver';
import { CalendarExpectedPayment } from './documents.types';

/** The resolvers of the sales documents, for core/schema.ts. */
export const salesDocumentResolvers = [
  CommercialOfferResolver,
  CommercialOfferLineResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  PaymentResolver,
  PaymentAllocationResolver,
  ShipmentResolver,
  ShipmentLineResolver,
  SalesFactResolver,
  DocumentChainResolver,
  ClientInterestChainResolver,
  SalesDeskResolver,
  InterestsAtStageResolver,
] as const;

/** Types reached only through an interface (the calendar's expected payments). */
export const salesDocumentTypes = [CalendarExpectedPayment];
