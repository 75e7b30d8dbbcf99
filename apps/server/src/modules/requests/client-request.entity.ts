import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ClientRequestChannel, ClientRequestKind, ClientRequestPriority, ClientRequestState } from './requests.enums';

@ObjectType({ description: 'A client request or claim («Обращение клиента»), with SLA deadlines counted in working time.' })
@Entity('client_requests')
export class ClientRequest {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. CR-2026-000123.' })
  @Column('text')
  number: string;

  @Field({ description: 'When it was registered: the document date, and where the SLA clock starts.' })
  @Column('timestamptz')
  registeredAt: Date;

  @Field(() => ClientRequestKind, { description: 'Question, claim or service.' })
  @Column('text')
  kind: ClientRequestKind;

  @Field(() => ClientRequestChannel, { description: 'How it reached us.' })
  @Column('text')
  channel: ClientRequestChannel;

  @Field({ description: 'What it is about, shown in lists.' })
  @Column('text')
  subject: string;

  @Field(() => String, { nullable: true, description: 'The client\'s words: the problem or the question, plain text.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => ID, { nullable: true, description: 'The client.' })
  @Column('uuid', { nullable: true })
  counterpartyId: string | null;

  @Field(() => ID, { nullable: true, description: 'Who at the client contacted us.' })
  @Column('uuid', { nullable: true })
  contactPersonId: string | null;

  @Field(() => ID, { nullable: true, description: 'The product it concerns.' })
  @Column('uuid', { nullable: true })
  productId: string | null;

  @Field(() => ID, { description: 'Who is responsible for it.' })
  @Column('uuid')
  responsibleId: string;

  @Field(() => ClientRequestPriority, { description: 'Priority.' })
  @Column('text')
  priority: ClientRequestPriority;

  @Field({ description: 'A critical («проблемное») request: under the supervisor\'s control; closed only with their confirmation.' })
  @Column('boolean', { default: false })
  critical: boolean;

  @Field(() => ClientRequestState, { description: 'Where it is in its life cycle.' })
  @Column('text')
  state: ClientRequestState;

  @Field(() => String, { nullable: true, description: 'The solution given to the client, plain text.' })
  @Column('text', { nullable: true })
  solution: string | null;

  @Field(() => ID, { nullable: true, description: 'The knowledge-base article applied in the solution.' })
  @Column('uuid', { nullable: true })
  knowledgeArticleId: string | null;

  @Field(() => Int, { nullable: true, description: "The client's satisfaction with the solution, 1 (bad) to 5 (excellent)." })
  @Column('smallint', { nullable: true })
  satisfaction: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Column('text', { nullable: true })
  rejectReason: string | null;

  @Field(() => Int, { description: 'Reaction time allowed by the SLA rule, in working minutes.' })
  @Column('int')
  reactionMinutes: number;

  @Field(() => Int, { description: 'Resolution time allowed by the SLA rule, in working minutes.' })
  @Column('int')
  resolutionMinutes: number;

  @Field(() => Int, { description: 'Working minutes the SLA clock was paused (waiting for the client, resolved before a reopening).' })
  @Column('int', { default: 0 })
  pausedMinutes: number;

  @Field(() => Date, { nullable: true, description: 'Since when the clock is paused (while WAITING_FOR_CLIENT).' })
  @Column('timestamptz', { nullable: true })
  pausedAt: Date | null;

  @Field({ description: 'By when someone must take it into work.' })
  @Column('timestamptz')
  reactionDeadline: Date;

  @Column('timestamptz')
  reactionWarningAt: Date;

  @Field({ description: 'By when it must be resolved; moves later by the time the clock was paused.' })
  @Column('timestamptz')
  resolutionDeadline: Date;

  @Column('timestamptz')
  resolutionWarningAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was first taken into work (the reaction).' })
  @Column('timestamptz', { nullable: true })
  reactedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved.' })
  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the breached reaction deadline was escalated to the supervisor.' })
  @Column('timestamptz', { nullable: true })
  reactionEscalatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the breached resolution deadline was escalated to the supervisor.' })
  @Column('timestamptz', { nullable: true })
  resolutionEscalatedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who confirmed the closure (the supervisor or an administrator).' })
  @Column('uuid', { nullable: true })
  closureConfirmedById: string | null;

  @Field(() => Date, { nullable: true, description: 'When the closure was confirmed.' })
  @Column('timestamptz', { nullable: true })
  closureConfirmedAt: Date | null;

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
