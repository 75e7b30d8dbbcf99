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

/** Every service, built once per server; resolvers reach them through the request context. */
export function createServices(db: DataSource, config: Pick<Config, 'sessionSecret' | 'sessionTtlMs'>, pubSub: PubSub) {
  const audit = new AuditService(db);
  const contactInfo = new ContactInfoService(db, audit);
  const counterparties = new CounterpartyService(db, audit, contactInfo);
  const contactPersons = new ContactPersonService(db, audit, contactInfo);
  const refs = new ObjectRefs();
  const reminders = new ReminderService(db, audit, refs, pubSub);
  const events = new EventService(db, audit, reminders, refs, pubSub, counterparties, contactPersons);
  refs.register(CrmObjectType.COUNTERPARTY, async (actor, ids) => (await counterparties.byIds(actor, ids)).map((c) => ({ id: c.id, title: c.name })));
  refs.register(CrmObjectType.CONTACT_PERSON, async (actor, ids) => (await contactPersons.byIds(actor, ids)).map((p) => ({ id: p.id, title: personFullName(p) })));
  refs.register(CrmObjectType.EVENT, events.titles);
  return {
    pubSub,
    refs,
    reminders,
    events,
    calendar: new CalendarService(db, events, config.sessionSecret),
    db,
    audit,
    auth: new AuthService(db, audit, { secret: config.sessionSecret, sessionTtlMs: config.sessionTtlMs }),
    users: new UserService(db, audit),
    contactInfo,
    counterparties,
    contactPersons,
    search: new SearchService(db, counterparties, contactPersons),
    desktop: new DesktopService(audit),
  };
}

export type Services = ReturnType<typeof createServices>;
