import { START, action, edge, end, routeMap } from './test-support/maps';
import type { Edge, RouteMap, RoutePoint } from './types';
import { VALIDATION_CODES, validateMap } from './validate';
import type { ValidationCode, ValidationError } from './validate';

const seen = new Set<ValidationCode>();

function errorsOf(map: unknown): ValidationError[] {
  const errors = validateMap(map);
  errors.forEach((e) => seen.add(e.code));
  return errors;
}

/** Asserts that the map has exactly this problem (and possibly others), naming the point. */
function expectProblem(map: unknown, code: ValidationCode, pointId: string | null): ValidationError {
  const errors = errorsOf(map);
  const found = errors.find((e) => e.code === code && e.pointId === pointId);
  if (!found) throw new Error(`Expected ${code} at ${pointId}, got ${JSON.stringify(errors, null, 1)}`);
  expect(found.message.length).toBeGreaterThan(10);
  return found;
}

/** A small valid map: START → A → C (then → E1, else → E2). */
function base(): RouteMap {
  return routeMap(
    [START, action('A'), { id: 'C', type: 'CONDITION', name: 'C', condition: { var: 'subject.ok' } }, end('E1'), end('E2')],
    [edge('S', 'A'), edge('A', 'C'), edge('C', 'E1', { exit: 'then' }), edge('C', 'E2', { exit: 'else' })],
  );
}

function withPoints(map: RouteMap, change: (points: RoutePoint[]) => RoutePoint[], edges?: (edges: Edge[]) => Edge[]): RouteMap {
  return { ...map, points: change(map.points.map((p) => ({ ...p }))), edges: edges ? edges(map.edges.map((e) => ({ ...e }))) : map.edges };
}

function patch(map: RouteMap, id: string, fields: Record<string, unknown>): RouteMap {
  return withPoints(map, (ps) => ps.map((p) => (p.id === id ? ({ ...p, ...fields } as RoutePoint) : p)));
}

/** START → SP → (X ‖ Y) → M → E */
function parallel(): RouteMap {
  return routeMap(
    [START, { id: 'SP', type: 'SPLIT', name: 'SP' }, action('X'), action('Y'), { id: 'M', type: 'MERGE', name: 'M', splitId: 'SP' }, end()],
    [edge('S', 'SP'), edge('SP', 'X'), edge('SP', 'Y'), edge('X', 'M'), edge('Y', 'M'), edge('M', 'E')],
  );
}

