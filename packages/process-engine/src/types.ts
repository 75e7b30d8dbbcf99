/**
 * The route-map model, the instance state, and the events and commands of the step function.
 * Everything here is plain JSON so that the server can store maps and states in jsonb columns as they are.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Logic rule (the subset documented in README.md). Plain values are literals. */
export type Expression = JsonValue;

export const POINT_TYPES = [
  'START',
  'ACTION',
  'CONDITION',
  'SWITCH',
  'SPLIT',
  'MERGE',
  'PROCESSING',
  'SUBPROCESS',
  'END',
] as const;
export type PointType = (typeof POINT_TYPES)[number];

/**
 * Who gets a task. The engine resolves the data references (parameters, subject fields, branch items) into an
 * {@link Assignee}; the server resolves a role to a person when it creates the task.
 * - `{ user }`: a fixed user id.
 * - `{ role, of? }`: a holder of the role; `of` is a context path to a user id the role is relative to
 *   (`{ role: 'HEAD_OF_SALES', of: 'subject.responsibleId' }` = the head of sales of the interest's manager).
 * - `{ parameter, index? }`: a process parameter holding a user id or an assignee, or a list of them; for a list,
 *   the element at `index` (an expression), by default the index of the token's innermost split branch.
 * - `{ expression }`: an expression giving a user id or an assignee.
 */
export type PerformerSpec =
  | { user: string }
  | { role: string; of?: string }
  | { parameter: string; index?: Expression }
  | { expression: Expression };

/** A resolved performer: a concrete user, or a role (relative to a user) for the server to resolve. */
export type Assignee = { kind: 'USER'; userId: string } | { kind: 'ROLE'; role: string; ofUserId: string | null };

export interface Position {
  x: number;
  y: number;
}

interface PointBase {
  /** Unique within the map; referenced by edges, `results.<id>` in expressions, and commands. */
  id: string;
  /** Shown in the monitor and used as the task title (`{{path}}` placeholders are filled for actions). */
  name: string;
  /** Where the editor draws the point; ignored by the engine. */
  position?: Position;
}

export interface StartPoint extends PointBase {
  type: 'START';
}

export interface ActionPoint extends PointBase {
  type: 'ACTION';
  performer: PerformerSpec;
  /** Task description template with `{{path}}` placeholders over the expression context. */
  description?: string;
  /** Deadline in working days (a number or an expression giving one); the server applies its working calendar. */
  deadlineDays?: Expression;
  /** When the server escalates an open task (working days after it was created); carried, not acted on. */
  escalateAfterDays?: Expression;
  /** The results a performer may complete the task with; each is an exit (or falls to the default edge). */
  results: string[];
  allowRedirect?: boolean;
}

export interface ConditionPoint extends PointBase {
  type: 'CONDITION';
  /** Truthy → exit `then`, otherwise exit `else`. */
  condition: Expression;
}

export interface SwitchPoint extends PointBase {
  type: 'SWITCH';
  /** Its value (as a string) picks the exit of the same name; anything else takes exit `default`. */
  expression: Expression;
  options: string[];
}

export interface SplitPoint extends PointBase {
  type: 'SPLIT';
  /**
   * Dynamic split: one branch per element of this list (through the single outgoing edge); the element is
   * `branch.item` in the branch. Without it, each outgoing edge is a branch.
   */
  forEach?: Expression;
}

export interface MergePoint extends PointBase {
  type: 'MERGE';
  /** The split whose branches this merge waits for. */
  splitId: string;
}

export interface ProcessingPoint extends PointBase {
  type: 'PROCESSING';
  /** A named automatic action executed by the server (e.g. `setInterestStage`, `createInvoice`). */
  action: string;
  /** Arguments, each an expression evaluated when the point is reached. */
  args?: Record<string, Expression>;
  /** Optional outcomes reported by the server; without them the point has a single exit. */
  results?: string[];
}

