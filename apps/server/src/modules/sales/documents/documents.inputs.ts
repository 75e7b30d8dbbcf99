import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { VatRate } from '../catalog/catalog.enums';
import { CommercialOfferState, InvoicePaymentState, VatMode } from './documents.enums';

export const MAX_DOCUMENT_LINES = 200;
export const MAX_ALLOCATIONS = 100;

@InputType({ description: 'A line of an offer or an invoice.' })
export class DocumentLineInput {
  @Field(() => ID, { description: 'The catalog item (not marked for deletion).' }) @IsUUID('all', { message: 'Not a valid product id' }) productId: string;
  @Field(() => DecimalScalar, { description: 'Quantity, > 0, up to 3 digits after the point.' }) quantity: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Price per unit, ≥ 0, up to 2 digits after the point; the product's price by default." })
  @IsOptional()
  price?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Discount in percent, 0 to 100, up to 2 digits after the point; none by default.' })
  @IsOptional()
  discountPercent?: string | null;
  @Field(() => VatRate, { nullable: true, description: "VAT rate; the product's rate by default." }) @IsOptional() vatRate?: VatRate | null;
}

@InputType({ description: 'A new commercial offer: based on a client interest (its client and lines are copied) or for a counterparty.' })
export class CreateCommercialOfferInput {
  @Field(() => ID, { nullable: true, description: 'The client interest it is based on; its client, contact and lines are taken unless given.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid client interest id' })
  basedOnInterestId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The client, when not based on an interest.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Contact person of the client.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field(() => [DocumentLineInput], { nullable: true, description: `Lines (at most ${MAX_DOCUMENT_LINES}); copied from the interest when omitted.` })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENT_LINES, { message: `At most ${MAX_DOCUMENT_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: DocumentLineInput[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the offer is valid; not before its date.' }) @IsOptional() validUntil?: string | null;
  @Field(() => VatMode, { nullable: true, description: 'INCLUDED (default) or ADDED.' }) @IsOptional() vatMode?: VatMode | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Document date; today (in my time zone) by default.' }) @IsOptional() date?: string | null;
  @Field(() => ID, { nullable: true, description: 'Our organization; the default one by default.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid organization id' }) organizationId?: string | null;
  @Field(() => ID, { nullable: true, description: "Responsible manager; the interest's (or mine) by default." }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string | null;
  @Field(() => String, { nullable: true, description: 'Payment terms.' }) @IsOptional() @MaxLength(2000) paymentTerms?: string | null;
  @Field(() => String, { nullable: true, description: 'Delivery terms.' }) @IsOptional() @MaxLength(2000) deliveryTerms?: string | null;
  @Field(() => String, { nullable: true, description: 'Comment printed under the table.' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}

@InputType({ description: 'Changes to a draft commercial offer; omitted fields stay as they are, null clears.' })
export class UpdateCommercialOfferInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => ID, { nullable: true, description: 'Contact person; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field(() => [DocumentLineInput], { nullable: true, description: 'Lines, replacing all the current ones (at least one).' })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENT_LINES, { message: `At most ${MAX_DOCUMENT_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: DocumentLineInput[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the offer is valid; null removes it.' }) @IsOptional() validUntil?: string | null;
  @Field(() => VatMode, { nullable: true, description: 'INCLUDED or ADDED; the lines are recomputed.' }) @IsOptional() vatMode?: VatMode | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Document date (within the year of its number).' }) @IsOptional() date?: string | null;
  @Field(() => ID, { nullable: true, description: 'Our organization.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid organization id' }) organizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Payment terms.' }) @IsOptional() @MaxLength(2000) paymentTerms?: string | null;
  @Field(() => String, { nullable: true, description: 'Delivery terms.' }) @IsOptional() @MaxLength(2000) deliveryTerms?: string | null;
  @Field(() => String, { nullable: true, description: 'Comment.' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}

@InputType({ description: 'Filter of the commercial offer list.' })
export class CommercialOfferFilter {
  @Field(() => CommercialOfferState, { nullable: true, description: 'Only this state; EXPIRED means sent, unanswered and past its date (SENT then excludes those).' })
  @IsOptional()
  state?: CommercialOfferState;
  @Field(() => ID, { nullable: true, description: 'Only this client.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only offers of this client interest.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid client interest id' }) interestId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this responsible manager.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field({ nullable: true, description: 'Fragment of the number.' }) @IsOptional() @MaxLength(100) search?: string;
}

@InputType({ description: 'A new invoice: based on a commercial offer or a client interest (copying client and lines), or for a counterparty.' })
export class CreateInvoiceInput {
  @Field(() => ID, { nullable: true, description: 'The commercial offer it is based on.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid commercial offer id' }) basedOnOfferId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The client interest it is based on.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid client interest id' }) basedOnInterestId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The buyer, when based on nothing.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Contact person of the buyer.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field(() => [DocumentLineInput], { nullable: true, description: `Lines (at most ${MAX_DOCUMENT_LINES}); copied from the basis when omitted.` })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENT_LINES, { message: `At most ${MAX_DOCUMENT_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: DocumentLineInput[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected payment date; not before the invoice date.' }) @IsOptional() paymentDueDate?: string | null;
  @Field(() => VatMode, { nullable: true, description: "INCLUDED or ADDED; the offer's, else INCLUDED, by default." }) @IsOptional() vatMode?: VatMode | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Document date; today (in my time zone) by default.' }) @IsOptional() date?: string | null;
  @Field(() => ID, { nullable: true, description: "Our organization; the offer's or the default one by default." }) @IsOptional() @IsUUID('all', { message: 'Not a valid organization id' }) organizationId?: string | null;
  @Field(() => ID, { nullable: true, description: "Our bank account (of that organization); its default account by default." })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid bank account id' })
  bankAccountId?: string | null;
  @Field(() => ID, { nullable: true, description: "Responsible manager; the basis's (or mine) by default." }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string | null;
  @Field(() => String, { nullable: true, description: 'Comment printed under the table.' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}

@InputType({ description: 'Changes to an unposted invoice; omitted fields stay as they are, null clears.' })
export class UpdateInvoiceInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => ID, { nullable: true, description: 'Contact person; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field(() => [DocumentLineInput], { nullable: true, description: 'Lines, replacing all the current ones (at least one).' })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENT_LINES, { message: `At most ${MAX_DOCUMENT_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: DocumentLineInput[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected payment date; null removes it.' }) @IsOptional() paymentDueDate?: string | null;
  @Field(() => VatMode, { nullable: true, description: 'INCLUDED or ADDED; the lines are recomputed.' }) @IsOptional() vatMode?: VatMode | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Document date (within the year of its number).' }) @IsOptional() date?: string | null;
  @Field(() => ID, { nullable: true, description: 'Our organization (its default account is taken unless one is given).' }) @IsOptional() @IsUUID('all', { message: 'Not a valid organization id' }) organizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Our bank account; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid bank account id' }) bankAccountId?: string | null;
  @Field(() => String, { nullable: true, description: 'Comment.' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}

@InputType({ description: 'Filter of the invoice list.' })
export class InvoiceFilter {
  @Field(() => InvoicePaymentState, { nullable: true, description: 'Only this payment state.' }) @IsOptional() paymentState?: InvoicePaymentState;
  @Field({ nullable: true, description: 'True: only posted, not fully paid invoices past their due date; false: none of those.' }) @IsOptional() overdue?: boolean;
  @Field(() => Int, { nullable: true, description: 'Only overdue invoices at least this many days past their due date (1 or more; the ageing buckets are 1–7, 8–30, 31–60, 61 and over).' })
  @IsOptional()
  @Min(1, { message: 'At least 1 day' })
  minDaysOverdue?: number;
  @Field(() => Int, { nullable: true, description: 'Only overdue invoices at most this many days past their due date (1 or more, not below minDaysOverdue).' })
  @IsOptional()
  @Min(1, { message: 'At least 1 day' })
  maxDaysOverdue?: number;
  @Field({ nullable: true, description: 'Only posted (true) or unposted (false) invoices.' }) @IsOptional() posted?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only this buyer.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only invoices of this client interest.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid client interest id' }) interestId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this responsible manager.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field({ nullable: true, description: 'Fragment of the number.' }) @IsOptional() @MaxLength(100) search?: string;
}

@InputType({ description: 'The part of a payment that goes to one invoice.' })
export class PaymentAllocationInput {
  @Field(() => ID, { description: 'A posted invoice of the same counterparty.' }) @IsUUID('all', { message: 'Not a valid invoice id' }) invoiceId: string;
  @Field(() => DecimalScalar, { description: 'Amount, > 0, at most what remains unpaid on the invoice.' }) amount: string;
}

@InputType({ description: 'A payment received from a counterparty.' })
export class CreatePaymentInput {
  @Field(() => ID, { description: 'Who paid (a counterparty in my scope).' }) @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId: string;
  @Field(() => DecimalScalar, { description: 'Amount received, > 0.' }) amount: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the money came in; today by default.' }) @IsOptional() date?: string | null;
  @Field(() => [PaymentAllocationInput], { nullable: true, description: `To which invoices it goes (at most ${MAX_ALLOCATIONS}); together at most the amount. What is left stays unallocated (an advance).` })
  @IsOptional()
  @ArrayMaxSize(MAX_ALLOCATIONS, { message: `At most ${MAX_ALLOCATIONS} allocations` })
  @ValidateNested({ each: true })
  allocations?: PaymentAllocationInput[] | null;
  @Field(() => String, { nullable: true, description: 'Comment (e.g. the bank statement line).' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}

@InputType({ description: 'Cancelling a payment.' })
export class CancelPaymentInput {
  @Field({ description: 'Why it is cancelled.' }) @Length(1, 2000, { message: 'Give the reason' }) reason: string;
}

@InputType({ description: 'Filter of the payment list.' })
export class PaymentFilter {
  @Field(() => ID, { nullable: true, description: 'Only this counterparty.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only payments allocated to this invoice.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid invoice id' }) invoiceId?: string;
  @Field({ nullable: true, description: 'True: cancelled payments too (hidden by default).' }) @IsOptional() includeCancelled?: boolean;
  @Field({ nullable: true, description: 'Fragment of the number.' }) @IsOptional() @MaxLength(100) search?: string;
}

@InputType({ description: 'How much of an invoice line to ship.' })
export class ShipmentLineInput {
  @Field(() => ID, { description: 'The invoice line.' }) @IsUUID('all', { message: 'Not a valid invoice line id' }) invoiceLineId: string;
  @Field(() => DecimalScalar, { description: 'Quantity, > 0, at most what is left to ship of the line.' }) quantity: string;
}

@InputType({ description: 'A new shipment of a posted invoice.' })
export class CreateShipmentInput {
  @Field(() => ID, { description: 'The posted invoice it ships.' }) @IsUUID('all', { message: 'Not a valid invoice id' }) basedOnInvoiceId: string;
  @Field(() => [ShipmentLineInput], { nullable: true, description: 'What to ship; everything not yet shipped by default.' })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENT_LINES, { message: `At most ${MAX_DOCUMENT_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: ShipmentLineInput[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the sale; today by default.' }) @IsOptional() date?: string | null;
  @Field(() => String, { nullable: true, description: 'Comment.' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}

@InputType({ description: 'Filter of the shipment list.' })
export class ShipmentFilter {
  @Field({ nullable: true, description: 'Only posted (true) or unposted (false) shipments.' }) @IsOptional() posted?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only this buyer.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only shipments of this invoice.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid invoice id' }) invoiceId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this responsible manager.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field({ nullable: true, description: 'Fragment of the number.' }) @IsOptional() @MaxLength(100) search?: string;
}

@InputType({ description: 'Sending a document by e-mail.' })
export class SendDocumentInput {
  @Field(() => String, { nullable: true, description: "Recipient's e-mail; the contact person's (else the client's) e-mail by default." })
  @IsOptional()
  @IsEmail({}, { message: 'Not a valid e-mail address' })
  to?: string | null;
  @Field(() => String, { nullable: true, description: 'Text of the letter.' }) @IsOptional() @MaxLength(5000) comment?: string | null;
}
