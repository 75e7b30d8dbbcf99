import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  MARK_FOR_DELETION = 'MARK_FOR_DELETION',
  RESTORE = 'RESTORE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, { name: 'AuditAction', description: 'What happened to an object.' });

@ObjectType({ description: 'One changed field: its old and new value.' })
export class FieldChange {
  @Field({ description: 'Field name as in the API, e.g. `name` or `contactInfo`.' })
  field: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value before the change.' })
  old: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value after the change.' })
  new: unknown;
}

/** Append-only log of changes, written in the same transaction as the change itself. */
@ObjectType({ description: 'A change of an object: who, when, which fields, old and new values.' })
@Entity('audit_log')
export class AuditEntry {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Order of writing: changes of one object are serialised by its row lock, so this is their true order. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Field({ description: 'When the change was made.' })
  @Column('timestamptz')
  at: Date;

  @Field(() => ID, { nullable: true, description: 'Who made the change (empty for the system).' })
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Field({ description: 'Type of the changed object, e.g. `Counterparty`.' })
  @Column('text')
  entityType: string;

  @Field(() => ID, { description: 'Id of the changed object.' })
  @Column('uuid')
  entityId: string;

  @Field({ description: 'Presentation of the object at the time (its name).' })
  @Column('text')
  entityLabel: string;

  @Field(() => AuditAction, { description: 'What happened.' })
  @Column('text')
  action: AuditAction;

  @Field(() => [FieldChange], { description: 'Changed fields with old and new values.' })
  @Column('jsonb', { default: () => "'[]'" })
  changes: FieldChange[];
}
