import type { EntityManager } from 'typeorm';
import type { AfterCommit } from './after-commit';
import type { PubSub } from '../../core/pubsub';

/** What a "something of mine changed" push carries: the object's id and the users it is announced to. */
export interface ChangedPayload {
  id: string;
  userIds: string[];
}

/**
 * After the commit of `tx`, tells the responsible users (now and before) and their direct supervisors that object
 * `id` changed, each on their own topic of `topic`, so their open lists, boards and badges refresh without polling.
 * Administrators, who see everything, are not told of each change.
 */
export async function announceToResponsibles(
  tx: EntityManager,
  live: { afterCommit: AfterCommit; pubSub: PubSub },
  topic: string,
  id: string,
  responsibleIds: ReadonlyArray<string | null | undefined>,
): Promise<ChangedPayload> {
  const ids = [...new Set(responsibleIds.filter((u): u is string => !!u))];
  const rows: Array<{ supervisor_id: string | null }> = ids.length ? await tx.query(`SELECT supervisor_id FROM users WHERE id = ANY($1::uuid[])`, [ids]) : [];
  const userIds = new Set(ids);
  for (const r of rows) if (r.supervisor_id) userIds.add(r.supervisor_id);
  const payload: ChangedPayload = { id, userIds: [...userIds] };
  live.afterCommit.run(tx, () => {
    for (const userId of payload.userIds) live.pubSub.publish(topic, userId, payload);
  });
  return payload;
}
