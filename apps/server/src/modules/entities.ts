import { User } from './auth/user.entity';
import { Session } from './auth/session.entity';
import { ApiToken } from './auth/api-token.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { Counterparty, CounterpartyGroup } from './contacts/counterparty.entity';
import { ContactPerson } from './contacts/contact-person.entity';
import { ContactInfo, ContactInfoKind } from './contacts/contact-info.entity';
import { Event } from './activities/event.entity';
import { Reminder } from './activities/reminder.entity';
import { Product, ProductGroup, VatRateRow } from './sales/catalog/product.entity';
import { BankAccount, Organization } from './sales/catalog/organization.entity';
import { InformationSource, LossReason, SalesScenario, SalesStage } from './sales/interests/sales-scenario.entity';
import { ClientInterest, ClientInterestLine, ClientInterestStageChange } from './sales/interests/client-interest.entity';
import { Notification } from './notifications/notification.entity';
import { KnowledgeSection } from './knowledge/knowledge-section.entity';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { ClientRequest } from './requests/client-request.entity';
import { CommercialOffer, CommercialOfferLine } from './sales/documents/commercial-offer.entity';
import { Invoice, InvoiceLine } from './sales/documents/invoice.entity';
import { Payment, PaymentAllocation } from './sales/documents/payment.entity';
import { Shipment, ShipmentLine } from './sales/documents/shipment.entity';
import { ProcessInstance, ProcessRoleAssignment, ProcessTask, ProcessTemplate } from './processes/process.entities';

/** Every TypeORM entity of every module. */
export const entities = [User, Session, ApiToken, AuditEntry, Counterparty, CounterpartyGroup, ContactPerson, ContactInfo, ContactInfoKind, Event, Reminder,
  VatRateRow, ProductGroup, Product, Organization, BankAccount, SalesScenario, SalesStage, LossReason, InformationSource, ClientInterest, ClientInterestLine, ClientInterestStageChange,
  Notification, KnowledgeSection, KnowledgeArticle, ClientRequest,
  CommercialOffer, CommercialOfferLine, Invoice, InvoiceLine, Payment, PaymentAllocation, Shipment, ShipmentLine,
  ProcessTemplate, ProcessInstance, ProcessTask, ProcessRoleAssignment];
