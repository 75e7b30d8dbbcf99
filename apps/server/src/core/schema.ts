import path from 'node:path';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from './pubsub';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { UserResolver } from '../modules/auth/user.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { CounterpartyResolver } from '../modules/contacts/counterparty.resolver';
import { ContactPersonResolver } from '../modules/contacts/contact-person.resolver';
import { ContactInfoResolver } from '../modules/contacts/contact-info.resolver';
import { SearchResolver } from '../modules/contacts/search.resolver';
import { EventResolver } from '../modules/activities/event.resolver';
import { ReminderResolver } from '../modules/activities/reminder.resolver';
import { ObjectRefResolver } from '../modules/activities/object-ref.resolver';
import { CalendarResolver, calendarTypes } from '../modules/activities/calendar.resolver';
import { CounterpartyActivityResolver, ContactPersonActivityResolver } from '../modules/activities/contacts-activity.resolver';
import { ProductGroupResolver, ProductResolver } from '../modules/sales/catalog/product.resolver';
import { BankAccountResolver, OrganizationResolver } from '../modules/sales/catalog/organization.resolver';
import { SalesScenarioResolver, SalesStageResolver } from '../modules/sales/interests/sales-scenario.resolver';
import {
  ClientInterestLineResolver,
  ClientInterestResolver,
  ClientInterestStageChangeResolver,
  CounterpartyInterestsResolver,
} from '../modules/sales/interests/client-interest.resolver';
import { WorkCalendarResolver } from '../modules/work-calendar/work-calendar.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { KnowledgeArticleResolver, KnowledgeSearchHitResolver, KnowledgeSectionResolver } from '../modules/knowledge/knowledge.resolver';
import { ClientRequestResolver } from '../modules/requests/client-request.resolver';
import {
  ActivePointResolver,
  ProcessHistoryEntryResolver,
  ProcessInstanceResolver,
  ProcessRoleResolver,
  ProcessTaskResolver,
  ProcessTemplateResolver,
} from '../modules/processes/process.resolver';
import { salesDocumentResolvers, salesDocumentTypes } from '../modules/sales/documents/documents.schema';

export const resolvers = [AuthResolver, UserResolver, AuditResolver, CounterpartyResolver, ContactPersonResolver, ContactInfoResolver, SearchResolver,
  EventResolver, ReminderResolver, ObjectRefResolver, CalendarResolver, CounterpartyActivityResolver, ContactPersonActivityResolver,
  ProductResolver, ProductGroupResolver, OrganizationResolver, BankAccountResolver, SalesScenarioResolver, SalesStageResolver,
  ClientInterestResolver, ClientInterestLineResolver, ClientInterestStageChangeResolver, CounterpartyInterestsResolver,
  WorkCalendarResolver, NotificationResolver, KnowledgeArticleResolver, KnowledgeSearchHitResolver, KnowledgeSectionResolver, ClientRequestResolver,
  ...salesDocumentResolvers,
  ProcessTemplateResolver, ProcessRoleResolver, ProcessInstanceResolver, ActivePointResolver, ProcessHistoryEntryResolver, ProcessTaskResolver] as const;

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

/** The GraphQL schema, built from the resolvers; input classes are validated with class-validator. */
export function createSchema(pubSub: PubSub, emit = false): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    orphanedTypes: [...calendarTypes, ...salesDocumentTypes],
    pubSub,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: emit ? { path: SCHEMA_FILE, sortedSchema: true } : false,
  });
}
