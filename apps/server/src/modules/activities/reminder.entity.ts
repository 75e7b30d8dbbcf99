import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CrmObjectType, ReminderState } from './activities.enums';

@ObjectType({ description: "A user's reminder about an object, fired once at its time and pushed to the user's open tabs." })
@Entity('reminders')
export class Reminder {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'Whose reminder it is; only they see it.' })
  @Column('uuid')
  userId: string;

  @Field({ description: 'What to remind of.' })
  @Column('text')
  text: string;

  @Field({ description: 'When it fires (UTC).' })
  @Column('timestamptz')
  remindAt: Date;

  @Field(() => ReminderState, { description: 'Waiting, due (fired), or dismissed.' })
  @Column('text')
  state: ReminderState;

  @Field(() => Date, { nullable: true, description: 'When it fired.' })
  @Column('timestamptz', { nullable: true })
  firedAt: Date | null;

  @Column('text', { nullable: true })
  subjectType: CrmObjectType | null;

  @Column('uuid', { nullable: true })
  subjectId: string | null;

  @Field(() => Int, { nullable: true, description: "Minutes before the subject's date (relative reminders, e.g. an event's start)." })
  @Column('int', { nullable: true })
  offsetMinutes: number | null;

  @Field({ description: 'When it was created.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
