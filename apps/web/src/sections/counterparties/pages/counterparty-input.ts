import type { CreateCounterpartyInput, UpdateCounterpartyInput } from '../../../graphql/graphql';
import type { CounterpartyFormOutput } from '../components/CounterpartyForm';

const orUndefined = (s: string) => (s === '' ? undefined : s);

/** A new counterparty: empty optional fields are simply not sent, so server defaults apply. */
export function toCreateInput(o: CounterpartyFormOutput): CreateCounterpartyInput {
  return {
    name: o.name,
    fullName: orUndefined(o.fullName),
    legalType: o.legalType,
    inn: orUndefined(o.inn),
    kpp: orUndefined(o.kpp),
    groupId: o.groupId ?? undefined,
    relationTypes: o.relationTypes,
    responsibleId: o.responsibleId,
    informationSource: orUndefined(o.informationSource),
    comment: orUndefined(o.comment),
    contactInfo: o.contactInfo,
  };
}

/** An edit sends every field: an empty string clears it, and `contactInfo` replaces the stored list. */
export function toUpdateInput(o: CounterpartyFormOutput, version: number): UpdateCounterpartyInput {
  return {
    version,
    name: o.name,
    fullName: o.fullName,
    legalType: o.legalType,
    inn: o.inn,
    kpp: o.kpp,
    groupId: o.groupId,
    relationTypes: o.relationTypes,
    responsibleId: o.responsibleId,
    informationSource: o.informationSource,
    comment: o.comment,
    contactInfo: o.contactInfo,
  };
}
