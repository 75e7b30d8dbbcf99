import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { CommercialOfferState, VatMode } from './documents.enums';
import { DocumentLineBase } from './document-line.base';

@ObjectType({ description: 'A commercial offer («Коммерческое предложение»): goods and prices proposed to a client, usually based on a client interest.' })
@Entity('commercial_offers')
export class CommercialOffer {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. CO-2026-000123.' })
  @Column('text')
  number: string;

  @Field(() => LocalDateScalar, { description: 'Document date.' })
  @Column('date')
  date: string;

  @Field(() => ID, { nullable: true, description: 'The client interest it is based on.' })
  @Column('uuid', { nullable: true })
  interestId: string | null;

  @Field(() => ID, { description: 'The client.' })
  @Column('uuid')
  counterpartyId: string;

  @Field(() => ID, { nullable: true, description: 'The contact person it is addressed to.' })
  @Column('uuid', { nullable: true })
  contactPersonId: string | null;

  @Field(() => ID, { description: 'Our organization making the offer.' })
  @Column('uuid')
  organizationId: string;

  @Field(() => ID, { description: 'The manager responsible for it.' })
  @Column('uuid')
  responsibleId: string;

  /** The stored state; EXPIRED is never stored (see `effectiveState`). */
  @Field(() => CommercialOfferState, { description: 'Stored state: DRAFT, SENT, ACCEPTED or REJECTED (see `effectiveState` for EXPIRED).' })
  @Column('text')
  state: CommercialOfferState;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the offer is valid.' })
  @Column('date', { nullable: true })
  validUntil: string | null;

  @Field(() => VatMode, { description: 'Whether VAT is included in the prices or added on top.' })
  @Column('text')
  vatMode: VatMode;

  @Field(() => DecimalScalar, { description: 'Sum of the line amounts.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;

  @Field(() => DecimalScalar, { description: 'Sum of the line VATs.' })
  @Column('numeric', { precision: 15, scale: 2 })
  vat: string;

  @Field(() => DecimalScalar, { description: 'Sum of the line totals: what the client would pay.' })
  @Column('numeric', { precision: 15, scale: 2 })
  total: string;

  @Field(() => String, { nullable: true, description: 'Payment terms.' })
  @Column('text', { nullable: true })
  paymentTerms: string | null;

  @Field(() => String, { nullable: true, description: 'Delivery terms.' })
  @Column('text', { nullable: true })
  deliveryTerms: string | null;

  @Field(() => String, { nullable: true, description: 'Free comment, printed under the table.' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was (first) marked sent.' })
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the client’s answer (accepted or rejected) was recorded.' })
  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

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

@ObjectType({ description: 'A line of a commercial offer.' })
@Entity('commercial_offer_lines')
export class CommercialOfferLine extends DocumentLineBase {
  @Column('uuid')
  offerId: string;
}
