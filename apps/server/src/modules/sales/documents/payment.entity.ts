import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';

@ObjectType({ description: 'A payment receipt («Поступление оплаты»): money from a counterparty, allocated to one or more of its invoices.' })
@Entity('payments')
export class Payment {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. PAY-2026-000123.' })
  @Column('text')
  number: string;

  @Field(() => LocalDateScalar, { description: 'When the money came in.' })
  @Column('date')
  date: string;

  @Field(() => ID, { description: 'Who paid.' })
  @Column('uuid')
  counterpartyId: string;

  @Field(() => DecimalScalar, { description: 'The amount received.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;

  @Field(() => String, { nullable: true, description: 'Free comment (e.g. the bank statement line).' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field({ description: 'Cancelled: its allocations no longer count; kept, with its number, for the record.' })
  @Column('boolean', { default: false })
  cancelled: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Column('text', { nullable: true })
  cancelReason: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was registered.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who registered it.' })
  @Column('uuid', { nullable: true })
  createdById: string | null;
}

@ObjectType({ description: 'The part of a payment that pays one invoice.' })
@Entity('payment_allocations')
export class PaymentAllocation {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The payment.' })
  @Column('uuid')
  paymentId: string;

  @Field(() => ID, { description: 'The invoice it pays.' })
  @Column('uuid')
  invoiceId: string;

  @Field(() => DecimalScalar, { description: 'How much of the payment goes to the invoice.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;
}
