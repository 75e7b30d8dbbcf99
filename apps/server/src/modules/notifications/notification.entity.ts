import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CrmObjectType } from '../activities/activities.enums';

/** What a notification is about; modules add their kinds here. */
export enum NotificationKind {
  CLIENT_REQUEST_CRITICAL = 'CLIENT_REQUEST_CRITICAL',
  CLIENT_REQUEST_ESCALATED = 'CLIENT_REQUEST_ESCALATED',
  CLIENT_REQUEST_ASSIGNED = 'CLIENT_REQUEST_ASSIGNED',
  CLIENT_REQUEST_CONFIRMATION_NEEDED = 'CLIENT_REQUEST_CONFIRMATION_NEEDED',
  PROCESS_TASK_ASSIGNED = 'PROCESS_TASK_ASSIGNED',
  PROCESS_TASK_OVERDUE = 'PROCESS_TASK_OVERDUE',
  OTHER = 'OTHER',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    CLIENT_REQUEST_CRITICAL: { description: 'A request of a subordinate was marked critical: take it under control.' },
    CLIENT_REQUEST_ESCALATED: { description: 'A reaction or resolution deadline of a request was breached.' },
    CLIENT_REQUEST_ASSIGNED: { description: 'Someone else made you responsible for a request.' },
    CLIENT_REQUEST_CONFIRMATION_NEEDED: { description: 'A critical request was resolved and waits for your confirmation to be closed.' },
    PROCESS_TASK_ASSIGNED: { description: 'A business process gave you a task (or a colleague redirected one to you).' },
    PROCESS_TASK_OVERDUE: { description: 'A business-process task of a subordinate (or your own) is overdue.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'A message of the notification centre, to one user; pushed to their open tabs when created.' })
@Entity('notifications')
export class Notification {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'Whose it is; only they see it.' })
  @Column('uuid')
  userId: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  @Column('text')
  kind: NotificationKind;

  @Field({ description: 'The headline, plain text.' })
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true, description: 'More detail, plain text.' })
  @Column('text', { nullable: true })
  body: string | null;

  @Column('text', { nullable: true })
  objectType: CrmObjectType | null;

  @Column('uuid', { nullable: true })
  objectId: string | null;

  @Field({ description: 'When it was created.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its user marked it read; null while unread.' })
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
