import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { AuditAction, AuditEntry } from './audit-entry.entity';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', 'audit entry');

@ObjectType({ description: 'An object the user created or changed recently (the desktop\'s "recent objects").' })
export class RecentObject {
  @Field({ description: 'Type of the object, e.g. `Counterparty`.' }) entityType: string;
  @Field(() => ID, { description: 'Id of the object.' }) entityId: string;
  @Field({ description: 'Its name at the time of the change.' }) label: string;
  @Field({ description: 'When the user last changed it.' }) at: Date;
  @Field(() => AuditAction, { description: 'What the user last did with it.' }) action: AuditAction;
}