describe('validateMap', () => {
  it('accepts valid maps', () => {
    expect(errorsOf(base())).toEqual([]);
    expect(errorsOf(parallel())).toEqual([]);
  });

  it('map shape and header', () => {
    expectProblem(null, 'MAP_MALFORMED', null);
    expectProblem({ points: [] }, 'MAP_MALFORMED', null);
    expect(expectProblem({ ...base(), code: '' }, 'MAP_MALFORMED', null).field).toBe('code');
    expect(expectProblem({ ...base(), name: 1 }, 'MAP_MALFORMED', null).field).toBe('name');
  });

  it('parameters', () => {
    expectProblem({ ...base(), parameters: 'x' }, 'INVALID_PARAMETER', null);
    expectProblem({ ...base(), parameters: [{ name: '1bad' }] }, 'INVALID_PARAMETER', null);
    expectProblem({ ...base(), parameters: [{ name: 'a' }, { name: 'a' }] }, 'INVALID_PARAMETER', null);
    expectProblem({ ...base(), parameters: [{ name: 'a', type: 'money' }] }, 'INVALID_PARAMETER', null);
    expect(errorsOf({ ...base(), parameters: [{ name: 'a', type: 'decimal', required: true, default: '1' }] })).toEqual([]);
  });

  it('points: ids, types, names', () => {
    expectProblem(withPoints(base(), (ps) => [...ps, { type: 'END', name: 'x' } as never]), 'INVALID_POINT', null);
    expectProblem(withPoints(base(), (ps) => [...ps, end('E1')]), 'DUPLICATE_POINT_ID', 'E1');
    expect(expectProblem(patch(base(), 'A', { type: 'TIMER' }), 'UNKNOWN_POINT_TYPE', 'A').field).toBe('type');
    expect(expectProblem(patch(base(), 'A', { name: ' ' }), 'INVALID_POINT', 'A').field).toBe('name');
  });

  it('exactly one START and at least one END', () => {
    expectProblem(withPoints(base(), (ps) => ps.filter((p) => p.id !== 'S'), (es) => es.filter((e) => e.from !== 'S')), 'NO_START', null);
    expectProblem(
      withPoints(base(), (ps) => [...ps, { id: 'S2', type: 'START', name: 'S2' }], (es) => [...es, edge('S2', 'A')]),
      'MULTIPLE_STARTS',
      'S2',
    );
    expectProblem(routeMap([START, action('A')], [edge('S', 'A'), edge('A', 'A')]), 'NO_END', null);
  });

  it('edges: shape and dangling ends', () => {
    expectProblem({ ...base(), edges: [...base().edges, { from: 'A' }] }, 'INVALID_EDGE', null);
    expectProblem({ ...base(), edges: [...base().edges, edge('GHOST', 'A')] }, 'DANGLING_EDGE', 'A');
    const e = expectProblem({ ...base(), edges: [...base().edges, edge('A', 'GHOST')] }, 'DANGLING_EDGE', 'A');
    expect(e.message).toContain('GHOST');
    expectProblem({ ...base(), edges: [...base().edges.slice(0, 3), edge('C', 'E2', { exit: '' })] }, 'INVALID_EDGE', 'C');
    expectProblem({ ...base(), edges: [edge('S', 'A', { label: 5 as never }), ...base().edges.slice(1)] }, 'INVALID_EDGE', 'S');
  });

  it('START takes no incoming edge; END has no outgoing edge and needs a result', () => {
    expectProblem({ ...base(), edges: [...base().edges, edge('A', 'S', { exit: 'X' })] }, 'START_HAS_INCOMING', 'S');
    expectProblem({ ...base(), edges: [...base().edges, edge('E1', 'A')] }, 'END_HAS_OUTGOING', 'E1');
    expect(expectProblem(patch(base(), 'E1', { result: '' }), 'END_WITHOUT_RESULT', 'E1').field).toBe('result');
  });

  it('conditions need both exits, named then/else, once each', () => {
    expectProblem({ ...base(), edges: base().edges.filter((e) => e.exit !== 'else') }, 'MISSING_EXIT', 'C');
    expectProblem({ ...base(), edges: [...base().edges.slice(0, 3), edge('C', 'E2')] }, 'EXIT_REQUIRED', 'C');
    expectProblem({ ...base(), edges: [...base().edges, edge('C', 'E2', { exit: 'maybe' })] }, 'UNKNOWN_EXIT', 'C');
    expectProblem({ ...base(), edges: [...base().edges, edge('C', 'E1', { exit: 'then' })] }, 'DUPLICATE_EXIT', 'C');
    expect(expectProblem(patch(base(), 'C', { condition: undefined }), 'MISSING_CONDITION', 'C').field).toBe('condition');
  });

  describe('switches', () => {
    const sw = (options: unknown, exits: string[]) =>
      routeMap(
        [START, { id: 'SW', type: 'SWITCH', name: 'SW', expression: { var: 'lastResult' }, options: options as string[] }, end()],
        [edge('S', 'SW'), ...exits.map((x) => edge('SW', 'E', { exit: x }))],
      );

    it('need an exit per option and a default', () => {
      expect(errorsOf(sw(['A', 'B'], ['A', 'B', 'default']))).toEqual([]);
      expect(expectProblem(sw(['A', 'B'], ['A', 'default']), 'MISSING_EXIT', 'SW').message).toContain('"B"');
      expect(expectProblem(sw(['A', 'B'], ['A', 'B']), 'MISSING_EXIT', 'SW').message).toContain('"default"');
      expectProblem(sw(['A'], ['A', 'C', 'default']), 'UNKNOWN_EXIT', 'SW');
    });

    it('need unique option names other than "default", and an expression', () => {
      expectProblem(sw([], ['default']), 'INVALID_OPTIONS', 'SW');
      expectProblem(sw(['A', 'A'], ['A', 'default']), 'INVALID_OPTIONS', 'SW');
      expectProblem(sw(['default'], ['default']), 'INVALID_OPTIONS', 'SW');
      expectProblem(sw('A', ['default']), 'INVALID_OPTIONS', 'SW');
      expectProblem(patch(sw(['A'], ['A', 'default']), 'SW', { expression: undefined }), 'MISSING_CONDITION', 'SW');
    });
  });

  describe('actions', () => {
    it('need every result wired to an exit (or a default edge)', () => {
      const m = routeMap(
        [START, action('A', { results: ['YES', 'NO'] }), end()],
        [edge('S', 'A'), edge('A', 'E', { exit: 'YES' })],
      );
      expect(expectProblem(m, 'MISSING_EXIT', 'A').message).toContain('"NO"');
      expect(errorsOf({ ...m, edges: [...m.edges, edge('A', 'E')] })).toEqual([]);
      expectProblem({ ...m, edges: [...m.edges, edge('A', 'E'), edge('A', 'E')] }, 'DUPLICATE_EXIT', 'A');
      expectProblem({ ...m, edges: [...m.edges, edge('A', 'E', { exit: 'MAYBE' })] }, 'UNKNOWN_EXIT', 'A');
    });

    it('need results, a performer and sane deadlines', () => {
      expectProblem(patch(base(), 'A', { results: [] }), 'MISSING_RESULTS', 'A');
      expectProblem(patch(base(), 'A', { results: ['OK', 'OK'] }), 'DUPLICATE_RESULT', 'A');
      for (const performer of [undefined, {}, { user: '' }, { user: 'u', role: 'R' }, { role: '' }, { role: 'R', of: 3 }, { parameter: '' }]) {
        expect(expectProblem(patch(base(), 'A', { performer }), 'INVALID_PERFORMER', 'A').field).toBe('performer');
      }
      expectProblem(
        { ...patch(base(), 'A', { performer: { parameter: 'who' } }), parameters: [{ name: 'other' }] },
        'INVALID_PERFORMER',
        'A',
      );
      expectProblem(patch(base(), 'A', { deadlineDays: -1 }), 'INVALID_DEADLINE', 'A');
      expectProblem(patch(base(), 'A', { deadlineDays: 1.5 }), 'INVALID_DEADLINE', 'A');
      expectProblem(patch(base(), 'A', { escalateAfterDays: '2' }), 'INVALID_DEADLINE', 'A');
      expect(expectProblem(patch(base(), 'A', { deadlineDays: { days: 1 } }), 'UNKNOWN_OPERATOR', 'A').field).toBe('deadlineDays');
      expect(expectProblem(patch(base(), 'A', { allowRedirect: 'yes' }), 'INVALID_POINT', 'A').field).toBe('allowRedirect');
      expect(expectProblem(patch(base(), 'A', { description: 5 }), 'INVALID_POINT', 'A').field).toBe('description');
    });
  });

  describe('split and merge pairing', () => {
    it('a static split needs two branches; a dynamic one exactly one edge', () => {
      expectProblem({ ...parallel(), edges: parallel().edges.filter((e) => !(e.from === 'SP' && e.to === 'Y')) }, 'SPLIT_TOO_FEW_BRANCHES', 'SP');
      expectProblem(patch(parallel(), 'SP', { forEach: { var: 'parameters.list' } }), 'TOO_MANY_EXITS', 'SP');
      expectProblem({ ...parallel(), edges: parallel().edges.map((e) => (e.from === 'SP' && e.to === 'X' ? { ...e, exit: 'x' } : e)) }, 'UNKNOWN_EXIT', 'SP');
    });

    it('every split has exactly one merge and every merge names a split', () => {
      const noMerge = withPoints(
        parallel(),
        (ps) => ps.map((p) => (p.id === 'M' ? ({ id: 'M', type: 'ACTION', name: 'M', performer: { user: 'u' }, results: ['OK'] } as RoutePoint) : p)),
      );
      expectProblem(noMerge, 'SPLIT_WITHOUT_MERGE', 'SP');
      expect(expectProblem(patch(parallel(), 'M', { splitId: 'X' }), 'MERGE_WITHOUT_SPLIT', 'M').field).toBe('splitId');
      const twoMerges = withPoints(
        parallel(),
        (ps) => [...ps, { id: 'M2', type: 'MERGE', name: 'M2', splitId: 'SP' }],
        (es) => [...es.filter((e) => !(e.from === 'Y')), edge('Y', 'M2'), edge('M2', 'E')],
      );
      expectProblem(twoMerges, 'SPLIT_MULTIPLE_MERGES', 'M2');
    });

    it('a merge reached from outside its split is MERGE_MISMATCH', () => {
      // START → C: then → SP…M, else → M directly (bypassing the split).
      const m = routeMap(
        [
          START,
          { id: 'C', type: 'CONDITION', name: 'C', condition: true },
          { id: 'SP', type: 'SPLIT', name: 'SP' },
          action('X'),
          action('Y'),
          action('Z'),
          { id: 'M', type: 'MERGE', name: 'M', splitId: 'SP' },
          end(),
        ],
        [
          edge('S', 'C'),
          edge('C', 'SP', { exit: 'then' }),
          edge('C', 'Z', { exit: 'else' }),
          edge('Z', 'M'),
          edge('SP', 'X'),
          edge('SP', 'Y'),
          edge('X', 'M'),
          edge('Y', 'M'),
          edge('M', 'E'),
        ],
      );
      expectProblem(m, 'MERGE_MISMATCH', 'M');
    });

    it('a point reached both inside and outside a branch is INCONSISTENT_NESTING', () => {
      // X loops back to before the split: SP would be re-entered from inside its own branch.
      const m = withPoints(parallel(), (ps) => ps.map((p) => (p.id === 'X' ? { ...p, results: ['OK', 'AGAIN'] } as RoutePoint : p)), (es) => [
        ...es,
        edge('X', 'SP', { exit: 'AGAIN' }),
      ]);
      expectProblem(m, 'INCONSISTENT_NESTING', 'SP');
    });

    it('an END inside a branch is END_INSIDE_SPLIT', () => {
      const m = withPoints(
        parallel(),
        (ps) => [...ps.map((p) => (p.id === 'X' ? ({ ...p, results: ['OK', 'STOP'] } as RoutePoint) : p)), end('E_STOP')],
        (es) => [...es, edge('X', 'E_STOP', { exit: 'STOP' })],
      );
      expectProblem(m, 'END_INSIDE_SPLIT', 'E_STOP');
    });

    it('interleaved splits are rejected', () => {
      // SP1 → (A ‖ SP2 → (B ‖ C)); A and B meet at M1 (closing SP1) while C goes to M2 (closing SP2).
      const m = routeMap(
        [
          START,
          { id: 'SP1', type: 'SPLIT', name: 'SP1' },
          { id: 'SP2', type: 'SPLIT', name: 'SP2' },
          action('A'),
          action('B'),
          action('C'),
          { id: 'M1', type: 'MERGE', name: 'M1', splitId: 'SP1' },
          { id: 'M2', type: 'MERGE', name: 'M2', splitId: 'SP2' },
          end(),
        ],
        [
          edge('S', 'SP1'),
          edge('SP1', 'A'),
          edge('SP1', 'SP2'),
          edge('SP2', 'B'),
          edge('SP2', 'C'),
          edge('A', 'M1'),
          edge('B', 'M1'),
          edge('C', 'M2'),
          edge('M1', 'M2'),
          edge('M2', 'E'),
        ],
      );
      const codes = errorsOf(m).map((e) => e.code);
      expect(codes).toContain('INCONSISTENT_NESTING');
      expect(codes).toContain('MERGE_MISMATCH');
    });
  });

  it('processing and subprocess points', () => {
    const m = routeMap(
      [
        START,
        { id: 'P', type: 'PROCESSING', name: 'P', action: 'doIt', args: { a: { var: 'parameters.x' } } },
        { id: 'N', type: 'SUBPROCESS', name: 'N', templateCode: 'CHILD', results: ['OK', 'NO'], resultMap: { DONE: 'OK' } },
        end(),
      ],
      [edge('S', 'P'), edge('P', 'N'), edge('N', 'E')],
    );
    expect(errorsOf(m)).toEqual([]);
    expect(expectProblem(patch(m, 'P', { action: '' }), 'MISSING_ACTION', 'P').field).toBe('action');
    expectProblem(patch(m, 'P', { results: [] }), 'MISSING_RESULTS', 'P');
    expect(errorsOf(patch(m, 'P', { results: ['A', 'B'] }))).toEqual([]); // the default edge takes both
    const named = { ...patch(m, 'P', { results: ['A', 'B'] }), edges: m.edges.map((e) => (e.from === 'P' ? { ...e, exit: 'A' } : e)) };
    expect(expectProblem(named, 'MISSING_EXIT', 'P').message).toContain('"B"');
    expect(expectProblem(patch(m, 'P', { args: [1] }), 'INVALID_POINT', 'P').field).toBe('args');
    expect(expectProblem(patch(m, 'N', { templateCode: undefined }), 'MISSING_TEMPLATE', 'N').field).toBe('templateCode');
    expectProblem(patch(m, 'N', { results: undefined }), 'MISSING_RESULTS', 'N');
    expect(expectProblem(patch(m, 'N', { resultMap: { DONE: 'MAYBE' } }), 'INVALID_RESULT_MAP', 'N').field).toBe('resultMap.DONE');
    expect(expectProblem(patch(m, 'N', { performers: { approvers: 'u1' } }), 'INVALID_PERFORMER', 'N').field).toBe('performers.approvers');
    expect(expectProblem(patch(m, 'N', { performers: { approvers: [{ nobody: 1 }] } }), 'INVALID_PERFORMER', 'N').field).toBe('performers.approvers[0]');
    expect(expectProblem(patch(m, 'N', { subjectType: '' }), 'INVALID_POINT', 'N').field).toBe('subjectType');
    expect(expectProblem(patch(m, 'N', { parameters: { a: { nope: 1 } } }), 'UNKNOWN_OPERATOR', 'N').field).toBe('parameters.a');
    expect(expectProblem(patch(m, 'N', { subjectId: { var: 'elsewhere.id' } }), 'UNKNOWN_VARIABLE', 'N').field).toBe('subjectId');
  });

  it('single-exit points need exactly one unnamed edge', () => {
    expectProblem({ ...base(), edges: [...base().edges, edge('S', 'A')] }, 'TOO_MANY_EXITS', 'S');
    expectProblem({ ...base(), edges: base().edges.map((e) => (e.from === 'S' ? { ...e, exit: 'go' } : e)) }, 'UNKNOWN_EXIT', 'S');
    const m = routeMap([START, { id: 'P', type: 'PROCESSING', name: 'P', action: 'x' }, end()], [edge('S', 'P')]);
    expectProblem(m, 'MISSING_EXIT', 'P');
  });

  it('reachability both ways', () => {
    const orphan = withPoints(base(), (ps) => [...ps, action('LOST')], (es) => [...es, edge('LOST', 'E1')]);
    expectProblem(orphan, 'UNREACHABLE', 'LOST');
    const trap = routeMap(
      [START, action('A', { results: ['OK', 'LOOP'] }), action('B'), end()],
      [edge('S', 'A'), edge('A', 'E', { exit: 'OK' }), edge('A', 'B', { exit: 'LOOP' }), edge('B', 'B')],
    );
    expectProblem(trap, 'NO_PATH_TO_END', 'B');
  });

  it('a loop with nothing to wait at is AUTOMATIC_CYCLE', () => {
    const m = routeMap(
      [START, { id: 'C1', type: 'CONDITION', name: 'C1', condition: { var: 'vars.x' } }, { id: 'C2', type: 'CONDITION', name: 'C2', condition: true }, end()],
      [edge('S', 'C1'), edge('C1', 'E', { exit: 'then' }), edge('C1', 'C2', { exit: 'else' }), edge('C2', 'C1', { exit: 'then' }), edge('C2', 'E', { exit: 'else' })],
    );
    expect(expectProblem(m, 'AUTOMATIC_CYCLE', 'C1').message).toContain('C1 → C2 → C1');
    const self = routeMap(
      [START, { id: 'C', type: 'CONDITION', name: 'C', condition: true }, end()],
      [edge('S', 'C'), edge('C', 'C', { exit: 'then' }), edge('C', 'E', { exit: 'else' })],
    );
    expectProblem(self, 'AUTOMATIC_CYCLE', 'C');
    // A loop through an action is fine.
    const ok = withPoints(base(), (ps) => ps, (es) => [...es.filter((e) => e.exit !== 'else'), edge('C', 'A', { exit: 'else' })]);
    expect(errorsOf(ok).filter((e) => e.code === 'AUTOMATIC_CYCLE')).toEqual([]);
  });

  it('expressions: unknown operators, malformed rules, unknown variables, undeclared parameters, bad results', () => {
    expect(expectProblem(patch(base(), 'C', { condition: { eval: 'alert(1)' } }), 'UNKNOWN_OPERATOR', 'C').field).toBe('condition');
    expectProblem(patch(base(), 'C', { condition: { a: 1, b: 2 } }), 'INVALID_EXPRESSION', 'C');
    expectProblem(patch(base(), 'C', { condition: { var: 'params.x' } }), 'UNKNOWN_VARIABLE', 'C');
    expectProblem(patch(base(), 'C', { condition: { var: 'results.NOPE.result' } }), 'UNKNOWN_VARIABLE', 'C');
    expect(errorsOf(patch(base(), 'C', { condition: { var: 'results.A.result' } }))).toEqual([]);
    expectProblem({ ...patch(base(), 'C', { condition: { var: 'parameters.nope' } }), parameters: [{ name: 'yes' }] }, 'UNKNOWN_VARIABLE', 'C');
    expectProblem(patch(base(), 'A', { description: 'Hello {{ sbject.title }}' }), 'UNKNOWN_VARIABLE', 'A');
    expectProblem(patch(base(), 'A', { performer: { role: 'R', of: 'nowhere.x' } }), 'UNKNOWN_VARIABLE', 'A');
    expectProblem(patch(base(), 'E1', { output: { x: { nope: [] } } }), 'UNKNOWN_OPERATOR', 'E1');
    expectProblem(patch(parallel(), 'SP', { forEach: { nope: [] } }), 'UNKNOWN_OPERATOR', 'SP');
  });

  it('edge assignments name variables and hold valid expressions', () => {
    const bad = { ...base(), edges: [edge('S', 'A', { set: { '1x': 1, ok: { nope: 1 } } }), ...base().edges.slice(1)] };
    expectProblem(bad, 'INVALID_ASSIGNMENT', 'S');
    expect(expectProblem(bad, 'UNKNOWN_OPERATOR', 'S').field).toBe('edges[0].set.ok');
    expectProblem({ ...base(), edges: [edge('S', 'A', { set: [] as never }), ...base().edges.slice(1)] }, 'INVALID_POINT', 'S');
  });

  it('reports every problem at once, each naming its point', () => {
    const m = routeMap(
      [
        START,
        action('A', { results: ['YES', 'NO'] }),
        { id: 'C', type: 'CONDITION', name: 'C', condition: { magic: 1 } },
        end('E'),
        end('E', 'DUP'),
        action('ORPHAN'),
      ],
      [edge('S', 'A'), edge('A', 'C', { exit: 'YES' }), edge('C', 'E', { exit: 'then' }), edge('ORPHAN', 'NOWHERE')],
    );
    const errors = errorsOf(m);
    expect(errors.map((e) => [e.code, e.pointId])).toEqual(
      expect.arrayContaining([
        ['DUPLICATE_POINT_ID', 'E'],
        ['DANGLING_EDGE', 'ORPHAN'],
        ['MISSING_EXIT', 'A'],
        ['UNKNOWN_OPERATOR', 'C'],
        ['MISSING_EXIT', 'C'],
        ['MISSING_EXIT', 'ORPHAN'],
        ['UNREACHABLE', 'ORPHAN'],
        ['NO_PATH_TO_END', 'ORPHAN'],
      ]),
    );
    expect(errors.every((e) => e.pointId !== null)).toBe(true);
  });

  it('every validation code is exercised by this file', () => {
    expect(VALIDATION_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });
});
