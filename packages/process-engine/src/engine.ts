/**
 * The step function: (map, state, event) → (state, commands). Pure and deterministic: no clock, no randomness,
 * no I/O; ids come from a counter in the state, time from the caller. The input state is never modified.
 */
import { Decimal } from './decimal';
import { ExpressionError, evaluate, getPath, renderTemplate } from './expression';
import type {
  ActionPoint,
  Assignee,
  BranchFrame,
  Command,
  Edge,
  Expression,
  HistoryEntry,
  JsonObject,
  JsonValue,
  MergePoint,
  ParameterSpec,
  PerformerSpec,
  ProcessEvent,
  ProcessState,
  ProcessingPoint,
  RouteMap,
  RoutePoint,
  StepResult,
  SubprocessPoint,
  Token,
  WaitKind,
} from './types';
import { validateMap } from './validate';
import type { ValidationError } from './validate';

export const ENGINE_ERROR_CODES = [
  /** The map does not pass validateMap (details: the validation errors). */
  'INVALID_MAP',
  /** start(): parameters missing, of the wrong type, or undeclared (details: one entry per parameter). */
  'INVALID_PARAMETERS',
  /** The event is not an event the engine knows, or lacks a token address. */
  'INVALID_EVENT',
  /** The instance is finished or cancelled. */
  'PROCESS_NOT_RUNNING',
  /** No such token is waiting (any more): a replayed or stale event. Nothing changes. */
  'TOKEN_NOT_ACTIVE',
  /** The token waits elsewhere or for another kind of event. */
  'EVENT_MISMATCH',
  /** Addressed by point only, but several tokens wait there. */
  'AMBIGUOUS_EVENT',
  /** The result is not one of the point's results. */
  'INVALID_RESULT',
  /** A condition, mapping or assignment failed to evaluate. */
  'EXPRESSION_FAILED',
  /** The performer's data reference is missing or not a user / assignee. */
  'PERFORMER_UNRESOLVED',
  /** A deadline expression did not give a whole number of days. */
  'INVALID_DEADLINE',
  /** A dynamic split's forEach did not give a list. */
  'INVALID_FOREACH',
  /** More automatic moves in one step than any sane map needs. */
  'LOOP_LIMIT',
  /** The state does not fit the map (e.g. a token at a merge it does not belong to). */
  'CORRUPT_STATE',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

export interface ParameterError {
  code: 'MISSING_PARAMETER' | 'INVALID_PARAMETER_TYPE' | 'UNKNOWN_PARAMETER';
  parameter: string;
  message: string;
}

export class ProcessEngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly pointId: string | null = null,
    readonly details: ValidationError[] | ParameterError[] = [],
  ) {
    super(message);
    this.name = 'ProcessEngineError';
  }
}

/** Automatic moves allowed in one step (validation already rejects loops without a waiting point). */
const MAX_MOVES = 100_000;

// ---------------------------------------------------------------- compiled map

interface CompiledMap {
  map: RouteMap;
  points: Map<string, RoutePoint>;
  outgoing: Map<string, Edge[]>;
  mergeOf: Map<string, string>;
  start: RoutePoint;
}

const compiled = new WeakMap<object, CompiledMap>();

function compile(map: RouteMap): CompiledMap {
  const cached = compiled.get(map);
  if (cached) return cached;
  const errors = validateMap(map);
  if (errors.length > 0) {
    throw new ProcessEngineError('INVALID_MAP', `The route map is invalid: ${errors[0].message}`, errors[0].pointId, errors);
  }
  const points = new Map(map.points.map((p) => [p.id, p]));
  const outgoing = new Map<string, Edge[]>(map.points.map((p) => [p.id, []]));
  for (const e of map.edges) outgoing.get(e.from)!.push(e);
  const mergeOf = new Map<string, string>();
  for (const p of map.points) if (p.type === 'MERGE') mergeOf.set(p.splitId, p.id);
  const result: CompiledMap = { map, points, outgoing, mergeOf, start: map.points.find((p) => p.type === 'START')! };
  compiled.set(map, result);
  return result;
}

// ---------------------------------------------------------------- helpers

