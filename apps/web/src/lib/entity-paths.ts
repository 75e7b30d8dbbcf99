import type { ObjectType } from '../graphql/graphql';

/** Where the card of an object lives, by the GraphQL type name the API reports (search hits, audit, recents). */
export function entityPath(entityType: string, id: string): string | null {
  switch (entityType) {
    case 'Counterparty':
      return `/counterparties/${id}`;
    case 'ContactPerson':
      return `/contact-persons/${id}`;
    case 'Event':
      return `/events/${id}`;
    case 'ClientInterest':
      return `/client-interests/${id}`;
    case 'Product':
      return `/catalog/products/${id}`;
    case 'Organization':
    case 'BankAccount':
      return '/admin/organizations';
    case 'ClientRequest':
      return `/requests/${id}`;
    case 'KnowledgeArticle':
      return `/knowledge/${id}`;
    case 'CommercialOffer':
      return `/sales/offers/${id}`;
    case 'Invoice':
      return `/sales/invoices/${id}`;
    case 'Payment':
      return `/sales/payments/${id}`;
    case 'Shipment':
      return `/sales/shipments/${id}`;
    default:
      return null; // types whose cards arrive in later releases
  }
}

/** The card of an object named by an `ObjectRef` (an event's "based on", a reminder's subject). */
export function objectRefPath(ref: { type: ObjectType; id: string | number } | null | undefined): string | null {
  if (!ref) return null;
  switch (ref.type) {
    case 'EVENT':
      return `/events/${ref.id}`;
    case 'COUNTERPARTY':
      return `/counterparties/${ref.id}`;
    case 'CONTACT_PERSON':
      return `/contact-persons/${ref.id}`;
    case 'CLIENT_INTEREST':
      return `/client-interests/${ref.id}`;
    case 'CLIENT_REQUEST':
      return `/requests/${ref.id}`;
    case 'COMMERCIAL_OFFER':
      return `/sales/offers/${ref.id}`;
    case 'INVOICE':
      return `/sales/invoices/${ref.id}`;
    case 'PAYMENT':
      return `/sales/payments/${ref.id}`;
    case 'SHIPMENT':
      return `/sales/shipments/${ref.id}`;
    default:
      return null; // interests, offers, invoices, requests and tasks get cards in later releases
  }
}
