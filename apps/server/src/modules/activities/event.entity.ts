import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CrmObjectType, EventDirection, EventKind, EventState, Importance } from './activities.enums';

@ObjectType({ description: 'A planned or completed interaction: a call, meeting, trip, letter, e-mail («Событие»).' })
@Entity('events')
export class Event {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Document number, unique per year, e.g. EV-2026-000123.' })
  @Column('text')
  number: string;

  @Field(() => EventKind, { description: 'Kind of interaction.' })
  @Column('text')
  kind: EventKind;

  @Field(() => EventDirection, { description: 'Incoming or outgoing.' })
  @Column('text')
  direction: EventDirection;

  @Field(() => EventState, { description: 'Planned, completed or cancelled.' })
  @Column('text')
  state: EventState;

  @Field({ description: 'What it is about, shown in lists.' })
  @Column('text')
  subject: string;

  @Field(() => String, { nullable: true, description: 'Details: agenda, text of the letter, notes.' })
  @Column('text', { nullable: true })
  content: string | null;

  @Field(() => String, { nullable: true, description: 'What came of it (filled when completed).' })
  @Column('text', { nullable: true })
  result: string | null;

  @Field(() => Importance, { description: 'Importance.' })
  @Column('text')
  importance: Importance;

  @Field({ description: 'When it starts (UTC).' })
  @Column('timestamptz', { name: 'start_at' })
  start: Date;

  @Field(() => Date, { nullable: true, description: 'When it ends (UTC); empty for a moment in time.' })
  @Column('timestamptz', { name: 'end_at', nullable: true })
  end: Date | null;

  @Field(() => ID, { nullable: true, description: 'The counterparty it involves.' })
  @Column('uuid', { nullable: true })
  counterpartyId: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact person it involves.' })
  @Column('uuid', { nullable: true })
  contactPersonId: string | null;

  @Field(() => ID, { description: 'Who is responsible for it.' })
  @Column('uuid')
  responsibleId: string;

  @Column('text', { nullable: true })
  basedOnType: CrmObjectType | null;

  @Column('uuid', { nullable: true })
  basedOnId: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Column('text', { nullable: true })
  cancelReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was completed.' })
  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

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

/** A planned event whose end (or start, for a moment) has passed is overdue everywhere. */
export const isOverdue = (e: Pick<Event, 'state' | 'start' | 'end'>, now = new Date()) =>
  e.state === EventState.PLANNED && (e.end ?? e.start).getTime() < now.getTime();

/** The same rule in SQL, for filters and counts (alias `e`). */
export const OVERDUE_SQL = (e = 'e') => `(${e}.state = 'PLANNED' AND coalesce(${e}.end_at, ${e}.start_at) < now())`;
