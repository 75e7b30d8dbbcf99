import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { AuditService } from '../modules/audit/audit.service';
import { AuthService } from '../modules/auth/auth.service';
import { UserService } from '../modules/auth/user.service';
import { ContactInfoService } from '../modules/contacts/contact-info.service';
import { CounterpartyService } from '../modules/contacts/counterparty.service';
import { ContactPersonService } from '../modules/contacts/contact-person.service';
import { SearchService } from '../modules/contacts/search.service';
import { DesktopService } from '../modules/desktop/desktop.service';
import { ObjectRefs } from '../modules/activities/object-refs';
import { ReminderService } from '../modules/activities/reminder.service';
import { EventService } from '../modules/activities/event.service';
import { CalendarService } from '../modules/activities/calendar.service';
import { CrmObjectType } from '../modules/activities/activities.enums';
import { personFullName } from '../modules/contacts/contact-person.entity';
import type { PubSub } from './pubsub';
import { CacheBus } from './cache-bus';
import { ProductService } from '../modules/sales/catalog/product.service';
import { OrganizationService } from '../modules/sales/catalog/organization.service';
import { SalesScenarioService } from '../modules/sales/interests/sales-scenario.service';
import { ClientInterestService } from '../modules/sales/interests/client-interest.service';
import { WorkCalendarService } from '../modules/work-calendar/work-calendar.service';
import { AfterCommit } from '../modules/notifications/after-commit';
import { NotificationService } from '../modules/notifications/notification.service';
import { KnowledgeService } from '../modules/knowledge/knowledge.service';
import { ClientRequestService } from '../modules/requests/client-request.service';
import { createSalesDocuments } from '../modules/sales/documents/documents.module';
import { ProcessService } from '../modules/processes/process.service';

/** Every service, built once per server; resolvers reach them through the request context. */
export function createServices(db: DataSource, config: Pick<Config, 'sessionSecret' | 'sessionTtlMs'> & Partial<Pick<Config, 'authCacheMs'>> & Partial<Pick<Config, 'smtpUrl' | 'smtpFrom'>>, pubSub: PubSub) {
  const audit = new AuditService(db);
  // Process caches, emptied on every instance by the change that makes them stale.
  const caches = new CacheBus(pubSub);
  const auth = new AuthService(db, audit, { secret: config.sessionSecret, sessionTtlMs: config.sessionTtlMs, cacheMs: config.authCacheMs ?? 0 }, caches);
  const contactInfo = new ContactInfoService(db, audit, caches);
  const counterparties = new CounterpartyService(db, audit, contactInfo);
  const contactPersons = new ContactPersonService(db, audit, contactInfo);
  const refs = new ObjectRefs();
  const reminders = new ReminderService(db, audit, refs, pubSub);
  const events = new EventService(db, audit, reminders, refs, pubSub, counterparties, contactPersons);
  refs.register(CrmObjectType.COUNTERPARTY, async (actor, ids) => (await counterparties.byIds(actor, ids)).map((c) => ({ id: c.id, title: c.name })));
  refs.register(CrmObjectType.CONTACT_PERSON, async (actor, ids) => (await contactPersons.byIds(actor, ids)).map((p) => ({ id: p.id, title: personFullName(p) })));
  refs.register(CrmObjectType.EVENT, events.titles);
  const products = new ProductService(db, audit);
  const organizations = new OrganizationService(db, audit);
  const salesScenarios = new SalesScenarioService(db, audit, caches);
  const afterCommit = new AfterCommit(db, (err) => console.error('work after commit failed', err));
  const interests = new ClientInterestService(db, audit, salesScenarios, products, counterparties, contactPersons);
  interests.live = { afterCommit, pubSub };
  refs.register(CrmObjectType.CLIENT_INTEREST, interests.titles, interests.partiesOf);
  const workCalendar = new WorkCalendarService(db, audit);
  const notifications = new NotificationService(db, pubSub, afterCommit);
  const knowledge = new KnowledgeService(db, audit, counterparties);
  knowledge.products = products;
  const requests = new ClientRequestService(db, audit, workCalendar, notifications, afterCommit, events, counterparties, contactPersons, knowledge, pubSub);
  requests.products = products;
  refs.register(CrmObjectType.CLIENT_REQUEST, requests.titles, requests.partiesOf);
  const calendar = new CalendarService(db, events, config.sessionSecret);
  const salesDocuments = createSalesDocuments(
    { db, audit, refs, reminders, events, products, organizations, counterparties, contactPersons, contactInfo, interests },
    calendar,
    { smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom },
  );
  const processes = new ProcessService(db, audit, notifications, afterCommit, workCalendar, pubSub, refs, interests, salesDocuments.commercialOffers, (err) => console.error('process push failed', err));
  refs.register(CrmObjectType.TASK, processes.titles, processes.partiesOf);
  return {
    pubSub,
    refs,
    reminders,
    events,
    calendar,
    db,
    audit,
    caches,
    auth,
    users: new UserService(db, audit, { bus: caches, cacheMs: config.authCacheMs ?? 0, auth }),
    contactInfo,
    counterparties,
    contactPersons,
    search: new SearchService(db),
    desktop: new DesktopService(audit),
    products,
    organizations,
    salesScenarios,
    interests,
    workCalendar,
    notifications,
    knowledge,
    requests,
    processes,
    ...salesDocuments,
  };
}

export type Services = ReturnType<typeof createServices>;
