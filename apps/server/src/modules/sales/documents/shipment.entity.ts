import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { VatMode } from './documents.enums';
import { DocumentLineBase } from './document-line.base';

@ObjectType({ description: 'A shipment («Реализация товаров и услуг») based on an invoice; posting it writes the sales facts.' })
@Entity('shipments')
export class Shipment {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. SH-2026-000123.' })
  @Column('text')
  number: string;

  @Field(() => LocalDateScalar, { description: 'Date of the sale.' })
  @Column('date')
  date: string;

  @Field(() => ID, { description: 'The invoice it ships.' })
  @Column('uuid')
  invoiceId: string;

  @Field(() => ID, { nullable: true, description: 'The client interest of the invoice.' })
  @Column('uuid', { nullable: true })
  interestId: string | null;

  @Field(() => ID, { description: 'The buyer.' })
  @Column('uuid')
  counterpartyId: string;

  @Field(() => ID, { description: 'Our organization, the seller.' })
  @Column('uuid')
  organizationId: string;

  @Field(() => ID, { description: 'The manager the sale counts for.' })
  @Column('uuid')
  responsibleId: string;

  @Field(() => VatMode, { description: 'As on the invoice.' })
  @Column('text')
  vatMode: VatMode;

  @Field({ description: 'Posted: the sale is in the sales facts.' })
  @Column('boolean', { default: false })
  posted: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was posted.' })
  @Column('timestamptz', { nullable: true })
  postedAt: Date | null;

  @Field(() => DecimalScalar, { description: 'Sum of the line amounts.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;

  @Field(() => DecimalScalar, { description: 'Sum of the line VATs.' })
  @Column('numeric', { precision: 15, scale: 2 })
  vat: string;

  @Field(() => DecimalScalar, { description: 'Sum of the line totals.' })
  @Column('numeric', { precision: 15, scale: 2 })
  total: string;

  @Field(() => String, { nullable: true, description: 'Free comment.' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version.' })
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

@ObjectType({ description: 'A line of a shipment: part or all of an invoice line.' })
@Entity('shipment_lines')
export class ShipmentLine extends DocumentLineBase {
  @Column('uuid')
  shipmentId: string;

  @Field(() => ID, { description: 'The invoice line it ships.' })
  @Column('uuid')
  invoiceLineId: string;
}

@ObjectType({ description: 'A row of the sales register written by a posted shipment line (for the analytics).' })
export class SalesFact {
  @Field(() => LocalDateScalar, { description: 'Date of the sale.' }) date: string;
  @Field(() => Int, { description: 'Line of the shipment.' }) line: number;
  @Field(() => ID, { description: 'The product.' }) productId: string;
  @Field(() => ID, { description: 'The buyer.' }) counterpartyId: string;
  @Field(() => ID, { description: 'The manager the sale counts for.' }) managerId: string;
  @Field(() => DecimalScalar, { description: 'Quantity sold.' }) quantity: string;
  @Field(() => DecimalScalar, { description: 'Revenue without VAT.' }) revenueWithoutVat: string;
  @Field(() => DecimalScalar, { description: 'VAT.' }) vat: string;
  @Field(() => DecimalScalar, { description: 'Revenue with VAT.' }) revenue: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Cost: quantity × the product’s cost price; null when it has none.' }) cost: string | null;
}
