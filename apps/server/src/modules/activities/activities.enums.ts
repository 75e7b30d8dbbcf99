import { registerEnumType } from 'type-graphql';

export enum EventKind {
  CALL = 'CALL',
  MEETING = 'MEETING',
  TRIP = 'TRIP',
  LETTER = 'LETTER',
  EMAIL = 'EMAIL',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, { name: 'EventKind', description: 'What kind of interaction an event is.' });

export enum EventDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(EventDirection, {
  name: 'EventDirection',
  description: 'Outgoing: something the manager must do; incoming: something to check has happened (a letter or money arrived).',
});

export enum EventState {
  PLANNED = 'PLANNED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventState, { name: 'EventState', description: 'Planned, completed or cancelled.' });

export enum Importance {
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
registerEnumType(Importance, { name: 'Importance', description: 'How important an event is.' });

/** Every kind of object an event can be based on or a reminder can point at; later modules fill the rest. */
export enum CrmObjectType {
  EVENT = 'EVENT',
  COUNTERPARTY = 'COUNTERPARTY',
  CONTACT_PERSON = 'CONTACT_PERSON',
  CLIENT_INTEREST = 'CLIENT_INTEREST',
  COMMERCIAL_OFFER = 'COMMERCIAL_OFFER',
  INVOICE = 'INVOICE',
  PAYMENT = 'PAYMENT',
  SHIPMENT = 'SHIPMENT',
  CLIENT_REQUEST = 'CLIENT_REQUEST',
  TASK = 'TASK',
}
registerEnumType(CrmObjectType, { name: 'ObjectType', description: 'Types of CRM objects that events and reminders can refer to.' });

export enum ReminderState {
  PENDING = 'PENDING',
  DUE = 'DUE',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ReminderState, {
  name: 'ReminderState',
  description: 'PENDING: waiting for its time; DUE: fired and not yet dismissed; DISMISSED: done with.',
});
