/**
 * Route-map validation before publishing: every problem at once, each naming the point it is about.
 */
import { CONTEXT_ROOTS, checkExpression } from './expression';
import { templatePaths } from './expression';
import { POINT_TYPES } from './types';
import type { Edge, ParameterSpec, PointType, RouteMap, RoutePoint } from './types';

export const VALIDATION_CODES = [
  'MAP_MALFORMED',
  'INVALID_PARAMETER',
  'INVALID_POINT',
  'DUPLICATE_POINT_ID',
  'UNKNOWN_POINT_TYPE',
  'NO_START',
  'MULTIPLE_STARTS',
  'NO_END',
  'INVALID_EDGE',
  'DANGLING_EDGE',
  'START_HAS_INCOMING',
  'END_HAS_OUTGOING',
  'MISSING_EXIT',
  'EXIT_REQUIRED',
  'UNKNOWN_EXIT',
  'DUPLICATE_EXIT',
  'TOO_MANY_EXITS',
  'INVALID_PERFORMER',
  'MISSING_RESULTS',
  'DUPLICATE_RESULT',
  'INVALID_DEADLINE',
  'MISSING_CONDITION',
  'INVALID_OPTIONS',
  'SPLIT_TOO_FEW_BRANCHES',
  'SPLIT_WITHOUT_MERGE',
  'SPLIT_MULTIPLE_MERGES',
  'MERGE_WITHOUT_SPLIT',
  'MERGE_MISMATCH',
  'INCONSISTENT_NESTING',
  'END_INSIDE_SPLIT',
  'MISSING_ACTION',
  'MISSING_TEMPLATE',
  'INVALID_RESULT_MAP',
  'END_WITHOUT_RESULT',
  'UNREACHABLE',
  'NO_PATH_TO_END',
  'AUTOMATIC_CYCLE',
  'UNKNOWN_OPERATOR',
  'INVALID_EXPRESSION',
  'UNKNOWN_VARIABLE',
  'INVALID_ASSIGNMENT',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ValidationError {
  code: ValidationCode;
  /** The point the problem is about (for an edge, its source); null only for map-level problems. */
  pointId: string | null;
  message: string;
  /** The offending property, e.g. `condition`, `performer`, `edges[3].set.i`, `parameters.mode`. */
  field?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PARAMETER_TYPES = ['string', 'number', 'decimal', 'boolean', 'list', 'object', 'any'];
/** Points a token passes through without waiting; a cycle of them only would never stop. */
const AUTOMATIC: ReadonlySet<PointType> = new Set<PointType>(['START', 'CONDITION', 'SWITCH', 'SPLIT', 'MERGE']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Returns every problem of the map; an empty list means it can be published. */
export function validateMap(input: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  const add = (code: ValidationCode, pointId: string | null, message: string, field?: string): void => {
    errors.push(field === undefined ? { code, pointId, message } : { code, pointId, message, field });
  };

  if (!isObject(input) || !Array.isArray(input.points) || !Array.isArray(input.edges)) {
    add('MAP_MALFORMED', null, 'A route map is an object with `points` and `edges` lists');
    return errors;
  }
  const map = input as unknown as RouteMap;
  if (!nonEmptyString(map.code)) add('MAP_MALFORMED', null, 'The map needs a code', 'code');
  if (!nonEmptyString(map.name)) add('MAP_MALFORMED', null, 'The map needs a name', 'name');

  // ---- parameters
  let declared: Set<string> | null = null;
  if (map.parameters !== undefined) {
    declared = new Set();
    if (!Array.isArray(map.parameters)) {
      add('INVALID_PARAMETER', null, '`parameters` must be a list', 'parameters');
    } else {
      for (const p of map.parameters as unknown[]) {
        const spec = p as Partial<ParameterSpec>;
        if (!isObject(p) || typeof spec.name !== 'string' || !NAME.test(spec.name)) {
          add('INVALID_PARAMETER', null, `Parameter ${JSON.stringify(spec?.name)} needs a name like "approvers"`, 'parameters');
          continue;
        }
        if (declared.has(spec.name)) add('INVALID_PARAMETER', null, `Parameter "${spec.name}" is declared twice`, `parameters.${spec.name}`);
        declared.add(spec.name);
        if (spec.type !== undefined && !PARAMETER_TYPES.includes(spec.type)) {
          add('INVALID_PARAMETER', null, `Parameter "${spec.name}" has unknown type "${String(spec.type)}"`, `parameters.${spec.name}`);
        }
      }
    }
  }

  // ---- points
  const byId = new Map<string, RoutePoint>();
  for (const raw of map.points as unknown[]) {
    if (!isObject(raw) || !nonEmptyString(raw.id)) {
      add('INVALID_POINT', null, 'Every point needs a non-empty string id');
      continue;
    }
    const id = raw.id;
    if (byId.has(id)) {
      add('DUPLICATE_POINT_ID', id, `Point id "${id}" is used more than once`);
      continue;
    }
    if (!POINT_TYPES.includes(raw.type as PointType)) {
      add('UNKNOWN_POINT_TYPE', id, `Point "${id}" has unknown type ${JSON.stringify(raw.type)}`, 'type');
      continue;
    }
    if (!nonEmptyString(raw.name)) add('INVALID_POINT', id, `Point "${id}" needs a name`, 'name');
    byId.set(id, raw as unknown as RoutePoint);
  }
  const points = [...byId.values()];

  const starts = points.filter((p) => p.type === 'START');
  if (starts.length === 0) add('NO_START', null, 'The map has no START point');
  for (const extra of starts.slice(1)) add('MULTIPLE_STARTS', extra.id, `"${extra.id}" is a second START point; a map has exactly one`);
  if (!points.some((p) => p.type === 'END')) add('NO_END', null, 'The map has no END point');

  // ---- paths read by expressions
  const checkPath = (path: string): string | null => {
    const [root, second] = path.split('.');
    if (!(CONTEXT_ROOTS as readonly string[]).includes(root)) {
      return `"${path}" reads unknown "${root}"; expressions read ${CONTEXT_ROOTS.join(', ')}`;
    }
    if (root === 'results' && second !== undefined && !byId.has(second)) return `"${path}" refers to unknown point "${second}"`;
    if (root === 'parameters' && second !== undefined && declared && !declared.has(second)) {
      return `"${path}" refers to undeclared parameter "${second}"`;
    }
    return null;
  };
  const checkExpr = (pointId: string, field: string, rule: unknown): void => {
    for (const issue of checkExpression(rule, checkPath)) add(issue.code, pointId, `${field}: ${issue.message}`, field);
  };
  const checkTemplate = (pointId: string, field: string, template: unknown): void => {
    if (template === undefined) return;
    if (typeof template !== 'string') {
      add('INVALID_POINT', pointId, `${field} must be text`, field);
      return;
    }
    for (const path of templatePaths(template)) {
      const problem = checkPath(path);
      if (problem) add('UNKNOWN_VARIABLE', pointId, `${field}: ${problem}`, field);
    }
  };
  const checkDays = (pointId: string, field: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'number' || typeof value === 'string') {
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
        add('INVALID_DEADLINE', pointId, `${field} must be a whole number of working days ≥ 0`, field);
      }
      return;
    }
    checkExpr(pointId, field, value);
  };
  const checkPerformer = (pointId: string, field: string, spec: unknown): void => {
    const bad = (why: string): void => add('INVALID_PERFORMER', pointId, `${field}: ${why}`, field);
    if (!isObject(spec)) return bad('a performer is {user}, {role, of?}, {parameter, index?} or {expression}');
    const kinds = ['user', 'role', 'parameter', 'expression'].filter((k) => k in spec);
    if (kinds.length !== 1) return bad('a performer has exactly one of user, role, parameter, expression');
    if (kinds[0] === 'user' && !nonEmptyString(spec.user)) return bad('user must be a user id');
    if (kinds[0] === 'role') {
      if (!nonEmptyString(spec.role)) return bad('role must be a role code');
      if (spec.of !== undefined) {
        if (!nonEmptyString(spec.of)) return bad('of must be a path such as "subject.responsibleId"');
        const problem = checkPath(spec.of);
        if (problem) add('UNKNOWN_VARIABLE', pointId, `${field}.of: ${problem}`, field);
      }
    }
    if (kinds[0] === 'parameter') {
      if (!nonEmptyString(spec.parameter)) return bad('parameter must be a parameter name');
      if (declared && !declared.has(spec.parameter)) return bad(`parameter "${spec.parameter}" is not declared`);
      if (spec.index !== undefined) checkExpr(pointId, `${field}.index`, spec.index);
    }
    if (kinds[0] === 'expression') checkExpr(pointId, `${field}.expression`, spec.expression);
  };
  const checkResults = (pointId: string, results: unknown, required: boolean): string[] => {
    if (results === undefined && !required) return [];
    if (!Array.isArray(results) || results.length === 0 || !results.every(nonEmptyString)) {
      add('MISSING_RESULTS', pointId, `Point "${pointId}" needs a non-empty list of results`, 'results');
      return Array.isArray(results) ? results.filter(nonEmptyString) : [];
    }
    const seen = new Set<string>();
    for (const r of results) {
      if (seen.has(r)) add('DUPLICATE_RESULT', pointId, `Result "${r}" is listed twice`, 'results');
      seen.add(r);
    }
    return [...seen];
  };
  const checkRecord = (pointId: string, field: string, value: unknown, each: (key: string, v: unknown) => void): void => {
    if (value === undefined) return;
    if (!isObject(value)) {
      add('INVALID_POINT', pointId, `${field} must be an object`, field);
      return;
    }
    for (const [k, v] of Object.entries(value)) each(k, v);
  };

  // ---- edges
  const outgoing = new Map<string, Edge[]>(points.map((p) => [p.id, []]));
  const incoming = new Map<string, Edge[]>(points.map((p) => [p.id, []]));
  (map.edges as unknown[]).forEach((raw, index) => {
    const field = `edges[${index}]`;
    if (!isObject(raw) || typeof raw.from !== 'string' || typeof raw.to !== 'string') {
      add('INVALID_EDGE', null, `Edge #${index} needs string "from" and "to"`, field);
      return;
    }
    const edge = raw as unknown as Edge;
    const fromKnown = byId.has(edge.from);
    const toKnown = byId.has(edge.to);
    if (!fromKnown) add('DANGLING_EDGE', toKnown ? edge.to : null, `Edge #${index} comes from unknown point "${edge.from}"`, field);
    if (!toKnown) add('DANGLING_EDGE', fromKnown ? edge.from : null, `Edge #${index} leads to unknown point "${edge.to}"`, field);
    if (edge.exit !== undefined && !nonEmptyString(edge.exit)) {
      add('INVALID_EDGE', fromKnown ? edge.from : null, `Edge #${index}: exit must be a non-empty string`, `${field}.exit`);
    }
    if (edge.label !== undefined && typeof edge.label !== 'string') {
      add('INVALID_EDGE', fromKnown ? edge.from : null, `Edge #${index}: label must be text`, `${field}.label`);
    }
    if (fromKnown) {
      checkRecord(edge.from, `${field}.set`, edge.set, (name, rule) => {
        if (!NAME.test(name)) add('INVALID_ASSIGNMENT', edge.from, `${field}.set: "${name}" is not a variable name`, `${field}.set`);
        checkExpr(edge.from, `${field}.set.${name}`, rule);
      });
    }
    if (fromKnown && toKnown) {
      outgoing.get(edge.from)!.push(edge);
      incoming.get(edge.to)!.push(edge);
    }
  });

  // ---- exits
  /** Exits named in `named` (each wired once) plus, when `allowDefault`, one unnamed edge for the rest. */
  const checkNamedExits = (p: RoutePoint, named: string[], allowDefault: boolean): void => {
    const edges = outgoing.get(p.id)!;
    const seen = new Set<string>();
    let defaults = 0;
    for (const e of edges) {
      if (e.exit === undefined) {
        defaults += 1;
        if (!allowDefault) add('EXIT_REQUIRED', p.id, `An edge from "${p.id}" to "${e.to}" needs an exit: one of ${named.join(', ')}`);
        continue;
      }
      if (!named.includes(e.exit)) {
        add('UNKNOWN_EXIT', p.id, `"${p.id}" has no exit "${e.exit}"; its exits are ${named.join(', ')}`);
        continue;
      }
      if (seen.has(e.exit)) add('DUPLICATE_EXIT', p.id, `Exit "${e.exit}" of "${p.id}" is wired more than once`);
      seen.add(e.exit);
    }
    if (allowDefault && defaults > 1) add('DUPLICATE_EXIT', p.id, `"${p.id}" has ${defaults} default edges; at most one`);
    if (!(allowDefault && defaults > 0)) {
      for (const exit of named) {
        if (!seen.has(exit)) add('MISSING_EXIT', p.id, `Exit "${exit}" of "${p.id}" leads nowhere`);
      }
    }
  };
  const checkSingleExit = (p: RoutePoint): void => {
    const edges = outgoing.get(p.id)!;
    if (edges.length === 0) add('MISSING_EXIT', p.id, `"${p.id}" has no outgoing edge`);
    if (edges.length > 1) add('TOO_MANY_EXITS', p.id, `"${p.id}" has ${edges.length} outgoing edges; it has exactly one`);
    for (const e of edges) {
      if (e.exit !== undefined) add('UNKNOWN_EXIT', p.id, `"${p.id}" has a single unnamed exit, not "${e.exit}"`);
    }
  };

  const mergesOf = new Map<string, string[]>();
  for (const p of points) {
    const raw = p as unknown as Record<string, unknown>;
    switch (p.type) {
      case 'START':
        if (incoming.get(p.id)!.length > 0) add('START_HAS_INCOMING', p.id, `Nothing may lead back into START "${p.id}"`);
        checkSingleExit(p);
        break;
      case 'END':
        if (outgoing.get(p.id)!.length > 0) add('END_HAS_OUTGOING', p.id, `END "${p.id}" cannot have outgoing edges`);
        if (!nonEmptyString(raw.result)) add('END_WITHOUT_RESULT', p.id, `END "${p.id}" needs a result`, 'result');
        checkRecord(p.id, 'output', raw.output, (k, v) => checkExpr(p.id, `output.${k}`, v));
        break;
      case 'ACTION': {
        checkPerformer(p.id, 'performer', raw.performer);
        checkTemplate(p.id, 'name', raw.name);
        checkTemplate(p.id, 'description', raw.description);
        checkDays(p.id, 'deadlineDays', raw.deadlineDays);
        checkDays(p.id, 'escalateAfterDays', raw.escalateAfterDays);
        if (raw.allowRedirect !== undefined && typeof raw.allowRedirect !== 'boolean') {
          add('INVALID_POINT', p.id, 'allowRedirect must be true or false', 'allowRedirect');
        }
        checkNamedExits(p, checkResults(p.id, raw.results, true), true);
        break;
      }
      case 'CONDITION':
        if (raw.condition === undefined) add('MISSING_CONDITION', p.id, `Condition "${p.id}" needs a condition`, 'condition');
        else checkExpr(p.id, 'condition', raw.condition);
        checkNamedExits(p, ['then', 'else'], false);
        break;
      case 'SWITCH': {
        if (raw.expression === undefined) add('MISSING_CONDITION', p.id, `Switch "${p.id}" needs an expression`, 'expression');
        else checkExpr(p.id, 'expression', raw.expression);
        const options = Array.isArray(raw.options) ? raw.options.filter(nonEmptyString) : [];
        if (!Array.isArray(raw.options) || options.length === 0 || options.length !== raw.options.length) {
          add('INVALID_OPTIONS', p.id, `Switch "${p.id}" needs a non-empty list of option names`, 'options');
        } else if (new Set(options).size !== options.length || options.includes('default')) {
          add('INVALID_OPTIONS', p.id, `Switch "${p.id}": options must be unique and not "default"`, 'options');
        }
        checkNamedExits(p, [...new Set(options.filter((o) => o !== 'default')), 'default'], false);
        break;
      }
      case 'SPLIT':
        if (raw.forEach !== undefined) {
          checkExpr(p.id, 'forEach', raw.forEach);
          checkSingleExit(p);
        } else {
          const edges = outgoing.get(p.id)!;
          if (edges.length < 2) add('SPLIT_TOO_FEW_BRANCHES', p.id, `Split "${p.id}" needs at least two branches (or forEach)`);
          for (const e of edges) {
            if (e.exit !== undefined) add('UNKNOWN_EXIT', p.id, `Branches of split "${p.id}" are unnamed edges, not "${e.exit}"`);
          }
        }
        break;
      case 'MERGE': {
        const split = typeof raw.splitId === 'string' ? byId.get(raw.splitId) : undefined;
        if (!split || split.type !== 'SPLIT') {
          add('MERGE_WITHOUT_SPLIT', p.id, `Merge "${p.id}" must name the SPLIT it closes (splitId)`, 'splitId');
        } else {
          mergesOf.set(split.id, [...(mergesOf.get(split.id) ?? []), p.id]);
        }
        if (incoming.get(p.id)!.length === 0) add('MISSING_EXIT', p.id, `Nothing leads into merge "${p.id}"`);
        checkSingleExit(p);
        break;
      }
      case 'PROCESSING': {
        if (!nonEmptyString(raw.action)) add('MISSING_ACTION', p.id, `Processing "${p.id}" needs an action name`, 'action');
        checkRecord(p.id, 'args', raw.args, (k, v) => checkExpr(p.id, `args.${k}`, v));
        const results = checkResults(p.id, raw.results, false);
        if (raw.results === undefined) checkSingleExit(p);
        else checkNamedExits(p, results, true);
        break;
      }
      case 'SUBPROCESS': {
        if (!nonEmptyString(raw.templateCode)) add('MISSING_TEMPLATE', p.id, `Subprocess "${p.id}" needs a template code`, 'templateCode');
        checkRecord(p.id, 'parameters', raw.parameters, (k, v) => checkExpr(p.id, `parameters.${k}`, v));
        checkRecord(p.id, 'performers', raw.performers, (k, v) => {
          if (!Array.isArray(v)) add('INVALID_PERFORMER', p.id, `performers.${k} must be a list of performers`, `performers.${k}`);
          else v.forEach((spec, i) => checkPerformer(p.id, `performers.${k}[${i}]`, spec));
        });
        if (raw.subjectType !== undefined && !nonEmptyString(raw.subjectType)) {
          add('INVALID_POINT', p.id, 'subjectType must be a type name', 'subjectType');
        }
        if (raw.subjectId !== undefined) checkExpr(p.id, 'subjectId', raw.subjectId);
        const results = checkResults(p.id, raw.results, true);
        checkRecord(p.id, 'resultMap', raw.resultMap, (child, exit) => {
          if (typeof exit !== 'string' || !results.includes(exit)) {
            add('INVALID_RESULT_MAP', p.id, `resultMap.${child} must be one of ${results.join(', ')}`, `resultMap.${child}`);
          }
        });
        checkNamedExits(p, results, true);
        break;
      }
    }
  }
  for (const p of points) {
    if (p.type !== 'SPLIT') continue;
    const merges = mergesOf.get(p.id) ?? [];
    if (merges.length === 0) add('SPLIT_WITHOUT_MERGE', p.id, `Split "${p.id}" has no MERGE naming it`);
    for (const extra of merges.slice(1)) add('SPLIT_MULTIPLE_MERGES', extra, `Split "${p.id}" is already closed by "${merges[0]}"`);
  }

  // ---- reachability both ways
  const start = starts[0];
  const reachable = new Set<string>();
  if (start) {
    const queue = [start.id];
    reachable.add(start.id);
    while (queue.length) {
      for (const e of outgoing.get(queue.shift()!)!) {
        if (!reachable.has(e.to)) {
          reachable.add(e.to);
          queue.push(e.to);
        }
      }
    }
    for (const p of points) {
      if (!reachable.has(p.id) && p.type !== 'START') add('UNREACHABLE', p.id, `"${p.id}" cannot be reached from START`);
    }
  }
  const reachesEnd = new Set(points.filter((p) => p.type === 'END').map((p) => p.id));
  const back = [...reachesEnd];
  while (back.length) {
    for (const e of incoming.get(back.shift()!)!) {
      if (!reachesEnd.has(e.from)) {
        reachesEnd.add(e.from);
        back.push(e.from);
      }
    }
  }
  if (reachesEnd.size > 0) {
    for (const p of points) {
      if (!reachesEnd.has(p.id)) add('NO_PATH_TO_END', p.id, `No path leads from "${p.id}" to an END`);
    }
  }

  // ---- split/merge nesting: walk from START carrying the stack of open splits
  if (start) {
    const stacks = new Map<string, string[]>([[start.id, []]]);
    const reported = new Set<string>();
    const queue = [start.id];
    const report = (code: ValidationCode, pointId: string, message: string): void => {
      if (reported.has(`${code}:${pointId}`)) return;
      reported.add(`${code}:${pointId}`);
      add(code, pointId, message);
    };
    while (queue.length) {
      const id = queue.shift()!;
      const p = byId.get(id)!;
      let stack = stacks.get(id)!;
      if (p.type === 'END') {
        if (stack.length > 0) report('END_INSIDE_SPLIT', id, `END "${id}" lies inside a branch of split "${stack[stack.length - 1]}"`);
        continue;
      }
      if (p.type === 'SPLIT') stack = [...stack, id];
      if (p.type === 'MERGE') {
        const splitId = (p as { splitId?: unknown }).splitId;
        if (typeof splitId !== 'string' || byId.get(splitId)?.type !== 'SPLIT') continue; // reported above
        if (stack[stack.length - 1] !== splitId) {
          const where = stack.length ? `inside a branch of "${stack[stack.length - 1]}"` : 'outside any split';
          report('MERGE_MISMATCH', id, `Merge "${id}" is reached ${where}, not from the branches of "${String(splitId)}"`);
          continue;
        }
        stack = stack.slice(0, -1);
      }
      for (const e of outgoing.get(id)!) {
        const known = stacks.get(e.to);
        if (!known) {
          stacks.set(e.to, stack);
          queue.push(e.to);
        } else if (known.join('/') !== stack.join('/')) {
          const describe = (s: string[]): string => (s.length ? `inside ${s.join(' › ')}` : 'outside any split');
          report('INCONSISTENT_NESTING', e.to, `"${e.to}" is reached both ${describe(known)} and ${describe(stack)} (via "${id}")`);
        }
      }
    }
  }

  // ---- cycles without a waiting point would spin forever
  for (const cycle of automaticCycles(points, outgoing)) {
    add('AUTOMATIC_CYCLE', cycle[0], `The loop ${[...cycle, cycle[0]].join(' → ')} has no ACTION, SUBPROCESS or PROCESSING to wait at`);
  }

  return errors;
}

/** Strongly connected components (Tarjan) of the automatic points that contain a cycle, in map order. */
function automaticCycles(points: RoutePoint[], outgoing: Map<string, Edge[]>): string[][] {
  const auto = new Set(points.filter((p) => AUTOMATIC.has(p.type)).map((p) => p.id));
  const order = points.filter((p) => auto.has(p.id)).map((p) => p.id);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  const successors = (id: string): string[] => outgoing.get(id)!.map((e) => e.to).filter((to) => auto.has(to));
  for (const root of order) {
    if (index.has(root)) continue;
    // Iterative DFS to stay clear of recursion limits on large maps.
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const succ = successors(frame.id);
      if (frame.next < succ.length) {
        const to = succ[frame.next];
        frame.next += 1;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter);
          counter += 1;
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && successors(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) {
          cycles.push(order.filter((id) => component.includes(id)));
        }
      }
    }
  }
  return cycles;
}
