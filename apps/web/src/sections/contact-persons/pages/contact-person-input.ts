import type { CreateContactPersonInput, UpdateContactPersonInput } from '../../../graphql/graphql';
import type { ContactPersonFormOutput } from '../components/ContactPersonForm';

const orUndefined = (s: string) => (s === '' ? undefined : s);

export function toCreateInput(o: ContactPersonFormOutput): CreateContactPersonInput {
  return {
    counterpartyId: o.counterpartyId ?? undefined,
    lastName: o.lastName,
    firstName: orUndefined(o.firstName),
    middleName: orUndefined(o.middleName),
    position: orUndefined(o.position),
    role: orUndefined(o.role),
    birthday: orUndefined(o.birthday),
    comment: orUndefined(o.comment),
    responsibleId: o.responsibleId,
    contactInfo: o.contactInfo,
  };
}

/** Every field is sent: an empty string clears it, `counterpartyId: null` detaches the person. */
export function toUpdateInput(o: ContactPersonFormOutput, version: number): UpdateContactPersonInput {
  return {
    version,
    counterpartyId: o.counterpartyId,
    lastName: o.lastName,
    firstName: o.firstName,
    middleName: o.middleName,
    position: o.position,
    role: o.role,
    birthday: o.birthday,
    comment: o.comment,
    responsibleId: o.responsibleId,
    contactInfo: o.contactInfo,
  };
}
