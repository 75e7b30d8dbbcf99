import { registerEnumType } from 'type-graphql';

export enum ProcessStatus {
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProcessStatus, {
  name: 'ProcessStatus',
  description: 'Whether a business process is still running.',
  valuesConfig: {
    RUNNING: { description: 'Running: it waits at one or more points (tasks, nested processes).' },
    FINISHED: { description: 'Reached an end point; `result` says which.' },
    CANCELLED: { description: 'Stopped by a person before reaching an end; its open tasks were cancelled.' },
  },
});

export enum ProcessTaskState {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProcessTaskState, {
  name: 'ProcessTaskState',
  description: 'Where a business-process task is in its life.',
  valuesConfig: {
    OPEN: { description: 'Handed to its performer, not yet accepted.' },
    ACCEPTED: { description: 'The performer accepted it («принята к исполнению») and works on it.' },
    DONE: { description: 'Completed with one of its results; the process moved on.' },
    CANCELLED: { description: 'No longer needed: the process was cancelled or took another way.' },
  },
});

/** Tasks still to be done. */
export const OPEN_TASK_STATES: readonly ProcessTaskState[] = [ProcessTaskState.OPEN, ProcessTaskState.ACCEPTED];

export enum RoutePointType {
  START = 'START',
  ACTION = 'ACTION',
  CONDITION = 'CONDITION',
  SWITCH = 'SWITCH',
  SPLIT = 'SPLIT',
  MERGE = 'MERGE',
  PROCESSING = 'PROCESSING',
  SUBPROCESS = 'SUBPROCESS',
  END = 'END',
}
registerEnumType(RoutePointType, {
  name: 'RoutePointType',
  description: 'The kind of a point of a route map.',
  valuesConfig: {
    START: { description: 'Where the process starts.' },
    ACTION: { description: 'A task for a performer, completed with one of its results.' },
    CONDITION: { description: 'A yes/no question over the process data: two exits.' },
    SWITCH: { description: 'One of several named exits, chosen by a value.' },
    SPLIT: { description: 'Parallel branches start here.' },
    MERGE: { description: 'Waits for every branch of its split.' },
    PROCESSING: { description: 'An automatic step (move the interest stage, create a document).' },
    SUBPROCESS: { description: 'Starts a nested process and waits for its result.' },
    END: { description: 'The process ends here with a result.' },
  },
});

export enum ProcessWaitKind {
  TASK = 'TASK',
  SUBPROCESS = 'SUBPROCESS',
  PROCESSING = 'PROCESSING',
  MERGE = 'MERGE',
}
registerEnumType(ProcessWaitKind, {
  name: 'ProcessWaitKind',
  description: 'What a process waits for at an active point.',
  valuesConfig: {
    TASK: { description: 'A person to complete a task.' },
    SUBPROCESS: { description: 'A nested process to finish.' },
    PROCESSING: { description: 'An automatic step to finish.' },
    MERGE: { description: 'The other parallel branches to arrive.' },
  },
});

export enum ProcessHistoryKind {
  PASSED = 'PASSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProcessHistoryKind, {
  name: 'ProcessHistoryKind',
  description: 'What happened at a point of the passed path.',
  valuesConfig: {
    PASSED: { description: 'The process went through the point (an end point: reached it).' },
    CANCELLED: { description: 'The wait at the point was cancelled.' },
  },
});