export interface SubprocessPoint extends PointBase {
  type: 'SUBPROCESS';
  /** Code of the template to start (the server picks its current published version). */
  templateCode: string;
  /** The child's parameters, each an expression over this process's context. */
  parameters?: Record<string, Expression>;
  /** Child parameters holding lists of assignees, resolved from performer specs in this process's context. */
  performers?: Record<string, PerformerSpec[]>;
  /** The child's subject: a type, and an expression for its id; without them the child inherits the subject. */
  subjectType?: string;
  subjectId?: Expression;
  /** The exits of this point. */
  results: string[];
  /** Child result → one of `results`; an unmapped child result is used as is. */
  resultMap?: Record<string, string>;
}

export interface EndPoint extends PointBase {
  type: 'END';
  /** The process result (returned to a parent process). */
  result: string;
  /** Output values, each an expression evaluated at the end. */
  output?: Record<string, Expression>;
}

export type RoutePoint =
  | StartPoint
  | ActionPoint
  | ConditionPoint
  | SwitchPoint
  | SplitPoint
  | MergePoint
  | ProcessingPoint
  | SubprocessPoint
  | EndPoint;

export interface Edge {
  from: string;
  to: string;
  /**
   * Which exit of `from` this edge is: `then`/`else` for a condition, an option or `default` for a switch, a
   * result for an action, subprocess or processing. Omitted: the only exit, or the default for results not wired
   * explicitly.
   */
  exit?: string;
  /** Text drawn on the edge. */
  label?: string;
  /** Assignments to process variables (`vars.<name>`) made when a token traverses this edge. */
  set?: Record<string, Expression>;
}

export type ParameterType = 'string' | 'number' | 'decimal' | 'boolean' | 'list' | 'object' | 'any';

export interface ParameterSpec {
  name: string;
  type?: ParameterType;
  /** Must be given and not null (a list must not be empty). */
  required?: boolean;
  default?: JsonValue;
  description?: string;
}

export interface RouteMap {
  /** Stable code, e.g. `SALE`; subprocess points refer to templates by it. */
  code: string;
  name: string;
  description?: string;
  /** The subject document type the process runs on (e.g. `CLIENT_INTEREST`); informative. */
  subjectType?: string;
  /** Declared parameters; when given, `parameters.<name>` references must name one of them. */
  parameters?: ParameterSpec[];
  points: RoutePoint[];
  edges: Edge[];
}

// ---------------------------------------------------------------- instance state

export type ProcessStatus = 'RUNNING' | 'FINISHED' | 'CANCELLED';
export type WaitKind = 'TASK' | 'SUBPROCESS' | 'PROCESSING';

/** Membership of a token in one branch of one firing of a split. */
export interface BranchFrame {
  fireId: string;
  splitId: string;
  branch: number;
  /** The list element of a dynamic split's branch. */
  item?: JsonValue;
}

/**
 * A token waiting at an ACTION, SUBPROCESS or PROCESSING point. A token gets a new id every time it starts
 * waiting, so `(instance, tokenId)` identifies one task / child process / processing run exactly once.
 */
export interface Token {
  id: string;
  pointId: string;
  waitingFor: WaitKind;
  /** Outermost first. */
  frames: BranchFrame[];
  /** The result of the last ACTION / SUBPROCESS / PROCESSING this token passed (null after a merge). */
  lastResult: string | null;
  /** `at` of the event that made the token wait here. */
  since: string | null;
}

/** One firing of a split whose merge has not fired yet. */
export interface SplitFiring {
  splitId: string;
  mergeId: string;
  /** Number of branches. */
  count: number;
  /** Branch indices that reached the merge. */
  arrived: number[];
  /** The frames of the token that entered the split (restored when the merge fires). */
  frames: BranchFrame[];
}

/** The latest outcome of a point, exposed to expressions as `results.<pointId>`. */
export interface PointOutcome {
  result: string | null;
  comment: string | null;
  by: string | null;
  taskId: string | null;
  output: JsonValue;
  at: string | null;
}

