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

/** Every service, built once per server; resolvers reach them through the request context. */
export function createServices(db: DataSource, config: Pick<Config, 'sessionSecret' | 'sessionTtlMs'>) {
  const audit = new AuditService(db);
  const contactInfo = new ContactInfoService(db, audit);
  const counterparties = new CounterpartyService(db, audit, contactInfo);
  const contactPersons = new ContactPersonService(db, audit, contactInfo);
  return {
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
