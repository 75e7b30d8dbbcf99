import { CrmObjectType } from '../../activities/activities.enums';
import type { CalendarService } from '../../activities/calendar.service';
import type { Logger } from '../../../core/logger';
import type { SalesDeps } from './documents.common';
import { CommercialOfferService } from './commercial-offer.service';
import { InvoiceService } from './invoice.service';
import { PaymentService } from './payment.service';
import { ShipmentService } from './shipment.service';
import { ChainService } from './chain.service';
import { SalesDeskService } from './sales-desk.service';
import { PrintService } from '../print/print.service';
import { SendService } from '../print/send.service';
import { createMailer } from '../print/mailer';

export interface SalesDocumentsOptions {
  /** SMTP server for sending documents by e-mail; without it "send" only records the letter. */
  smtpUrl?: string;
  /** The From address of those e-mails. */
  smtpFrom?: string;
  log?: Logger;
}

/**
 * The sales documents' services, wired to the rest: their types are registered as objects events can be based on
 * (inheriting the document's client), and expected payments are added to the work calendar.
 */
export function createSalesDocuments(deps: SalesDeps, calendar: CalendarService, options: SalesDocumentsOptions = {}) {
  const commercialOffers = new CommercialOfferService(deps);
  const invoices = new InvoiceService(deps, commercialOffers);
  const payments = new PaymentService(deps, invoices);
  const shipments = new ShipmentService(deps, invoices);
  const salesDesk = new SalesDeskService(deps, payments);
  const salesPrint = new PrintService(deps, commercialOffers, invoices);
  const salesSend = new SendService(deps, commercialOffers, invoices, salesPrint, createMailer(options.smtpUrl, options.smtpFrom ?? 'CRM <crm@localhost>'), options.log);
  deps.refs.register(CrmObjectType.COMMERCIAL_OFFER, commercialOffers.titles, commercialOffers.parties);
  deps.refs.register(CrmObjectType.INVOICE, invoices.titles, invoices.parties);
  deps.refs.register(CrmObjectType.PAYMENT, payments.titles, payments.parties);
  deps.refs.register(CrmObjectType.SHIPMENT, shipments.titles, shipments.parties);
  calendar.register(salesDesk.expectedPayments);
  return { commercialOffers, invoices, payments, shipments, documentChains: new ChainService(deps), salesDesk, salesPrint, salesSend };
}
