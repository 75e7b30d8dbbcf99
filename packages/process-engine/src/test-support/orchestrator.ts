/**
 * An in-memory stand-in for the server, for tests: it keeps instances, applies the engine's commands (tasks,
 * child processes, processing runs) and reports child results to the parent, the way the real server will.
 */
import { step, start } from '../engine';
import type { Assignee, Command, CreateTaskCommand, JsonObject, JsonValue, ProcessEvent, ProcessState, RouteMap } from '../types';

export interface Instance {
  id: string;
  code: string;
  map: RouteMap;
  state: ProcessState;
  parent: { instanceId: string; tokenId: string } | null;
}

export interface OpenTask extends CreateTaskCommand {
  instanceId: string;
  code: string;
}

export type ProcessingHandler = (action: string, args: JsonObject) => { output?: JsonValue; result?: string } | 'hold';

export class Orchestrator {
  readonly instances = new Map<string, Instance>();
  readonly tasks: OpenTask[] = [];
  readonly processingLog: Array<{ instanceId: string; action: string; args: JsonObject }> = [];
  readonly heldProcessing: Array<{ instanceId: string; tokenId: string; pointId: string; action: string }> = [];
  private readonly pending: Array<{ instanceId: string; event: ProcessEvent }> = [];
  private counter = 0;
  private clock = 0;

  constructor(
    private readonly templates: Record<string, RouteMap>,
    private readonly onProcessing: ProcessingHandler = () => ({}),
  ) {}

  private now(): string {
    this.clock += 1;
    return `2025-01-01T00:00:${String(this.clock % 60).padStart(2, '0')}.${String(this.clock).padStart(3, '0')}Z`;
  }

  start(code: string, parameters: JsonObject, subject: JsonValue = null, parent: Instance['parent'] = null): Instance {
    const map = this.templates[code];
    if (!map) throw new Error(`No template ${code}`);
    const { state, commands } = start(map, parameters, { subject, at: this.now() });
    this.counter += 1;
    const instance: Instance = { id: `${code}#${this.counter}`, code, map, state, parent };
    this.instances.set(instance.id, instance);
    this.apply(instance, commands);
    this.settle();
    return instance;
  }

  /** Applies an event and everything it causes (children finishing, automatic processing). */
  send(instanceId: string, event: ProcessEvent): void {
    this.pending.push({ instanceId, event });
    this.settle();
  }

  private settle(): void {
    while (this.pending.length > 0) {
      const { instanceId, event } = this.pending.shift()!;
      const instance = this.instances.get(instanceId)!;
      const { state, commands } = step(instance.map, instance.state, { at: this.now(), ...event });
      instance.state = state;
      this.apply(instance, commands);
    }
  }

  private apply(instance: Instance, commands: Command[]): void {
    for (const c of commands) {
      switch (c.type) {
        case 'CreateTask':
          if (this.tasks.some((t) => t.instanceId === instance.id && t.tokenId === c.tokenId)) {
            throw new Error(`Duplicate task for ${instance.id}/${c.tokenId}`);
          }
          this.tasks.push({ ...c, instanceId: instance.id, code: instance.code });
          break;
        case 'StartSubprocess': {
          const parentSubject = instance.state.subject;
          const subject =
            c.subject === null
              ? parentSubject
              : ({ ...(parentSubject as JsonObject), type: c.subject.type, id: c.subject.id } as JsonValue);
          this.start(c.templateCode, c.parameters, subject, { instanceId: instance.id, tokenId: c.tokenId });
          break;
        }
        case 'RunProcessing': {
          this.processingLog.push({ instanceId: instance.id, action: c.action, args: c.args });
          const outcome = this.onProcessing(c.action, c.args);
          if (outcome === 'hold') {
            this.heldProcessing.push({ instanceId: instance.id, tokenId: c.tokenId, pointId: c.pointId, action: c.action });
          } else {
            this.pending.push({ instanceId: instance.id, event: { type: 'ProcessingDone', tokenId: c.tokenId, ...outcome } });
          }
          break;
        }
        case 'CancelTasks':
          for (const t of c.tokens) {
            const i = this.tasks.findIndex((task) => task.instanceId === instance.id && task.tokenId === t.tokenId);
            if (i >= 0) this.tasks.splice(i, 1);
          }
          break;
        case 'Finish':
          if (instance.parent) {
            this.pending.push({
              instanceId: instance.parent.instanceId,
              event: { type: 'SubprocessFinished', tokenId: instance.parent.tokenId, result: c.result, output: c.output },
            });
          }
          break;
      }
    }
  }

  /** Open tasks, optionally at one point (of any instance). */
  open(pointId?: string): OpenTask[] {
    return this.tasks.filter((t) => pointId === undefined || t.pointId === pointId);
  }

  /** Completes the only open task at the point (or the one matching `which`). */
  complete(
    pointId: string,
    result: string,
    options: { comment?: string; by?: string; subject?: JsonValue; which?: (t: OpenTask) => boolean } = {},
  ): OpenTask {
    const candidates = this.open(pointId).filter(options.which ?? (() => true));
    if (candidates.length !== 1) {
      throw new Error(`Expected one open task at ${pointId}, found ${candidates.length}; open: ${this.tasks.map((t) => t.pointId).join(', ')}`);
    }
    const task = candidates[0];
    this.tasks.splice(this.tasks.indexOf(task), 1);
    this.send(task.instanceId, {
      type: 'TaskCompleted',
      tokenId: task.tokenId,
      pointId,
      result,
      comment: options.comment,
      by: options.by,
      taskId: `task-${task.tokenId}`,
      ...(options.subject !== undefined ? { subject: options.subject } : {}),
    });
    return task;
  }

  root(): Instance {
    return [...this.instances.values()].find((i) => i.parent === null)!;
  }

  byCode(code: string): Instance[] {
    return [...this.instances.values()].filter((i) => i.code === code);
  }
}

export function user(userId: string): Assignee {
  return { kind: 'USER', userId };
}

export function role(name: string, ofUserId: string | null = null): Assignee {
  return { kind: 'ROLE', role: name, ofUserId };
}
