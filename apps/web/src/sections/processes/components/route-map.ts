/**
 * The parts of a route map (see packages/process-engine README) the diagram draws. The map arrives as JSON from
 * `ProcessTemplate.map`; these types describe only what is read here, and `readRouteMap` checks it on the way in.
 */
export interface MapPoint {
  id: string;
  type: string;
  name: string;
  position?: { x: number; y: number };
}

export interface MapEdge {
  from: string;
  to: string;
  exit?: string;
  label?: string;
}

export interface RouteMapShape {
  code?: string;
  name?: string;
  points: MapPoint[];
  edges: MapEdge[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The drawable part of a map, or null when the JSON is not a route map. */
export function readRouteMap(json: unknown): RouteMapShape | null {
  if (!isObject(json) || !Array.isArray(json.points) || !Array.isArray(json.edges)) return null;
  const points: MapPoint[] = [];
  for (const p of json.points) {
    if (!isObject(p) || typeof p.id !== 'string' || typeof p.type !== 'string') return null;
    const pos = isObject(p.position) && typeof p.position.x === 'number' && typeof p.position.y === 'number' ? { x: p.position.x, y: p.position.y } : undefined;
    points.push({ id: p.id, type: p.type, name: typeof p.name === 'string' ? p.name : p.id, position: pos });
  }
  const edges: MapEdge[] = [];
  for (const e of json.edges) {
    if (!isObject(e) || typeof e.from !== 'string' || typeof e.to !== 'string') return null;
    edges.push({ from: e.from, to: e.to, exit: typeof e.exit === 'string' ? e.exit : undefined, label: typeof e.label === 'string' ? e.label : undefined });
  }
  return { code: typeof json.code === 'string' ? json.code : undefined, name: typeof json.name === 'string' ? json.name : undefined, points, edges };
}

export const COLUMN_WIDTH = 220;
export const ROW_HEIGHT = 130;

/**
 * Where to draw each point: the map's own positions when every point has one (the editor saved them), otherwise
 * a layered layout — the column is the point's distance from START along forward edges (a breadth-first walk,
 * so loops back do not push points right), points of a column stacked in the order they were reached.
 */
export function layoutPoints(map: RouteMapShape): Map<string, { x: number; y: number }> {
  const result = new Map<string, { x: number; y: number }>();
  if (map.points.length > 0 && map.points.every((p) => p.position)) {
    for (const p of map.points) result.set(p.id, p.position!);
    return result;
  }
  const out = new Map<string, string[]>();
  for (const e of map.edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const start = map.points.find((p) => p.type === 'START') ?? map.points[0];
  const depth = new Map<string, number>();
  if (start) {
    depth.set(start.id, 0);
    const queue = [start.id];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const next of out.get(id) ?? []) {
        if (depth.has(next)) continue;
        depth.set(next, depth.get(id)! + 1);
        queue.push(next);
      }
    }
  }
  // Points not reachable from START (a broken draft) go in a last column rather than disappearing.
  const last = Math.max(0, ...depth.values()) + 1;
  const perColumn = new Map<number, number>();
  for (const p of map.points) {
    const column = depth.get(p.id) ?? last;
    const row = perColumn.get(column) ?? 0;
    perColumn.set(column, row + 1);
    result.set(p.id, { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT });
  }
  return result;
}
