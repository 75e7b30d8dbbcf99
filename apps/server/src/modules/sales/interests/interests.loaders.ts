import DataLoader from 'dataloader';
import type { Services } from '../../../core/services';
import type { Actor } from '../../auth/user.entity';
import type { ClientInterest, ClientInterestLine } from './client-interest.entity';
import type { InterestPageRequest } from './client-interest.service';
import type { ConnectionShape } from '../../../core/pagination';
import { unauthenticated } from '../../../core/errors';
import type { InformationSource, LossReason, SalesScenario, SalesStage } from './sales-scenario.entity';

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per-request loaders of the sale: scenarios, stages and reference lists (readable by all), client interests
 * (scoped by their responsible), and the children of interests the resolver has already been allowed to read.
 */
export function createInterestLoaders(services: Services, actor: Actor | null) {
  return {
    salesScenario: new DataLoader<string, SalesScenario | null>(async (ids) => byKey(ids, await services.salesScenarios.scenariosByIds(ids), (s) => s.id)),
    salesStage: new DataLoader<string, SalesStage | null>(async (ids) => byKey(ids, await services.salesScenarios.stagesByIds(ids), (s) => s.id)),
    stagesOfScenario: new DataLoader<string, SalesStage[]>(async (ids) => groupByKey(ids, await services.salesScenarios.stagesOf(ids), (s) => s.scenarioId)),
    lossReason: new DataLoader<string, LossReason | null>(async (ids) => byKey(ids, await services.salesScenarios.lossReasonsByIds(ids), (r) => r.id)),
    informationSource: new DataLoader<string, InformationSource | null>(async (ids) =>
      byKey(ids, await services.salesScenarios.informationSourcesByIds(ids), (r) => r.id),
    ),
    clientInterest: new DataLoader<string, ClientInterest | null>(async (ids) =>
      byKey(ids, actor ? await services.interests.byIds(actor, ids) : [], (ci) => ci.id),
    ),
    /** A request's lists of interests (e.g. one per counterparty of a page), in one statement: see ClientInterestService.lists. */
    interestPages: new DataLoader<InterestPageRequest, ConnectionShape<ClientInterest>, string>(
      async (requests) => (actor ? services.interests.lists(actor, requests) : requests.map(() => unauthenticated())),
      { cacheKeyFn: (r) => JSON.stringify(r) },
    ),
    linesOfInterest: new DataLoader<string, ClientInterestLine[]>(async (ids) => groupByKey(ids, await services.interests.linesOf(ids), (l) => l.interestId)),
    competitorIdsOfInterest: new DataLoader<string, string[]>(async (ids) => {
      const rows = await services.interests.competitorIdsOf(ids);
      return groupByKey(ids, rows, (r) => r.interestId).map((list) => list.map((r) => r.counterpartyId));
    }),
    lastActivityOfInterest: new DataLoader<string, Date | null>(async (ids) => {
      const map = await services.interests.lastActivityOf(ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}
