import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { InterestState } from './interests.enums';

@ObjectType({ description: 'A client interest («Интерес клиента»): a deal from first contact to its result.' })
@Entity('client_interests')
export class ClientInterest {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. CI-2026-000123.' })
  @Column('text')
  number: string;

  @Field(() => LocalDateScalar, { description: 'Document date.' })
  @Column('date')
  date: string;

  @Field(() => ID, { description: 'The client.' })
  @Column('uuid')
  counterpartyId: string;

  @Field(() => ID, { nullable: true, description: "The client's contact person." })
  @Column('uuid', { nullable: true })
  contactPersonId: string | null;

  @Field(() => ID, { description: 'The manager responsible for it.' })
  @Column('uuid')
  responsibleId: string;

  @Field(() => ID, { description: 'Its sales scenario.' })
  @Column('uuid')
  scenarioId: string;

  @Field(() => ID, { description: 'Its current stage.' })
  @Column('uuid')
  stageId: string;

  @Field(() => InterestState, { description: 'Active, won, lost or suspended.' })
  @Column('text')
  state: InterestState;

  @Field(() => Int, { description: 'Probability of winning, 0 to 100 (the stage default unless changed).' })
  @Column('int')
  probability: number;

  @Field(() => DecimalScalar, { description: 'Expected deal size in rubles (the sum of its lines unless given).' })
  @Column('numeric', { precision: 15, scale: 2 })
  plannedAmount: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the deal is expected to close.' })
  @Column('date', { nullable: true })
  plannedCloseDate: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was won or lost.' })
  @Column('date', { nullable: true })
  actualCloseDate: string | null;

  @Field({ description: "The client's need («Потребность»)." })
  @Column('text')
  need: string;

  @Field(() => ID, { nullable: true, description: 'Why it was lost (set when LOST).' })
  @Column('uuid', { nullable: true })
  lossReasonId: string | null;

  @Field(() => String, { nullable: true, description: 'Comment on the loss.' })
  @Column('text', { nullable: true })
  lossComment: string | null;

  @Field(() => ID, { nullable: true, description: 'Where the client heard of us.' })
  @Column('uuid', { nullable: true })
  informationSourceId: string | null;

  @Field({ description: 'Marked for deletion: hidden from lists and the board, restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating or moving.' })
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

@ObjectType({ description: 'A product line of a client interest: what the client wants, how many, at what price.' })
@Entity('client_interest_lines')
export class ClientInterestLine {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  interestId: string;

  @Field(() => Int, { description: 'Line number, from 1.' })
  @Column('int')
  lineNo: number;

  @Field(() => ID, { description: 'The catalog item.' })
  @Column('uuid')
  productId: string;

  @Field(() => DecimalScalar, { description: 'Quantity (up to 3 digits after the point).' })
  @Column('numeric', { precision: 15, scale: 3 })
  quantity: string;

  @Field(() => DecimalScalar, { description: 'Price per unit.' })
  @Column('numeric', { precision: 15, scale: 2 })
  price: string;

  @Field(() => DecimalScalar, { description: 'Quantity × price, rounded to kopecks.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;
}

@ObjectType({ description: 'One stage or state change of a client interest (the funnel report is built from these).' })
@Entity('client_interest_stage_history')
export class ClientInterestStageChange {
  @Field(() => ID, { description: 'Sequence number of the change (ascending in time).' })
  @PrimaryColumn({ type: 'bigint', insert: false, update: false })
  id: string;

  @Field(() => ID, { description: 'The interest.' })
  @Column('uuid')
  interestId: string;

  @Field({ description: 'When it happened.' })
  @Column('timestamptz')
  at: Date;

  @Field(() => ID, { nullable: true, description: 'Who made the change.' })
  @Column('uuid', { nullable: true })
  userId: string | null;

  @Field(() => ID, { nullable: true, description: 'The stage before; null for the creation.' })
  @Column('uuid', { nullable: true })
  fromStageId: string | null;

  @Field(() => ID, { description: 'The stage after.' })
  @Column('uuid')
  toStageId: string;

  @Field(() => InterestState, { nullable: true, description: 'The state before; null for the creation.' })
  @Column('text', { nullable: true })
  fromState: InterestState | null;

  @Field(() => InterestState, { description: 'The state after.' })
  @Column('text')
  toState: InterestState;

  @Field(() => DecimalScalar, { description: 'Planned amount at that moment.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;

  @Field(() => Int, { description: 'Probability after the change.' })
  @Column('int')
  probability: number;
}
