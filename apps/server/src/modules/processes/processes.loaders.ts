import DataLoader from 'dataloader';
import type { Services } from '../../core/services';
import type { Actor } from '../auth/user.entity';
import type { ProcessInstance, ProcessTask, ProcessTemplate } from './process.entities';

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const list = map.get(keyOf(r));
    if (list) list.push(r);
    else map.set(keyOf(r), [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per-request loaders of business processes: instances and tasks by id within the actor's scope, and the parts
 * of instances the resolver has already been allowed to read (their tasks, nested processes, overdue flag).
 */
export function createProcessLoaders(services: Services, actor: Actor | null) {
  return {
    processTemplate: new DataLoader<string, ProcessTemplate | null>(async (ids) => byKey(ids, await services.processes.templatesByIds(ids), (t) => t.id)),
    processInstance: new DataLoader<string, ProcessInstance | null>(async (ids) =>
      byKey(ids, actor ? await services.processes.instancesByIds(actor, ids) : [], (i) => i.id),
    ),
    processTask: new DataLoader<string, ProcessTask | null>(async (ids) => byKey(ids, actor ? await services.processes.tasksByIds(actor, ids) : [], (t) => t.id)),
    tasksOfProcess: new DataLoader<string, ProcessTask[]>(async (ids) => groupByKey(ids, await services.processes.tasksOfInstances(ids), (t) => t.instanceId)),
    childrenOfProcess: new DataLoader<string, ProcessInstance[]>(async (ids) => groupByKey(ids, await services.processes.childrenOf(ids), (i) => i.parentInstanceId!)),
    processOverdue: new DataLoader<string, boolean>(async (ids) => {
      const overdue = await services.processes.overdueOf(ids);
      return ids.map((id) => overdue.has(id));
    }),
  };
}
