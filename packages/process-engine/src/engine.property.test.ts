/**
 * Property: random valid maps driven by random outcomes always terminate or wait at an ACTION / SUBPROCESS /
 * PROCESSING, never lose a branch (every split branch is alive until it reaches its merge), never fire a merge
 * twice, never issue two tasks for one token, and reject replays.
 */
import fc from 'fast-check';
import { ProcessEngineError, start, step } from './engine';
import { buildMap, programArb } from './test-support/random-maps';
import type { Command, ProcessEvent, ProcessState, RouteMap, RoutePoint } from './types';
import { validateMap } from './validate';

/** Far above what the generated loops (at most 2 rounds, at most 3 levels deep) can need. */
const MAX_STEPS = 3000;

const WAIT_TYPE = { TASK: 'ACTION', SUBPROCESS: 'SUBPROCESS', PROCESSING: 'PROCESSING' } as const;

function commandTokens(commands: Command[]): string[] {
  return commands.flatMap((c) => (c.type === 'CreateTask' || c.type === 'StartSubprocess' || c.type === 'RunProcessing' ? [c.tokenId] : []));
}

function checkInvariants(map: RouteMap, state: ProcessState, commands: Command[], issued: Set<string>): void {
  const points = new Map(map.points.map((p) => [p.id, p]));

  // One command per token, ever; each command's token is waiting in the new state.
  for (const tokenId of commandTokens(commands)) {
    if (issued.has(tokenId)) throw new Error(`A second command for token ${tokenId}`);
    issued.add(tokenId);
    if (!state.tokens.some((t) => t.id === tokenId)) throw new Error(`Command for token ${tokenId}, which is not waiting`);
  }
  // Tokens wait only where waiting is possible, each with its command issued, ids unique.
  const ids = new Set<string>();
  for (const t of state.tokens) {
    if (ids.has(t.id)) throw new Error(`Token id ${t.id} twice`);
    ids.add(t.id);
    if (!issued.has(t.id)) throw new Error(`Token ${t.id} waits without a command`);
    const type = points.get(t.pointId)?.type;
    if (type !== WAIT_TYPE[t.waitingFor]) throw new Error(`Token ${t.id} waits for ${t.waitingFor} at a ${type}`);
    for (const f of t.frames) {
      const firing = state.splits[f.fireId];
      if (!firing) throw new Error(`Token ${t.id} belongs to closed firing ${f.fireId}`);
      if (firing.arrived.includes(f.branch)) throw new Error(`Token ${t.id} is in branch ${f.branch} of ${f.fireId}, which already arrived`);
    }
  }
  // Conservation: each branch of each open firing has arrived exactly once or is still carried by a token.
  for (const [fireId, firing] of Object.entries(state.splits)) {
    if (new Set(firing.arrived).size !== firing.arrived.length) throw new Error(`Branch arrived twice at ${fireId}`);
    for (let b = 0; b < firing.count; b += 1) {
      const alive = state.tokens.some((t) => t.frames.some((f) => f.fireId === fireId && f.branch === b));
      if (alive === firing.arrived.includes(b)) throw new Error(`Branch ${b} of ${fireId} is ${alive ? 'alive and arrived' : 'lost'}`);
    }
  }
  // Merges fire once per split firing, after it.
  const merged = state.history.filter((h) => h.type === 'MERGE').map((h) => h.fireId!);
  if (new Set(merged).size !== merged.length) throw new Error('A merge fired twice for one split firing');
  const splitAt = new Map(state.history.filter((h) => h.type === 'SPLIT').map((h) => [h.fireId!, h.seq]));
  for (const h of state.history.filter((x) => x.type === 'MERGE')) {
    if (!(splitAt.get(h.fireId!)! < h.seq)) throw new Error(`Merge of ${h.fireId} without its split before it`);
    if (state.splits[h.fireId!]) throw new Error(`Firing ${h.fireId} merged but still open`);
  }
  // Running: something waits. Finished: nothing does, and every split firing merged.
  if (state.status === 'RUNNING' && state.tokens.length === 0) throw new Error('Running, but nothing waits');
  if (state.status === 'FINISHED') {
    if (state.tokens.length || Object.keys(state.splits).length) throw new Error('Finished with waits left');
    if (merged.length !== splitAt.size) throw new Error(`${splitAt.size} split firings, ${merged.length} merges`);
    const finishes = commands.filter((c) => c.type === 'Finish');
    if (finishes.length !== 1) throw new Error('Finished without exactly one Finish command');
  }
}

function eventFor(point: RoutePoint, tokenId: string, choice: number): ProcessEvent {
  switch (point.type) {
    case 'ACTION':
      return { type: 'TaskCompleted', tokenId, result: point.results[choice % point.results.length], by: 'u', taskId: `task-${tokenId}` };
    case 'SUBPROCESS': {
      const outcomes = [...point.results, ...Object.keys(point.resultMap ?? {})];
      return { type: 'SubprocessFinished', tokenId, result: outcomes[choice % outcomes.length] };
    }
    case 'PROCESSING':
      return { type: 'ProcessingDone', tokenId, output: { n: choice }, ...(point.results ? { result: point.results[choice % point.results.length] } : {}) };
    default:
      throw new Error(`A token waits at ${point.type}`);
  }
}

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProcessEngineError) return e.code;
    throw e;
  }
  return 'ACCEPTED';
}

describe('process engine properties', () => {
  it('random valid maps driven by random results behave', () => {
    fc.assert(
      fc.property(
        programArb,
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 64 }),
        fc.integer({ min: 0, max: 3 }),
        (program, choices, itemCount) => {
          const map = buildMap(program);
          expect(validateMap(map)).toEqual([]);
          const points = new Map(map.points.map((p) => [p.id, p]));
          const issued = new Set<string>();

          let { state, commands } = start(map, { items: Array.from({ length: itemCount }, (_, i) => `item-${i}`) });
          checkInvariants(map, state, commands, issued);
          for (let i = 0; state.status === 'RUNNING'; i += 1) {
            if (i >= MAX_STEPS) throw new Error(`Not finished after ${MAX_STEPS} steps`);
            const choice = choices[i % choices.length] + i;
            const token = state.tokens[choice % state.tokens.length];
            const event = eventFor(points.get(token.pointId)!, token.id, Math.floor(choice / 7));
            const before = state;
            ({ state, commands } = step(map, state, event));
            checkInvariants(map, state, commands, issued);
            // Replaying the event that was just applied changes nothing.
            expect(rejection(() => step(map, state, event))).toBe(state.status === 'RUNNING' ? 'TOKEN_NOT_ACTIVE' : 'PROCESS_NOT_RUNNING');
            expect(before.tokens.some((t) => t.id === token.id)).toBe(true);
          }
          expect(state.result === 'DONE' || String(state.result).startsWith('EARLY_')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a condition that loses an exit is always reported, naming it', () => {
    fc.assert(
      fc.property(programArb, fc.nat(), (program, pick) => {
        const map = buildMap(program);
        const conditionEdges = map.edges.filter((e) => points(map).get(e.from)?.type === 'CONDITION');
        fc.pre(conditionEdges.length > 0);
        const removed = conditionEdges[pick % conditionEdges.length];
        const broken = { ...map, edges: map.edges.filter((e) => e !== removed) };
        expect(validateMap(broken)).toContainEqual(expect.objectContaining({ code: 'MISSING_EXIT', pointId: removed.from }));
      }),
      { numRuns: 200 },
    );
  });
});

function points(map: RouteMap): Map<string, RoutePoint> {
  return new Map(map.points.map((p) => [p.id, p]));
}
