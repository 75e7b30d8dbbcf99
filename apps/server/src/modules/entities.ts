import { User } from './auth/user.entity';
import { Session } from './auth/session.entity';
import { ApiToken } from './auth/api-token.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { Counterparty, CounterpartyGroup } from './contacts/counterparty.entity';
import { ContactPerson } from './contacts/contact-person.entity';
import { ContactInfo, ContactInfoKind } from './contacts/contact-info.entity';
import { Event } from './activities/event.entity';
import { Reminder } from './activities/reminder.entity';

/** Every TypeORM entity of every module. */
export const entities = [User, Session, ApiToken, AuditEntry, Counterparty, CounterpartyGroup, ContactPerson, ContactInfo, ContactInfoKind, Event, Reminder];
