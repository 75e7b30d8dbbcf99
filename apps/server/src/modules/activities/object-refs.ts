import type { Actor } from '../auth/user.entity';
import { badInput } from '../../core/errors';
import { isId } from '../../core/ids';
import { CrmObjectType } from './activities.enums';

/** Finds the objects of one type that an actor may see, with a title for each. */
export type ObjectSource = (actor: Actor, ids: readonly string[]) => Promise<Array<{ id: string; title: string }>>;

/** The client side of an object (its counterparty and contact person), for events entered based on it. */
export type PartiesSource = (actor: Actor, id: string) => Promise<{ counterpartyId: string | null; contactPersonId: string | null } | null>;

/**
 * The objects events and reminders may refer to ("based on", "subject"). Each module registers its types,
 * so a reference is checked and titled by the module that owns it, within the actor's scope.
 */
export class ObjectRefs {
  private readonly sources = new Map<CrmObjectType, ObjectSource>();
  private readonly parties = new Map<CrmObjectType, PartiesSource>();

  /** `partiesOf`, when given, lets an event entered based on such an object inherit its counterparty and contact. */
  register(type: CrmObjectType, source: ObjectSource, partiesOf?: PartiesSource) {
    this.sources.set(type, source);
    if (partiesOf) this.parties.set(type, partiesOf);
  }

  /** The counterparty and contact person of an object, as its module defines them; null when it defines none. */
  async partiesOf(actor: Actor, ref: { type: CrmObjectType; id: string }) {
    const source = this.parties.get(ref.type);
    return source ? source(actor, ref.id) : null;
  }

  supports(type: CrmObjectType) {
    return this.sources.has(type);
  }

  /** Titles keyed by `TYPE:id`; objects the actor may not see are absent. */
  async titles(actor: Actor, refs: ReadonlyArray<{ type: CrmObjectType; id: string }>): Promise<Map<string, string>> {
    const byType = new Map<CrmObjectType, string[]>();
    for (const r of refs) if (this.sources.has(r.type) && isId(r.id)) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
    const out = new Map<string, string>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        for (const o of await this.sources.get(type)!(actor, ids)) out.set(`${type}:${o.id}`, o.title);
      }),
    );
    return out;
  }

  /** A reference given as input must name an object the actor may see. */
  async assertVisible(actor: Actor, ref: { type: CrmObjectType; id: string }, field: string) {
    if (!this.supports(ref.type)) throw badInput(`${field}.type`, `Objects of type ${ref.type} cannot be referred to yet`, 'TYPE_NOT_SUPPORTED');
    const found = await this.titles(actor, [ref]);
    if (!found.has(`${ref.type}:${ref.id}`)) throw badInput(`${field}.id`, 'The object does not exist or is outside your scope', 'NOT_FOUND');
  }
}
