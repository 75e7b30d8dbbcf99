import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../../core/pagination';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { Event } from '../../activities/event.entity';
import { CalendarItem } from '../../activities/activities.types';
import { CommercialOffer } from './commercial-offer.entity';
import { Invoice } from './invoice.entity';
import { Payment } from './payment.entity';
import { Shipment } from './shipment.entity';

export const CommercialOfferConnection = Connection(CommercialOffer, 'CommercialOffer', 'commercial offer');
export const InvoiceConnection = Connection(Invoice, 'Invoice', 'invoice');
export const PaymentConnection = Connection(Payment, 'Payment', 'payment');
export const ShipmentConnection = Connection(Shipment, 'Shipment', 'shipment');

@ObjectType({ description: 'What the viewer may do with a commercial offer.' })
export class CommercialOfferViewerCan {
  @Field({ description: 'May change it (a draft of mine).' }) update: boolean;
  @Field({ description: 'May send it by e-mail (records the letter; marks a draft sent).' }) send: boolean;
  @Field({ description: 'May mark it sent.' }) markSent: boolean;
  @Field({ description: 'May record that the client accepted it.' }) accept: boolean;
  @Field({ description: 'May record that the client rejected it.' }) reject: boolean;
  @Field({ description: 'May create an invoice based on it.' }) createInvoice: boolean;
}

@ObjectType({ description: 'What the viewer may do with an invoice.' })
export class InvoiceViewerCan {
  @Field({ description: 'May change it (not posted).' }) update: boolean;
  @Field({ description: 'May post it.' }) post: boolean;
  @Field({ description: 'May try to unpost it (refused while payments or posted shipments depend on it).' }) unpost: boolean;
  @Field({ description: 'May send it by e-mail.' }) send: boolean;
  @Field({ description: 'May register a payment on it (posted).' }) registerPayment: boolean;
  @Field({ description: 'May create a shipment based on it (posted).' }) createShipment: boolean;
}

@ObjectType({ description: 'What the viewer may do with a payment.' })
export class PaymentViewerCan {
  @Field({ description: 'May cancel it.' }) cancel: boolean;
}

@ObjectType({ description: 'What the viewer may do with a shipment.' })
export class ShipmentViewerCan {
  @Field({ description: 'May post it.' }) post: boolean;
  @Field({ description: 'May unpost it.' }) unpost: boolean;
}

@ObjectType({ description: 'A sale’s documents, both ways from any of them: interest → offers → invoices → payments and shipments → events based on any of them. Only what I may see.' })
export class DocumentChain {
  /** Ids of the interests of the chain; resolved to objects by the resolver. */
  interestIds: string[];
  @Field(() => [CommercialOffer], { description: 'Commercial offers, oldest first.' }) offers: CommercialOffer[];
  @Field(() => [Invoice], { description: 'Invoices, oldest first.' }) invoices: Invoice[];
  @Field(() => [Payment], { description: 'Payments on those invoices (and the payment itself), oldest first.' }) payments: Payment[];
  @Field(() => [Shipment], { description: 'Shipments of those invoices, oldest first.' }) shipments: Shipment[];
  @Field(() => [Event], { description: 'Events entered based on any document of the chain, by start.' }) events: Event[];
}

@ObjectType({ description: 'A number of documents and their amount.' })
export class CountAndAmount {
  @Field(() => Int, { description: 'How many.' }) count: number;
  @Field(() => DecimalScalar, { description: 'Their amount (for invoices: what remains unpaid).' }) amount: string;
}

@ObjectType({ description: 'Posted invoices not fully paid, by how long their due date has passed (amounts due).' })
export class InvoiceAgeing {
  @Field(() => CountAndAmount, { description: 'Not yet due (due today or later, or without a due date).' }) notDue: CountAndAmount;
  @Field(() => CountAndAmount, { description: '1 to 7 days overdue.' }) d0_7: CountAndAmount;
  @Field(() => CountAndAmount, { description: '8 to 30 days overdue.' }) d8_30: CountAndAmount;
  @Field(() => CountAndAmount, { description: '31 to 60 days overdue.' }) d31_60: CountAndAmount;
  @Field(() => CountAndAmount, { description: 'More than 60 days overdue.' }) over60: CountAndAmount;
  @Field(() => CountAndAmount, { description: 'All overdue ones together.' }) overdue: CountAndAmount;
  @Field(() => CountAndAmount, { description: 'All of them.' }) total: CountAndAmount;
}

@ObjectType({ description: 'Active client interests at one stage.' })
export class InterestsAtStage {
  /** The stage id; resolved to the stage by the resolver. */
  stageId: string;
  @Field(() => Int, { description: 'How many active interests are at this stage.' }) count: number;
  @Field(() => DecimalScalar, { description: 'Sum of their planned amounts.' }) amount: string;
  @Field(() => DecimalScalar, { description: 'Sum of planned amount × probability / 100 (each rounded to kopecks).' }) weightedAmount: string;
}

export enum SalesDeskScope {
  MINE = 'MINE',
  TEAM = 'TEAM',
  ALL = 'ALL',
}
registerEnumType(SalesDeskScope, {
  name: 'SalesDeskScope',
  description: 'Whose documents the Sales tab summarises.',
  valuesConfig: {
    MINE: { description: 'Mine (a manager).' },
    TEAM: { description: 'Mine and my subordinates’ (a supervisor).' },
    ALL: { description: 'Everyone’s (an administrator, or a role that reads everything).' },
  },
});

@ObjectType({ description: 'The Sales tab summary; each block is one query, within my scope.' })
export class SalesDesk {
  @Field(() => SalesDeskScope, { description: 'Whose documents it summarises.' }) scope: SalesDeskScope;
}

@ObjectType({ description: 'The result of sending a document.' })
export class DocumentSendResult {
  @Field(() => Event, { description: 'The outgoing letter recorded, based on the document.' }) event: Event;
  @Field({ description: 'True when the PDF was e-mailed (SMTP_URL configured); false when only the letter was recorded.' }) emailed: boolean;
  @Field(() => String, { nullable: true, description: 'The address it went (or would go) to.' }) to: string | null;
}

@ObjectType({ implements: CalendarItem, description: 'The expected payment of a posted, not fully paid invoice, on its due date (the whole day).' })
export class CalendarExpectedPayment extends CalendarItem {
  @Field(() => Invoice, { description: 'The invoice.' }) invoice: Invoice;
  @Field(() => LocalDateScalar, { description: 'The due date.' }) dueDate: string;
  @Field(() => DecimalScalar, { description: 'What remains to be paid.' }) amountDue: string;
}
