import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { ProcessInstance, ProcessTask } from './process.entities';
import { ProcessHistoryKind, ProcessWaitKind, RoutePointType } from './processes.enums';

export const ProcessInstanceConnection = Connection(ProcessInstance, 'ProcessInstance', 'business process');
export const ProcessTaskConnection = Connection(ProcessTask, 'ProcessTask', 'business-process task');

@ObjectType({ description: 'A point where a process currently waits (highlighted on its route map).' })
export class ActivePoint {
  @Field(() => ID, { description: 'Id of the point in the route map (same as `pointId`).' })
  id: string;

  @Field({ description: 'Id of the point in the route map.' })
  pointId: string;

  @Field({ description: 'Name of the point as the route map gives it.' })
  name: string;

  @Field(() => RoutePointType, { description: 'Kind of the point.' })
  type: RoutePointType;

  @Field(() => ProcessWaitKind, { description: 'What the process waits for there.' })
  waitingFor: ProcessWaitKind;

  @Field(() => Date, { nullable: true, description: 'Since when it waits there.' })
  since: Date | null;

  @Field(() => Int, { nullable: true, description: 'A merge: how many branches have arrived.' })
  arrived: number | null;

  @Field(() => Int, { nullable: true, description: 'A merge: how many branches it waits for in all.' })
  branches: number | null;

  /** The waiting token (internal; the task and nested process are found by it). */
  tokenId: string | null;
  instanceId: string;
}

@ObjectType({ description: 'A point the process passed (or whose wait was cancelled): who, when, with what result.' })
export class ProcessHistoryEntry {
  @Field(() => Int, { description: 'Position in the history, from 1.' })
  seq: number;

  @Field({ description: 'Id of the point in the route map.' })
  point: string;

  @Field({ description: 'Id of the point in the route map (same as `point`).' })
  pointId: string;

  @Field({ description: 'Name of the point as the route map gives it.' })
  name: string;

  @Field(() => RoutePointType, { description: 'Kind of the point.' })
  type: RoutePointType;

  @Field(() => ProcessHistoryKind, { description: 'Passed, or its wait cancelled.' })
  kind: ProcessHistoryKind;

  @Field(() => String, { nullable: true, description: 'The result: of a task, of a nested process, or of an end point.' })
  result: string | null;

  @Field(() => String, { nullable: true, description: 'The exit taken (a condition: then/else; a switch: the option).' })
  exit: string | null;

  @Field(() => String, { nullable: true, description: 'The comment given with a task result.' })
  comment: string | null;

  @Field(() => Date, { nullable: true, description: 'When it happened.' })
  at: Date | null;

  @Field(() => ID, { nullable: true, description: 'Id of the user who completed the task (see `by`).' })
  byId: string | null;

  @Field(() => ID, { nullable: true, description: 'The task completed at this point.' })
  taskId: string | null;
}

@ObjectType({ description: 'What the viewer may do with a business process.' })
export class ProcessInstanceViewerCan {
  @Field({ description: 'May cancel it (a running top-level process of their scope; administrators any).' })
  cancel: boolean;
}

@ObjectType({ description: 'What the viewer may do with a task.' })
export class ProcessTaskViewerCan {
  @Field({ description: 'May accept it (its performer, while it is open).' })
  accept: boolean;

  @Field({ description: 'May complete it (its performer or an administrator, while it is open).' })
  complete: boolean;

  @Field({ description: 'May hand it to a colleague (the route map allows it; its performer, their supervisor or an administrator).' })
  redirect: boolean;
}

@ObjectType({ description: 'Counts of my business-process tasks, for the Tasks tab.' })
export class ProcessTaskCounts {
  @Field(() => Int, { description: 'My open (or accepted) tasks.' })
  open: number;

  @Field(() => Int, { description: 'Of those, past their deadline.' })
  overdue: number;

  @Field(() => Int, { description: 'Of those, due today (in my time zone) and not yet overdue.' })
  today: number;

  @Field(() => Int, { description: 'Of those, not yet accepted.' })
  notAccepted: number;
}

@ObjectType({ description: 'A problem found in a route map: what, and at which point.' })
export class RouteMapProblem {
  @Field({ description: 'A code, e.g. UNREACHABLE, MISSING_EXIT, MERGE_MISMATCH (see the process-engine README).' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The point at fault; null for a problem of the whole map.' })
  pointId: string | null;

  @Field({ description: 'What is wrong, for a person.' })
  message: string;

  @Field(() => String, { nullable: true, description: 'The field of the point at fault, when there is one.' })
  field: string | null;
}
