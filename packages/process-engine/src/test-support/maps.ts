/** Small builders for hand-written test maps. */
import { ProcessEngineError } from '../engine';
import type { ActionPoint, Edge, EndPoint, RouteMap, RoutePoint, StartPoint } from '../types';

export function routeMap(points: RoutePoint[], edges: Edge[], extra: Partial<RouteMap> = {}): RouteMap {
  return { code: 'TEST', name: 'Test', points, edges, ...extra };
}

export const START: StartPoint = { id: 'S', type: 'START', name: 'Start' };

export function action(id: string, extra: Partial<ActionPoint> = {}): ActionPoint {
  return { id, type: 'ACTION', name: id, performer: { user: 'u1' }, results: ['OK'], ...extra };
}

export function end(id = 'E', result = 'DONE', extra: Partial<EndPoint> = {}): EndPoint {
  return { id, type: 'END', name: id, result, ...extra };
}

export function edge(from: string, to: string, extra: Partial<Edge> = {}): Edge {
  return { from, to, ...extra };
}

/** Runs `fn`, expecting a ProcessEngineError; returns it. */
export function engineError(fn: () => unknown): ProcessEngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProcessEngineError) return e;
    throw e;
  }
  throw new Error('Expected a ProcessEngineError, nothing was thrown');
}
