import type { CreateClientInterestInput, UpdateClientInterestInput } from '../../../graphql/graphql';
import type { InterestFormOutput } from '../components/InterestForm';

/** A new interest: what was left empty is not sent, so the server's defaults apply (amount = sum of lines, probability = the stage's). */
export function toCreateInterestInput(o: InterestFormOutput): CreateClientInterestInput {
  return {
    counterpartyId: o.counterpartyId,
    contactPersonId: o.contactPersonId ?? undefined,
    need: o.need,
    lines: o.lines,
    plannedAmount: o.plannedAmount ?? undefined,
    plannedCloseDate: o.plannedCloseDate ?? undefined,
    probability: o.probability ?? undefined,
    scenarioId: o.scenarioId ?? undefined,
    stageId: o.stageId ?? undefined,
    informationSourceId: o.informationSourceId ?? undefined,
    competitorIds: o.competitorIds.length ? o.competitorIds : undefined,
    responsibleId: o.responsibleId ?? undefined,
  };
}

/**
 * An edit sends the whole picture: lines and competitors replace the current ones, null clears the contact person,
 * close date and source. The amount is sent only when the manager typed one; otherwise the server sums the lines.
 */
export function toUpdateInterestInput(o: InterestFormOutput, version: number): UpdateClientInterestInput {
  return {
    version,
    counterpartyId: o.counterpartyId,
    contactPersonId: o.contactPersonId,
    need: o.need,
    lines: o.lines,
    plannedAmount: o.plannedAmount ?? undefined,
    plannedCloseDate: o.plannedCloseDate,
    probability: o.probability ?? undefined,
    informationSourceId: o.informationSourceId,
    competitorIds: o.competitorIds,
    responsibleId: o.responsibleId ?? undefined,
  };
}
