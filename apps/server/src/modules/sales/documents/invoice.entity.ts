import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { VatMode } from './documents.enums';
import { DocumentLineBase } from './document-line.base';

@ObjectType({ description: 'An invoice for payment («Счет на оплату покупателю»); its payment state is derived from the payments allocated to it.' })
@Entity('invoices')
export class Invoice {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. INV-2026-000123.' })
  @Column('text')
  number: string;

  @Field(() => LocalDateScalar, { description: 'Document date.' })
  @Column('date')
  date: string;

  @Field(() => ID, { nullable: true, description: 'The client interest it belongs to.' })
  @Column('uuid', { nullable: true })
  interestId: string | null;

  @Field(() => ID, { nullable: true, description: 'The commercial offer it is based on.' })
  @Column('uuid', { nullable: true })
  offerId: string | null;

  @Field(() => ID, { description: 'The buyer.' })
  @Column('uuid')
  counterpartyId: string;

  @Field(() => ID, { nullable: true, description: 'The buyer’s contact person.' })
  @Column('uuid', { nullable: true })
  contactPersonId: string | null;

  @Field(() => ID, { description: 'Our organization, the supplier.' })
  @Column('uuid')
  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'Our bank account the buyer pays to.' })
  @Column('uuid', { nullable: true })
  bankAccountId: string | null;

  @Field(() => ID, { description: 'The manager responsible for it (and for collecting the payment).' })
  @Column('uuid')
  responsibleId: string;

  @Field(() => VatMode, { description: 'Whether VAT is included in the prices or added on top.' })
  @Column('text')
  vatMode: VatMode;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When payment is expected («Оплатить не позднее»).' })
  @Column('date', { nullable: true })
  paymentDueDate: string | null;

  @Field({ description: 'Posted («проведен»): a real claim on the buyer, open to payments and shipments.' })
  @Column('boolean', { default: false })
  posted: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was posted.' })
  @Column('timestamptz', { nullable: true })
  postedAt: Date | null;

  @Field(() => DecimalScalar, { description: 'Sum of the line amounts («Итого»).' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;

  @Field(() => DecimalScalar, { description: 'Sum of the line VATs.' })
  @Column('numeric', { precision: 15, scale: 2 })
  vat: string;

  @Field(() => DecimalScalar, { description: 'Sum of the line totals («Всего к оплате»).' })
  @Column('numeric', { precision: 15, scale: 2 })
  total: string;

  @Field(() => String, { nullable: true, description: 'Free comment, printed under the table.' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

@ObjectType({ description: 'A line of an invoice.' })
@Entity('invoice_lines')
export class InvoiceLine extends DocumentLineBase {
  @Column('uuid')
  invoiceId: string;
}