function cloneJson<T>(value: T): T {
  if (value === undefined) return null as T;
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function checkType(spec: ParameterSpec, value: JsonValue): boolean {
  switch (spec.type ?? 'any') {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'decimal':
      return Decimal.isNumeric(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

/**
 * Applies declared defaults and checks required parameters and types. Without declarations, parameters pass as
 * given. Returns the parameters to store, or the list of problems.
 */
export function resolveParameters(
  map: RouteMap,
  given: unknown,
): { ok: true; parameters: JsonObject } | { ok: false; errors: ParameterError[] } {
  if (given !== undefined && given !== null && !isObject(given)) {
    return { ok: false, errors: [{ code: 'INVALID_PARAMETER_TYPE', parameter: '', message: 'Parameters must be an object' }] };
  }
  const input = cloneJson((given ?? {}) as JsonObject);
  if (!map.parameters) return { ok: true, parameters: input };
  const errors: ParameterError[] = [];
  const out: JsonObject = {};
  const declared = new Set(map.parameters.map((p) => p.name));
  for (const name of Object.keys(input)) {
    if (!declared.has(name)) errors.push({ code: 'UNKNOWN_PARAMETER', parameter: name, message: `"${name}" is not a parameter of ${map.code}` });
  }
  for (const spec of map.parameters) {
    let value = input[spec.name];
    if ((value === undefined || value === null) && spec.default !== undefined) value = cloneJson(spec.default);
    const type = spec.type ?? 'any';
    const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0 && (type === 'list' || type === 'any'));
    if (empty) {
      if (spec.required) errors.push({ code: 'MISSING_PARAMETER', parameter: spec.name, message: `"${spec.name}" is required` });
      out[spec.name] = value ?? null;
      continue;
    }
    if (!checkType(spec, value!)) {
      errors.push({ code: 'INVALID_PARAMETER_TYPE', parameter: spec.name, message: `"${spec.name}" must be a ${spec.type}, got ${describe(value)}` });
    }
    out[spec.name] = value!;
  }
  return errors.length ? { ok: false, errors } : { ok: true, parameters: out };
}

// ---------------------------------------------------------------- the run of one step

interface Move {
  pointId: string;
  frames: BranchFrame[];
  lastResult: string | null;
}

class Run {
  readonly commands: Command[] = [];
  private readonly queue: Move[] = [];
  private moves = 0;

  constructor(
    private readonly cm: CompiledMap,
    readonly state: ProcessState,
    private readonly at: string | null,
  ) {}

  // -- context and evaluation

  private context(frames: BranchFrame[], lastResult: string | null): Record<string, unknown> {
    const s = this.state;
    const inner = frames[frames.length - 1];
    return {
      parameters: s.parameters,
      subject: s.subject,
      results: s.results,
      lastResult,
      vars: s.vars,
      branch: inner ? { index: inner.branch, item: inner.item ?? null, splitId: inner.splitId } : null,
    };
  }

  private eval(pointId: string, field: string, rule: Expression | undefined, ctx: unknown): JsonValue {
    try {
      return evaluate(rule, ctx);
    } catch (e) {
      if (e instanceof ExpressionError) throw new ProcessEngineError('EXPRESSION_FAILED', `${pointId}.${field}: ${e.message}`, pointId);
      throw e;
    }
  }

  private evalRecord(pointId: string, field: string, rules: Record<string, Expression> | undefined, ctx: unknown): JsonObject {
    const out: JsonObject = {};
    for (const [k, rule] of Object.entries(rules ?? {})) out[k] = cloneJson(this.eval(pointId, `${field}.${k}`, rule, ctx));
    return out;
  }

  private days(pointId: string, field: string, rule: Expression | undefined, ctx: unknown): number | null {
    if (rule === undefined) return null;
    const value = this.eval(pointId, field, rule, ctx);
    if (value === null) return null;
    const d = Decimal.from(value);
    const n = d ? d.toNumber() : NaN;
    if (!Number.isInteger(n) || n < 0) {
      throw new ProcessEngineError('INVALID_DEADLINE', `${pointId}.${field} gave ${describe(value)}, not a whole number of days`, pointId);
    }
    return n;
  }

  private toAssignee(value: unknown, pointId: string, field: string): Assignee {
    if (nonEmptyString(value)) return { kind: 'USER', userId: value };
    if (isObject(value)) {
      if (value.kind === 'USER' && nonEmptyString(value.userId)) return { kind: 'USER', userId: value.userId };
      if (value.kind === 'ROLE' && nonEmptyString(value.role)) {
        return { kind: 'ROLE', role: value.role, ofUserId: nonEmptyString(value.ofUserId) ? value.ofUserId : null };
      }
    }
    throw new ProcessEngineError('PERFORMER_UNRESOLVED', `${pointId}.${field}: ${describe(value)} is not a user id or an assignee`, pointId);
  }

  /** Resolves a performer spec; `many` (subprocess performer lists) takes every element of a list parameter. */
  private assignees(spec: PerformerSpec, ctx: Record<string, unknown>, frames: BranchFrame[], pointId: string, field: string, many: boolean): Assignee[] {
    const unresolved = (why: string): never => {
      throw new ProcessEngineError('PERFORMER_UNRESOLVED', `${pointId}.${field}: ${why}`, pointId);
    };
    if ('user' in spec) return [{ kind: 'USER', userId: spec.user }];
    if ('role' in spec) {
      if (spec.of === undefined) return [{ kind: 'ROLE', role: spec.role, ofUserId: null }];
      const of = getPath(ctx, spec.of);
      if (!nonEmptyString(of)) return unresolved(`"${spec.of}" is ${describe(of)}, not a user id`);
      return [{ kind: 'ROLE', role: spec.role, ofUserId: of }];
    }
    if ('parameter' in spec) {
      const value = (ctx.parameters as JsonObject)[spec.parameter];
      if (!Array.isArray(value)) return [this.toAssignee(value, pointId, field)];
      let index: number;
      if (spec.index !== undefined) {
        const raw = this.eval(pointId, `${field}.index`, spec.index, ctx);
        index = Decimal.from(raw)?.toNumber() ?? NaN;
      } else if (many) {
        return value.map((v) => this.toAssignee(v, pointId, field));
      } else if (frames.length > 0) {
        index = frames[frames.length - 1].branch;
      } else {
        return unresolved(`parameter "${spec.parameter}" is a list; give an index or use it inside a split branch`);
      }
      if (!Number.isInteger(index) || index < 0 || index >= value.length) {
        return unresolved(`parameter "${spec.parameter}" has no element ${describe(index)}`);
      }
      return [this.toAssignee(value[index], pointId, field)];
    }
    const value = this.eval(pointId, `${field}.expression`, spec.expression, ctx);
    if (Array.isArray(value)) {
      if (!many) return unresolved('the expression gave a list; an action has one performer');
      return value.map((v) => this.toAssignee(v, pointId, field));
    }
    return [this.toAssignee(value, pointId, field)];
  }

  // -- bookkeeping

  private nextId(prefix: string): string {
    this.state.seq += 1;
    return `${prefix}${this.state.seq}`;
  }

  private record(entry: Omit<HistoryEntry, 'seq' | 'at' | 'kind'> & Partial<Pick<HistoryEntry, 'kind'>>): void {
    this.state.history.push({ seq: this.state.history.length + 1, kind: 'PASSED', at: this.at, ...entry });
  }

  private wait(point: RoutePoint, kind: WaitKind, move: Move): Token {
    const token: Token = {
      id: this.nextId('t'),
      pointId: point.id,
      waitingFor: kind,
      frames: move.frames,
      lastResult: move.lastResult,
      since: this.at,
    };
    this.state.tokens.push(token);
    return token;
  }

  // -- movement

  private edgeFor(point: RoutePoint, exit: string | undefined): Edge {
    const edges = this.cm.outgoing.get(point.id)!;
    const edge = (exit !== undefined && edges.find((e) => e.exit === exit)) || edges.find((e) => e.exit === undefined);
    if (!edge) throw new ProcessEngineError('CORRUPT_STATE', `"${point.id}" has no edge for exit ${describe(exit)}`, point.id);
    return edge;
  }

  private traverse(edge: Edge, frames: BranchFrame[], lastResult: string | null): void {
    if (edge.set) {
      // All right-hand sides see the variables as they were before this edge.
      const values = this.evalRecord(edge.from, `edge→${edge.to}.set`, edge.set, this.context(frames, lastResult));
      Object.assign(this.state.vars, values);
    }
    this.queue.push({ pointId: edge.to, frames, lastResult });
  }

  private leave(point: RoutePoint, exit: string | undefined, frames: BranchFrame[], lastResult: string | null): void {
    this.traverse(this.edgeFor(point, exit), frames, lastResult);
  }

  /** Moves tokens until each waits at an ACTION, SUBPROCESS, PROCESSING or MERGE, or the process ends. */
  drain(): void {
    while (this.queue.length > 0) {
      this.moves += 1;
      if (this.moves > MAX_MOVES) throw new ProcessEngineError('LOOP_LIMIT', `More than ${MAX_MOVES} automatic moves in one step`);
      this.enter(this.queue.shift()!);
    }
  }

  begin(): void {
    const start = this.cm.start;
    this.record({ pointId: start.id, type: 'START', tokenId: null });
    this.leave(start, undefined, [], null);
    this.drain();
  }

  private enter(move: Move): void {
    const point = this.cm.points.get(move.pointId)!;
    const ctx = (): Record<string, unknown> => this.context(move.frames, move.lastResult);
    switch (point.type) {
      case 'START':
        throw new ProcessEngineError('CORRUPT_STATE', 'START cannot be re-entered', point.id);
      case 'ACTION': {
        const c = ctx();
        const [assignee] = this.assignees(point.performer, c, move.frames, point.id, 'performer', false);
        const deadlineDays = this.days(point.id, 'deadlineDays', point.deadlineDays, c);
        const escalateAfterDays = this.days(point.id, 'escalateAfterDays', point.escalateAfterDays, c);
        const token = this.wait(point, 'TASK', move);
        this.commands.push({
          type: 'CreateTask',
          tokenId: token.id,
          pointId: point.id,
          title: renderTemplate(point.name, c),
          description: renderTemplate(point.description ?? '', c),
          performer: cloneJson(point.performer),
          assignee,
          results: [...point.results],
          deadlineDays,
          escalateAfterDays,
          allowRedirect: point.allowRedirect ?? false,
        });
        return;
      }
      case 'SUBPROCESS': {
        const c = ctx();
        const parameters = this.evalRecord(point.id, 'parameters', point.parameters, c);
        for (const [name, specs] of Object.entries(point.performers ?? {})) {
          parameters[name] = specs.flatMap((spec, i) =>
            this.assignees(spec, c, move.frames, point.id, `performers.${name}[${i}]`, true),
          ) as unknown as JsonValue;
        }
        const subject =
          point.subjectType !== undefined || point.subjectId !== undefined
            ? { type: point.subjectType ?? null, id: cloneJson(this.eval(point.id, 'subjectId', point.subjectId, c)) }
            : null;
        const token = this.wait(point, 'SUBPROCESS', move);
        this.commands.push({ type: 'StartSubprocess', tokenId: token.id, pointId: point.id, templateCode: point.templateCode, parameters, subject });
        return;
      }
      case 'PROCESSING': {
        const args = this.evalRecord(point.id, 'args', point.args, ctx());
        const token = this.wait(point, 'PROCESSING', move);
        this.commands.push({ type: 'RunProcessing', tokenId: token.id, pointId: point.id, action: point.action, args });
        return;
      }
      case 'CONDITION': {
        const exit = this.evalCondition(point.id, point.condition, ctx()) ? 'then' : 'else';
        this.record({ pointId: point.id, type: point.type, tokenId: null, exit });
        this.leave(point, exit, move.frames, move.lastResult);
        return;
      }
      case 'SWITCH': {
        const value = this.eval(point.id, 'expression', point.expression, ctx());
        const key = value === null ? null : typeof value === 'object' ? JSON.stringify(value) : String(value);
        const exit = key !== null && point.options.includes(key) ? key : 'default';
        this.record({ pointId: point.id, type: point.type, tokenId: null, exit });
        this.leave(point, exit, move.frames, move.lastResult);
        return;
      }
      case 'SPLIT':
        this.split(point, move);
        return;
      case 'MERGE':
        this.merge(point, move);
        return;
      case 'END': {
        if (move.frames.length > 0) throw new ProcessEngineError('CORRUPT_STATE', `END "${point.id}" reached inside a split branch`, point.id);
        const output = this.evalRecord(point.id, 'output', point.output, ctx());
        this.record({ pointId: point.id, type: 'END', tokenId: null, result: point.result });
        this.cancelWaits(`Process reached ${point.id}`);
        Object.assign(this.state, { status: 'FINISHED', result: point.result, output });
        this.commands.push({ type: 'Finish', status: 'FINISHED', result: point.result, output });
        this.queue.length = 0;
        return;
      }
    }
  }

  private evalCondition(pointId: string, rule: Expression, ctx: unknown): boolean {
    const value = this.eval(pointId, 'condition', rule, ctx);
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }

  private split(point: RoutePoint & { type: 'SPLIT' }, move: Move): void {
    const edges = this.cm.outgoing.get(point.id)!;
    let items: JsonValue[] | null = null;
    if (point.forEach !== undefined) {
      const list = this.eval(point.id, 'forEach', point.forEach, this.context(move.frames, move.lastResult));
      if (list !== null && !Array.isArray(list)) {
        throw new ProcessEngineError('INVALID_FOREACH', `${point.id}.forEach gave ${describe(list)}, not a list`, point.id);
      }
      items = list ?? [];
    }
    const count = items ? items.length : edges.length;
    const fireId = this.nextId('f');
    const mergeId = this.cm.mergeOf.get(point.id)!;
    this.record({ pointId: point.id, type: 'SPLIT', tokenId: null, fireId, branches: count });
    if (count === 0) {
      // Nothing to wait for: the merge fires at once.
      const merge = this.cm.points.get(mergeId)!;
      this.record({ pointId: mergeId, type: 'MERGE', tokenId: null, fireId });
      this.leave(merge, undefined, move.frames, null);
      return;
    }
    this.state.splits[fireId] = { splitId: point.id, mergeId, count, arrived: [], frames: move.frames };
    for (let branch = 0; branch < count; branch += 1) {
      const frame: BranchFrame = { fireId, splitId: point.id, branch };
      if (items) frame.item = cloneJson(items[branch]);
      this.traverse(items ? edges[0] : edges[branch], [...move.frames, frame], move.lastResult);
    }
  }

  private merge(point: MergePoint, move: Move): void {
    const top = move.frames[move.frames.length - 1];
    const firing = top && this.state.splits[top.fireId];
    if (!top || top.splitId !== point.splitId || !firing) {
      throw new ProcessEngineError('CORRUPT_STATE', `A token reached merge "${point.id}" outside the branches of "${point.splitId}"`, point.id);
    }
    if (firing.arrived.includes(top.branch)) {
      throw new ProcessEngineError('CORRUPT_STATE', `Branch ${top.branch} reached merge "${point.id}" twice`, point.id);
    }
    firing.arrived.push(top.branch);
    if (firing.arrived.length < firing.count) return;
    delete this.state.splits[top.fireId];
    this.record({ pointId: point.id, type: 'MERGE', tokenId: null, fireId: top.fireId });
    // After a merge there is no single "last result": expressions use results.<point> or vars.
    this.leave(point, undefined, firing.frames, null);
  }

  /** Ends every wait (used by Cancel, and defensively when an END is reached). */
  cancelWaits(reason: string | null): void {
    const tokens = this.state.tokens;
    if (tokens.length === 0) return;
    for (const t of tokens) {
      this.record({ pointId: t.pointId, type: this.cm.points.get(t.pointId)!.type, kind: 'CANCELLED', tokenId: t.id, since: t.since });
    }
    this.commands.push({
      type: 'CancelTasks',
      tokens: tokens.map((t) => ({ tokenId: t.id, pointId: t.pointId, waitingFor: t.waitingFor })),
      reason,
    });
    this.state.tokens = [];
    this.state.splits = {};
  }

  /** A waiting token got its outcome: record it and move on. */
  complete(
    token: Token,
    point: ActionPoint | SubprocessPoint | ProcessingPoint,
    result: string | null,
    exit: string | undefined,
    details: { comment?: string; by?: string; taskId?: string; output?: JsonValue },
  ): void {
    this.state.tokens = this.state.tokens.filter((t) => t.id !== token.id);
    this.state.results[point.id] = {
      result,
      comment: details.comment ?? null,
      by: details.by ?? null,
      taskId: details.taskId ?? null,
      output: cloneJson(details.output ?? null),
      at: this.at,
    };
    this.record({
      pointId: point.id,
      type: point.type,
      tokenId: token.id,
      since: token.since,
      result,
      exit: exit ?? null,
      comment: details.comment ?? null,
      by: details.by ?? null,
      taskId: details.taskId ?? null,
    });
    this.leave(point, exit, token.frames, result ?? token.lastResult);
    this.drain();
  }
}

// ---------------------------------------------------------------- public API

function emptyState(parameters: JsonObject, subject: JsonValue): ProcessState {
  return {
    schema: 1,
    status: 'RUNNING',
    result: null,
    output: null,
    parameters,
    subject,
    vars: {},
    results: {},
    tokens: [],
    splits: {},
    history: [],
    seq: 0,
  };
}

export interface StartOptions {
  /** The subject document snapshot expressions read as `subject`. */
  subject?: JsonValue;
  /** Time of the start, recorded in the history. */
  at?: string;
}

/** Starts an instance: checks the map and the parameters, then runs from START to the first waits. */
export function start(map: RouteMap, parameters: unknown, options: StartOptions = {}): StepResult {
  const cm = compile(map);
  const resolved = resolveParameters(map, parameters);
  if (!resolved.ok) {
    const first = resolved.errors[0];
    throw new ProcessEngineError('INVALID_PARAMETERS', `Invalid parameters for ${map.code}: ${first.message}`, null, resolved.errors);
  }
  const run = new Run(cm, emptyState(resolved.parameters, cloneJson(options.subject ?? null)), options.at ?? null);
  run.begin();
  return { state: run.state, commands: run.commands };
}

function locate(state: ProcessState, event: { tokenId?: string; pointId?: string }, kind: WaitKind, cm: CompiledMap): Token {
  if (event.tokenId !== undefined) {
    const token = state.tokens.find((t) => t.id === event.tokenId);
    if (!token) {
      throw new ProcessEngineError('TOKEN_NOT_ACTIVE', `Token "${event.tokenId}" is not waiting (already completed or cancelled)`, event.pointId ?? null);
    }
    if (event.pointId !== undefined && event.pointId !== token.pointId) {
      throw new ProcessEngineError('EVENT_MISMATCH', `Token "${token.id}" waits at "${token.pointId}", not at "${event.pointId}"`, event.pointId);
    }
    if (token.waitingFor !== kind) {
      throw new ProcessEngineError('EVENT_MISMATCH', `Token "${token.id}" at "${token.pointId}" waits for ${token.waitingFor}, not ${kind}`, token.pointId);
    }
    return token;
  }
  if (event.pointId !== undefined) {
    if (!cm.points.has(event.pointId)) throw new ProcessEngineError('INVALID_EVENT', `The map has no point "${event.pointId}"`, event.pointId);
    const waiting = state.tokens.filter((t) => t.pointId === event.pointId && t.waitingFor === kind);
    if (waiting.length === 0) throw new ProcessEngineError('TOKEN_NOT_ACTIVE', `Nothing waits for ${kind} at "${event.pointId}"`, event.pointId);
    if (waiting.length > 1) {
      throw new ProcessEngineError('AMBIGUOUS_EVENT', `${waiting.length} tokens wait at "${event.pointId}"; give the tokenId`, event.pointId);
    }
    return waiting[0];
  }
  throw new ProcessEngineError('INVALID_EVENT', 'The event names neither a tokenId nor a pointId');
}

/**
 * Applies one event. Throws {@link ProcessEngineError} (and changes nothing) when the event does not apply:
 * a replayed or stale event gives TOKEN_NOT_ACTIVE.
 */
export function step(map: RouteMap, state: ProcessState, event: ProcessEvent): StepResult {
  const cm = compile(map);
  if (!isObject(event) || typeof event.type !== 'string') throw new ProcessEngineError('INVALID_EVENT', 'An event is an object with a type');
  if (state.status !== 'RUNNING') {
    throw new ProcessEngineError('PROCESS_NOT_RUNNING', `The process is ${state.status.toLowerCase()}`);
  }
  const next = cloneJson(state);
  if (event.subject !== undefined) next.subject = cloneJson(event.subject);
  const run = new Run(cm, next, event.at ?? null);

  switch (event.type) {
    case 'Cancel': {
      run.cancelWaits(event.reason ?? null);
      const output: JsonObject = { reason: event.reason ?? null, by: event.by ?? null };
      Object.assign(next, { status: 'CANCELLED', result: 'CANCELLED', output });
      run.commands.push({ type: 'Finish', status: 'CANCELLED', result: 'CANCELLED', output });
      break;
    }
    case 'TaskCompleted': {
      const token = locate(next, event, 'TASK', cm);
      const point = cm.points.get(token.pointId) as ActionPoint;
      if (typeof event.result !== 'string' || !point.results.includes(event.result)) {
        throw new ProcessEngineError('INVALID_RESULT', `"${point.id}" accepts ${point.results.join(', ')}, not ${describe(event.result)}`, point.id);
      }
      run.complete(token, point, event.result, event.result, event);
      break;
    }
    case 'SubprocessFinished': {
      const token = locate(next, event, 'SUBPROCESS', cm);
      const point = cm.points.get(token.pointId) as SubprocessPoint;
      if (typeof event.result !== 'string') throw new ProcessEngineError('INVALID_RESULT', `"${point.id}" needs the child's result`, point.id);
      const mapped = point.resultMap?.[event.result] ?? event.result;
      const known = point.results.includes(mapped);
      const hasDefault = cm.outgoing.get(point.id)!.some((e) => e.exit === undefined);
      if (!known && !hasDefault) {
        throw new ProcessEngineError('INVALID_RESULT', `"${point.id}" has no exit for the child's result ${describe(event.result)}`, point.id);
      }
      run.complete(token, point, mapped, known ? mapped : undefined, { output: event.output });
      break;
    }
    case 'ProcessingDone': {
      const token = locate(next, event, 'PROCESSING', cm);
      const point = cm.points.get(token.pointId) as ProcessingPoint;
      if (point.results) {
        if (typeof event.result !== 'string' || !point.results.includes(event.result)) {
          throw new ProcessEngineError('INVALID_RESULT', `"${point.id}" reports ${point.results.join(', ')}, not ${describe(event.result)}`, point.id);
        }
        run.complete(token, point, event.result, event.result, { output: event.output });
      } else {
        run.complete(token, point, null, undefined, { output: event.output });
      }
      break;
    }
    default:
      throw new ProcessEngineError('INVALID_EVENT', `Unknown event type ${describe((event as { type: unknown }).type)}`);
  }
  return { state: next, commands: run.commands };
}

export interface ActivePoint {
  pointId: string;
  /** What the point waits for; MERGE: some branches arrived, others not yet. */
  kind: WaitKind | 'MERGE';
  tokenId: string | null;
  since: string | null;
  /** MERGE only. */
  arrived?: number;
  branches?: number;
}

/** Where the instance currently waits: tokens at actions, subprocesses and processing, and partly reached merges. */
export function activePoints(state: ProcessState): ActivePoint[] {
  const out: ActivePoint[] = state.tokens.map((t) => ({ pointId: t.pointId, kind: t.waitingFor, tokenId: t.id, since: t.since }));
  for (const firing of Object.values(state.splits)) {
    if (firing.arrived.length > 0) {
      out.push({ pointId: firing.mergeId, kind: 'MERGE', tokenId: null, since: null, arrived: firing.arrived.length, branches: firing.count });
    }
  }
  return out;
}
