import type { CreateEventInput, ObjectRefInput, UpdateEventInput } from '../../../graphql/graphql';
import type { EventFormOutput } from '../components/EventForm';

/** A new event: empty optional fields are not sent, so the server's defaults apply. */
export function toCreateInput(o: EventFormOutput, basedOn: ObjectRefInput | null): CreateEventInput {
  return {
    kind: o.kind,
    direction: o.direction,
    importance: o.importance,
    state: o.completed ? 'COMPLETED' : undefined,
    subject: o.subject,
    content: o.content || undefined,
    start: o.start,
    end: o.end ?? undefined,
    counterpartyId: o.counterpartyId ?? undefined,
    contactPersonId: o.contactPersonId ?? undefined,
    responsibleId: o.responsibleId,
    basedOn: basedOn ?? undefined,
    result: o.completed ? o.result : undefined,
    remindBeforeMinutes: o.completed || o.remindBeforeMinutes === null ? undefined : o.remindBeforeMinutes,
    noReminder: !o.completed && o.remindBeforeMinutes === null ? true : undefined,
  };
}

/** An edit sends every field: null clears the counterparty, contact person or end. */
export function toUpdateInput(o: EventFormOutput, version: number): UpdateEventInput {
  return {
    version,
    kind: o.kind,
    direction: o.direction,
    importance: o.importance,
    subject: o.subject,
    content: o.content,
    start: o.start,
    end: o.end,
    counterpartyId: o.counterpartyId,
    contactPersonId: o.contactPersonId,
    responsibleId: o.responsibleId,
  };
}
