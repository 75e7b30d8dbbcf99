import { registerEnumType } from 'type-graphql';

export enum ClientRequestKind {
  QUESTION = 'QUESTION',
  CLAIM = 'CLAIM',
  SERVICE = 'SERVICE',
}
registerEnumType(ClientRequestKind, {
  name: 'ClientRequestKind',
  description: 'What a client request is.',
  valuesConfig: {
    QUESTION: { description: 'A question or a consultation.' },
    CLAIM: { description: 'A claim (претензия): a complaint about goods, a service or an error.' },
    SERVICE: { description: 'A request for service work: repair, installation, maintenance.' },
  },
});

export enum ClientRequestChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEB = 'WEB',
  VISIT = 'VISIT',
  MESSENGER = 'MESSENGER',
}
registerEnumType(ClientRequestChannel, {
  name: 'ClientRequestChannel',
  description: 'How the request reached us.',
  valuesConfig: {
    PHONE: { description: 'A phone call.' },
    EMAIL: { description: 'An e-mail.' },
    WEB: { description: 'A web form or the client portal.' },
    VISIT: { description: 'In person, at our office.' },
    MESSENGER: { description: 'A messenger (Telegram, WhatsApp and the like).' },
  },
});

export enum ClientRequestPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(ClientRequestPriority, {
  name: 'ClientRequestPriority',
  description: 'Priority; with the kind it sets the SLA deadlines.',
  valuesConfig: {
    LOW: { description: 'Low.' },
    NORMAL: { description: 'Normal (the default).' },
    HIGH: { description: 'High.' },
    URGENT: { description: 'Urgent: the shortest deadlines.' },
  },
});

export enum ClientRequestState {
  REGISTERED = 'REGISTERED',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_FOR_CLIENT = 'WAITING_FOR_CLIENT',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  REOPENED = 'REOPENED',
}
registerEnumType(ClientRequestState, {
  name: 'ClientRequestState',
  description:
    'Where a request is: REGISTERED → IN_PROGRESS ⇄ WAITING_FOR_CLIENT; IN_PROGRESS → RESOLVED → CLOSED; RESOLVED → REOPENED → IN_PROGRESS; REGISTERED or IN_PROGRESS → REJECTED.',
  valuesConfig: {
    REGISTERED: { description: 'Registered, nobody has reacted yet (the reaction clock runs).' },
    IN_PROGRESS: { description: 'Being worked on (the resolution clock runs).' },
    WAITING_FOR_CLIENT: { description: 'Waiting for the client: the SLA clock is paused.' },
    RESOLVED: { description: 'A solution was given; waits to be closed (a critical one: after the supervisor confirms).' },
    CLOSED: { description: 'Closed: final.' },
    REJECTED: { description: 'Rejected with a reason: final.' },
    REOPENED: { description: 'The client came back after the solution; to be taken into work again.' },
  },
});

/** States in which the request still needs work (the Requests tab's "open"). */
export const OPEN_STATES = [ClientRequestState.REGISTERED, ClientRequestState.IN_PROGRESS, ClientRequestState.WAITING_FOR_CLIENT, ClientRequestState.REOPENED];