export interface HistoryEntry {
  /** Position in the history, from 1. */
  seq: number;
  pointId: string;
  type: PointType;
  /** PASSED: the token left (or, for END, reached) the point; CANCELLED: the wait was cancelled. */
  kind: 'PASSED' | 'CANCELLED';
  tokenId: string | null;
  at: string | null;
  /** When the token started waiting here (wait points). */
  since?: string | null;
  /** The exit taken (conditions, switches, results wired to exits). */
  exit?: string | null;
  result?: string | null;
  comment?: string | null;
  by?: string | null;
  taskId?: string | null;
  /** SPLIT and MERGE: the split firing; SPLIT: its number of branches. */
  fireId?: string;
  branches?: number;
}

export interface ProcessState {
  schema: 1;
  status: ProcessStatus;
  /** The END's result, or `CANCELLED`. */
  result: string | null;
  output: JsonObject | null;
  parameters: JsonObject;
  /** The caller's latest snapshot of the subject document. */
  subject: JsonValue;
  vars: JsonObject;
  results: Record<string, PointOutcome>;
  tokens: Token[];
  /** Open split firings by fire id. */
  splits: Record<string, SplitFiring>;
  history: HistoryEntry[];
  /** Counter for token and fire ids. */
  seq: number;
}

// ---------------------------------------------------------------- events

interface EventBase {
  /** Time of the event (ISO string) recorded in the history; the engine has no clock. */
  at?: string;
  /** A fresh snapshot of the subject document; replaces the stored one before anything is evaluated. */
  subject?: JsonValue;
}

/** Addresses a waiting token: by `tokenId`, or by `pointId` when exactly one token waits there. */
interface TokenAddress {
  tokenId?: string;
  pointId?: string;
}

export interface TaskCompletedEvent extends EventBase, TokenAddress {
  type: 'TaskCompleted';
  taskId?: string;
  result: string;
  comment?: string;
  by?: string;
  output?: JsonValue;
}

export interface SubprocessFinishedEvent extends EventBase, TokenAddress {
  type: 'SubprocessFinished';
  result: string;
  output?: JsonValue;
}

export interface ProcessingDoneEvent extends EventBase, TokenAddress {
  type: 'ProcessingDone';
  /** Required when the point declares results. */
  result?: string;
  output?: JsonValue;
}

export interface CancelEvent extends EventBase {
  type: 'Cancel';
  by?: string;
  reason?: string;
}

export type ProcessEvent = TaskCompletedEvent | SubprocessFinishedEvent | ProcessingDoneEvent | CancelEvent;

// ---------------------------------------------------------------- commands

export interface CreateTaskCommand {
  type: 'CreateTask';
  tokenId: string;
  pointId: string;
  title: string;
  description: string;
  /** The spec as written in the map. */
  performer: PerformerSpec;
  /** The spec with its data references resolved. */
  assignee: Assignee;
  results: string[];
  deadlineDays: number | null;
  escalateAfterDays: number | null;
  allowRedirect: boolean;
}

export interface StartSubprocessCommand {
  type: 'StartSubprocess';
  tokenId: string;
  pointId: string;
  templateCode: string;
  parameters: JsonObject;
  /** Null: the child runs on the parent's subject. */
  subject: { type: string | null; id: JsonValue } | null;
}

export interface RunProcessingCommand {
  type: 'RunProcessing';
  tokenId: string;
  pointId: string;
  action: string;
  args: JsonObject;
}

export interface CancelTasksCommand {
  type: 'CancelTasks';
  /** Every wait to cancel: open tasks, running child processes, pending processing runs. */
  tokens: Array<{ tokenId: string; pointId: string; waitingFor: WaitKind }>;
  reason: string | null;
}

export interface FinishCommand {
  type: 'Finish';
  status: 'FINISHED' | 'CANCELLED';
  result: string;
  output: JsonObject;
}

export type Command =
  | CreateTaskCommand
  | StartSubprocessCommand
  | RunProcessingCommand
  | CancelTasksCommand
  | FinishCommand;

export interface StepResult {
  state: ProcessState;
  commands: Command[];
}
