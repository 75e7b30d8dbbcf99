import { activePoints, start, step } from './engine';
import { START, action, edge, end, engineError, routeMap } from './test-support/maps';
import type { Command, CreateTaskCommand, JsonObject, ProcessState, RouteMap } from './types';

function tasks(commands: Command[]): CreateTaskCommand[] {
  return commands.filter((c): c is CreateTaskCommand => c.type === 'CreateTask');
}

function only<T extends Command['type']>(commands: Command[], type: T): Extract<Command, { type: T }> {
  const found = commands.filter((c) => c.type === type);
  expect(found).toHaveLength(1);
  return found[0] as Extract<Command, { type: T }>;
}

function tokenAt(state: ProcessState, pointId: string): string {
  const token = state.tokens.find((t) => t.pointId === pointId);
  if (!token) throw new Error(`No token at ${pointId}`);
  return token.id;
}

/** START → A → END */
const LINEAR = routeMap(
  [
    START,
    action('A', {
      name: 'Call {{subject.title}}',
      description: 'About {{parameters.topic}} ({{subject.missing}})',
      performer: { role: 'HEAD_OF_SALES', of: 'subject.responsibleId' },
      deadlineDays: { '+': [{ var: 'parameters.days' }, 1] },
      escalateAfterDays: 4,
      results: ['DONE', 'FAILED'],
      allowRedirect: true,
    }),
    end('E', 'FINISHED', { output: { last: { var: 'lastResult' }, topic: { var: 'parameters.topic' } } }),
  ],
  [edge('S', 'A'), edge('A', 'E')],
);
const SUBJECT = { title: 'ACME', responsibleId: 'm1' };

describe('start and ACTION', () => {
  it('creates a task with the performer resolved, templates filled and deadlines evaluated', () => {
    const { state, commands } = start(LINEAR, { topic: 'prices', days: 2 }, { subject: SUBJECT, at: 't0' });
    expect(commands).toEqual([
      {
        type: 'CreateTask',
        tokenId: state.tokens[0].id,
        pointId: 'A',
        title: 'Call ACME',
        description: 'About prices ()',
        performer: { role: 'HEAD_OF_SALES', of: 'subject.responsibleId' },
        assignee: { kind: 'ROLE', role: 'HEAD_OF_SALES', ofUserId: 'm1' },
        results: ['DONE', 'FAILED'],
        deadlineDays: 3,
        escalateAfterDays: 4,
        allowRedirect: true,
      },
    ]);
    expect(state.status).toBe('RUNNING');
    expect(state.tokens).toEqual([{ id: 't1', pointId: 'A', waitingFor: 'TASK', frames: [], lastResult: null, since: 't0' }]);
    expect(state.history).toEqual([{ seq: 1, pointId: 'S', type: 'START', kind: 'PASSED', tokenId: null, at: 't0' }]);
  });

  it('completing the task records who/when/result and finishes with the END output', () => {
    const first = start(LINEAR, { topic: 'prices', days: 0 }, { subject: SUBJECT, at: 't0' });
    const { state, commands } = step(LINEAR, first.state, {
      type: 'TaskCompleted',
      tokenId: 't1',
      taskId: 'task-9',
      result: 'FAILED',
      comment: 'No answer',
      by: 'u7',
      at: 't1',
    });
    expect(commands).toEqual([{ type: 'Finish', status: 'FINISHED', result: 'FINISHED', output: { last: 'FAILED', topic: 'prices' } }]);
    expect(state).toMatchObject({ status: 'FINISHED', result: 'FINISHED', tokens: [] });
    expect(state.results.A).toEqual({ result: 'FAILED', comment: 'No answer', by: 'u7', taskId: 'task-9', output: null, at: 't1' });
    expect(state.history[1]).toEqual({
      seq: 2,
      pointId: 'A',
      type: 'ACTION',
      kind: 'PASSED',
      tokenId: 't1',
      at: 't1',
      since: 't0',
      result: 'FAILED',
      exit: 'FAILED',
      comment: 'No answer',
      by: 'u7',
      taskId: 'task-9',
    });
    expect(state.history[2]).toMatchObject({ pointId: 'E', type: 'END', result: 'FINISHED' });
  });

  it('never modifies the state it is given and is deterministic', () => {
    const first = start(LINEAR, { topic: 'x', days: 1 }, { subject: SUBJECT });
    const frozen = JSON.stringify(first.state);
    const event = { type: 'TaskCompleted' as const, tokenId: 't1', result: 'DONE' };
    const a = step(LINEAR, first.state, event);
    const b = step(LINEAR, first.state, event);
    expect(JSON.stringify(first.state)).toBe(frozen);
    expect(a).toEqual(b);
  });

  it('produces JSON-safe states (a JSON round trip changes nothing)', () => {
    const { state } = start(LINEAR, { topic: 'x', days: 1 }, { subject: SUBJECT });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('routes each result through its own exit, others through the default edge', () => {
    const m = routeMap(
      [START, action('A', { results: ['YES', 'NO', 'MAYBE'] }), end('E_YES', 'YES'), end('E_OTHER', 'OTHER')],
      [edge('S', 'A'), edge('A', 'E_YES', { exit: 'YES' }), edge('A', 'E_OTHER')],
    );
    const s = start(m, {}).state;
    expect(step(m, s, { type: 'TaskCompleted', tokenId: 't1', result: 'YES' }).state.result).toBe('YES');
    expect(step(m, s, { type: 'TaskCompleted', tokenId: 't1', result: 'MAYBE' }).state.result).toBe('OTHER');
  });
});

describe('events that do not apply are rejected with a code and change nothing', () => {
  const s0 = () => start(LINEAR, { topic: 'x', days: 1 }, { subject: SUBJECT }).state;

  it('a replayed completion: TOKEN_NOT_ACTIVE', () => {
    const m = routeMap([START, action('A'), action('B'), end()], [edge('S', 'A'), edge('A', 'B'), edge('B', 'E')]);
    const s1 = start(m, {}).state;
    const s2 = step(m, s1, { type: 'TaskCompleted', tokenId: 't1', result: 'OK' }).state;
    const replay = engineError(() => step(m, s2, { type: 'TaskCompleted', tokenId: 't1', result: 'OK' }));
    expect(replay.code).toBe('TOKEN_NOT_ACTIVE');
    expect(s2.tokens.map((t) => t.pointId)).toEqual(['B']);
  });

  it('an event for a finished process: PROCESS_NOT_RUNNING', () => {
    const done = step(LINEAR, s0(), { type: 'TaskCompleted', tokenId: 't1', result: 'DONE' }).state;
    expect(engineError(() => step(LINEAR, done, { type: 'TaskCompleted', tokenId: 't1', result: 'DONE' })).code).toBe('PROCESS_NOT_RUNNING');
    expect(engineError(() => step(LINEAR, done, { type: 'Cancel' })).code).toBe('PROCESS_NOT_RUNNING');
  });

  it('a result the point does not offer: INVALID_RESULT naming the point', () => {
    const e = engineError(() => step(LINEAR, s0(), { type: 'TaskCompleted', tokenId: 't1', result: 'MAYBE' }));
    expect(e).toMatchObject({ code: 'INVALID_RESULT', pointId: 'A' });
  });

  it('addressing: unknown token, wrong point, wrong kind, point only, ambiguity, nothing', () => {
    const s = s0();
    expect(engineError(() => step(LINEAR, s, { type: 'TaskCompleted', tokenId: 't99', result: 'DONE' })).code).toBe('TOKEN_NOT_ACTIVE');
    expect(engineError(() => step(LINEAR, s, { type: 'TaskCompleted', tokenId: 't1', pointId: 'E', result: 'DONE' })).code).toBe('EVENT_MISMATCH');
    expect(engineError(() => step(LINEAR, s, { type: 'SubprocessFinished', tokenId: 't1', result: 'DONE' })).code).toBe('EVENT_MISMATCH');
    expect(engineError(() => step(LINEAR, s, { type: 'ProcessingDone', pointId: 'A' })).code).toBe('TOKEN_NOT_ACTIVE');
    expect(engineError(() => step(LINEAR, s, { type: 'TaskCompleted', pointId: 'NOPE', result: 'DONE' })).code).toBe('INVALID_EVENT');
    expect(engineError(() => step(LINEAR, s, { type: 'TaskCompleted', result: 'DONE' })).code).toBe('INVALID_EVENT');
    expect(engineError(() => step(LINEAR, s, { type: 'Unknown' } as never)).code).toBe('INVALID_EVENT');
    expect(step(LINEAR, s, { type: 'TaskCompleted', pointId: 'A', result: 'DONE' }).state.status).toBe('FINISHED');

    const parallel = routeMap(
      [START, { id: 'SP', type: 'SPLIT', name: 'SP', forEach: [1, 2] }, action('A'), { id: 'M', type: 'MERGE', name: 'M', splitId: 'SP' }, end()],
      [edge('S', 'SP'), edge('SP', 'A'), edge('A', 'M'), edge('M', 'E')],
    );
    const p = start(parallel, {}).state;
    expect(engineError(() => step(parallel, p, { type: 'TaskCompleted', pointId: 'A', result: 'OK' })).code).toBe('AMBIGUOUS_EVENT');
  });
});

describe('CONDITION and SWITCH', () => {
  const m = routeMap(
    [
      START,
      { id: 'C', type: 'CONDITION', name: 'Big?', condition: { '>': [{ var: 'subject.amount' }, { var: 'parameters.limit' }] } },
      { id: 'SW', type: 'SWITCH', name: 'Kind', expression: { var: 'subject.kind' }, options: ['A', 'B', '1'] },
      end('E_BIG', 'BIG'),
      end('E_A', 'A'),
      end('E_B', 'B'),
      end('E_ONE', 'ONE'),
      end('E_DEFAULT', 'OTHER'),
    ],
    [
      edge('S', 'C'),
      edge('C', 'E_BIG', { exit: 'then' }),
      edge('C', 'SW', { exit: 'else' }),
      edge('SW', 'E_A', { exit: 'A' }),
      edge('SW', 'E_B', { exit: 'B' }),
      edge('SW', 'E_ONE', { exit: '1' }),
      edge('SW', 'E_DEFAULT', { exit: 'default' }),
    ],
  );
  const run = (subject: JsonObject, limit: string) => start(m, { limit }, { subject }).state;

  it('compares money given as strings as decimals', () => {
    expect(run({ amount: '100000.01', kind: 'A' }, '99999.99').result).toBe('BIG');
    expect(run({ amount: '9.50', kind: 'A' }, '10').result).toBe('A'); // "9.50" < "10" although "9" > "1" as text
    expect(run({ amount: '10.00', kind: 'A' }, '10').result).toBe('A');
  });

  it('takes the exit named by the value, numbers as their text, else the default', () => {
    expect(run({ amount: 0, kind: 'B' }, '1').result).toBe('B');
    expect(run({ amount: 0, kind: 1 }, '1').result).toBe('ONE');
    expect(run({ amount: 0, kind: 'Z' }, '1').result).toBe('OTHER');
    expect(run({ amount: 0 }, '1').result).toBe('OTHER');
    const history = run({ amount: 0, kind: 'B' }, '1').history;
    expect(history.map((h) => [h.pointId, h.exit ?? null])).toEqual([
      ['S', null],
      ['C', 'else'],
      ['SW', 'B'],
      ['E_B', null],
    ]);
  });

  it('an ordering comparison of text with a number is false, not an error', () => {
    expect(run({ amount: 'a lot', kind: 'A' }, '1').result).toBe('A');
    expect(run({ kind: 'A' }, '1').result).toBe('A');
  });
});

describe('expression failures at run time', () => {
  it('EXPRESSION_FAILED names the point and the field', () => {
    const m = routeMap(
      [START, { id: 'C', type: 'CONDITION', name: 'C', condition: { '>': [{ '+': [{ var: 'subject.amount' }, 1] }, 5] } }, end('E1'), end('E2')],
      [edge('S', 'C'), edge('C', 'E1', { exit: 'then' }), edge('C', 'E2', { exit: 'else' })],
    );
    const e = engineError(() => start(m, {}, { subject: { amount: 'a lot' } }));
    expect(e).toMatchObject({ code: 'EXPRESSION_FAILED', pointId: 'C' });
    expect(e.message).toContain('C.condition');
    expect(start(m, {}, { subject: { amount: '4.5' } }).state.result).toBe('DONE');
  });
});

describe('SPLIT and MERGE', () => {
  const m = routeMap(
    [
      START,
      { id: 'SP', type: 'SPLIT', name: 'Split' },
      action('PAY'),
      action('SHIP', { results: ['OK', 'AGAIN'] }),
      action('DOCS'),
      { id: 'M', type: 'MERGE', name: 'Merge', splitId: 'SP' },
      action('AFTER'),
      end(),
    ],
    [
      edge('S', 'SP'),
      edge('SP', 'PAY'),
      edge('SP', 'SHIP'),
      edge('SP', 'DOCS'),
      edge('PAY', 'M'),
      edge('SHIP', 'M', { exit: 'OK' }),
      edge('SHIP', 'SHIP', { exit: 'AGAIN' }),
      edge('DOCS', 'M'),
      edge('M', 'AFTER'),
      edge('AFTER', 'E'),
    ],
  );

  it('starts every branch, and the merge waits for all of them, firing once', () => {
    let { state, commands } = start(m, {});
    expect(tasks(commands).map((t) => t.pointId)).toEqual(['PAY', 'SHIP', 'DOCS']);
    expect(state.tokens.map((t) => t.frames.map((f) => f.branch))).toEqual([[0], [1], [2]]);

    ({ state, commands } = step(m, state, { type: 'TaskCompleted', tokenId: tokenAt(state, 'PAY'), result: 'OK' }));
    expect(commands).toEqual([]);
    expect(activePoints(state)).toEqual(
      expect.arrayContaining([{ pointId: 'M', kind: 'MERGE', tokenId: null, since: null, arrived: 1, branches: 3 }]),
    );
    // A loop inside a branch keeps the branch alive under a new token.
    const shipToken = tokenAt(state, 'SHIP');
    ({ state, commands } = step(m, state, { type: 'TaskCompleted', tokenId: shipToken, result: 'AGAIN' }));
    expect(tasks(commands).map((t) => t.pointId)).toEqual(['SHIP']);
    expect(tokenAt(state, 'SHIP')).not.toBe(shipToken);
    ({ state, commands } = step(m, state, { type: 'TaskCompleted', tokenId: tokenAt(state, 'SHIP'), result: 'OK' }));
    expect(commands).toEqual([]);
    ({ state, commands } = step(m, state, { type: 'TaskCompleted', tokenId: tokenAt(state, 'DOCS'), result: 'OK' }));
    expect(tasks(commands).map((t) => t.pointId)).toEqual(['AFTER']);
    expect(state.tokens[0].frames).toEqual([]);
    expect(state.tokens[0].lastResult).toBeNull();
    expect(state.splits).toEqual({});
    expect(state.history.filter((h) => h.type === 'MERGE')).toEqual([expect.objectContaining({ pointId: 'M', fireId: 'f1' })]);
    expect(state.history.find((h) => h.type === 'SPLIT')).toMatchObject({ fireId: 'f1', branches: 3 });
  });

  it('nests: an inner split merges before the outer merge can fire', () => {
    const nested = routeMap(
      [
        START,
        { id: 'OUT', type: 'SPLIT', name: 'Outer' },
        { id: 'IN', type: 'SPLIT', name: 'Inner' },
        action('X'),
        action('Y'),
        { id: 'MIN', type: 'MERGE', name: 'Inner merge', splitId: 'IN' },
        action('Z'),
        { id: 'MOUT', type: 'MERGE', name: 'Outer merge', splitId: 'OUT' },
        end(),
      ],
      [
        edge('S', 'OUT'),
        edge('OUT', 'IN'),
        edge('OUT', 'Z'),
        edge('IN', 'X'),
        edge('IN', 'Y'),
        edge('X', 'MIN'),
        edge('Y', 'MIN'),
        edge('MIN', 'MOUT'),
        edge('Z', 'MOUT'),
        edge('MOUT', 'E'),
      ],
    );
    let { state } = start(nested, {});
    expect(state.tokens.map((t) => [t.pointId, t.frames.map((f) => f.splitId)])).toEqual([
      ['Z', ['OUT']],
      ['X', ['OUT', 'IN']],
      ['Y', ['OUT', 'IN']],
    ]);
    ({ state } = step(nested, state, { type: 'TaskCompleted', pointId: 'Z', result: 'OK' }));
    ({ state } = step(nested, state, { type: 'TaskCompleted', pointId: 'X', result: 'OK' }));
    expect(state.status).toBe('RUNNING');
    ({ state } = step(nested, state, { type: 'TaskCompleted', pointId: 'Y', result: 'OK' }));
    expect(state.status).toBe('FINISHED');
    expect(state.history.filter((h) => h.type === 'MERGE').map((h) => h.pointId)).toEqual(['MIN', 'MOUT']);
  });

  describe('dynamic split (forEach)', () => {
    const dyn = routeMap(
      [
        START,
        { id: 'SP', type: 'SPLIT', name: 'Each', forEach: { var: 'parameters.people' } },
        action('ASK', { name: 'Ask #{{branch.index}}', performer: { parameter: 'people' }, description: 'Item {{branch.item}}' }),
        { id: 'M', type: 'MERGE', name: 'M', splitId: 'SP' },
        end(),
      ],
      [edge('S', 'SP'), edge('SP', 'ASK'), edge('ASK', 'M'), edge('M', 'E')],
    );

    it('creates one branch per element, the performer taken from the branch', () => {
      const { state, commands } = start(dyn, { people: ['a', 'b', { kind: 'ROLE', role: 'LAWYER' }] });
      expect(tasks(commands).map((t) => [t.title, t.description, t.assignee])).toEqual([
        ['Ask #0', 'Item a', { kind: 'USER', userId: 'a' }],
        ['Ask #1', 'Item b', { kind: 'USER', userId: 'b' }],
        ['Ask #2', 'Item {"kind":"ROLE","role":"LAWYER"}', { kind: 'ROLE', role: 'LAWYER', ofUserId: null }],
      ]);
      expect(state.splits.f1).toMatchObject({ splitId: 'SP', mergeId: 'M', count: 3, arrived: [] });
    });

    it('with an empty list passes straight through the merge', () => {
      const { state, commands } = start(dyn, { people: [] });
      expect(commands).toEqual([expect.objectContaining({ type: 'Finish' })]);
      expect(state.history.map((h) => h.type)).toEqual(['START', 'SPLIT', 'MERGE', 'END']);
    });

    it('rejects a value that is not a list: INVALID_FOREACH', () => {
      expect(engineError(() => start(dyn, { people: 'a' }))).toMatchObject({ code: 'INVALID_FOREACH', pointId: 'SP' });
    });
  });
});

describe('PROCESSING', () => {
  const m = routeMap(
    [
      START,
      { id: 'P', type: 'PROCESSING', name: 'Create invoice', action: 'createInvoice', args: { interestId: { var: 'parameters.id' }, fixed: 7 } },
      { id: 'C', type: 'CONDITION', name: 'Big invoice?', condition: { '>=': [{ var: 'results.P.output.total' }, '1000.00'] } },
      {
        id: 'Q',
        type: 'PROCESSING',
        name: 'Check',
        action: 'check',
        results: ['GOOD', 'BAD'],
      },
      end('E_BIG', 'BIG'),
      end('E_GOOD', 'GOOD'),
      end('E_BAD', 'BAD'),
    ],
    [
      edge('S', 'P'),
      edge('P', 'C'),
      edge('C', 'E_BIG', { exit: 'then' }),
      edge('C', 'Q', { exit: 'else' }),
      edge('Q', 'E_GOOD', { exit: 'GOOD' }),
      edge('Q', 'E_BAD', { exit: 'BAD' }),
    ],
  );

  it('asks the server to run the action with evaluated arguments, then reads its output', () => {
    const s0 = start(m, { id: 'i-1' });
    expect(s0.commands).toEqual([{ type: 'RunProcessing', tokenId: 't1', pointId: 'P', action: 'createInvoice', args: { interestId: 'i-1', fixed: 7 } }]);
    expect(s0.state.tokens[0].waitingFor).toBe('PROCESSING');
    expect(step(m, s0.state, { type: 'ProcessingDone', tokenId: 't1', output: { total: '1000' } }).state.result).toBe('BIG');
    const small = step(m, s0.state, { type: 'ProcessingDone', tokenId: 't1', output: { total: '999.99' } });
    expect(small.state.results.P.output).toEqual({ total: '999.99' });
    expect(only(small.commands, 'RunProcessing').pointId).toBe('Q');
  });

  it('with declared results, the reported result picks the exit and must be one of them', () => {
    const s1 = step(m, start(m, { id: 'i' }).state, { type: 'ProcessingDone', tokenId: 't1', output: { total: 1 } }).state;
    expect(step(m, s1, { type: 'ProcessingDone', pointId: 'Q', result: 'BAD' }).state.result).toBe('BAD');
    expect(engineError(() => step(m, s1, { type: 'ProcessingDone', pointId: 'Q' }))).toMatchObject({ code: 'INVALID_RESULT', pointId: 'Q' });
    expect(engineError(() => step(m, s1, { type: 'ProcessingDone', pointId: 'Q', result: 'UGLY' })).code).toBe('INVALID_RESULT');
  });
});

describe('SUBPROCESS', () => {
  const m = routeMap(
    [
      START,
      {
        id: 'N',
        type: 'SUBPROCESS',
        name: 'Approve',
        templateCode: 'APPROVAL',
        subjectType: 'OFFER',
        subjectId: { var: 'subject.offerId' },
        parameters: { initiatorId: { var: 'parameters.manager' }, mode: 'PARALLEL' },
        performers: {
          approvers: [{ role: 'HEAD_OF_SALES', of: 'parameters.manager' }, { parameter: 'extra' }, { user: 'director' }],
        },
        results: ['OK', 'NO'],
        resultMap: { APPROVED: 'OK', REJECTED: 'NO' },
      },
      end('E_OK', 'OK', { output: { remarks: { var: 'results.N.output.withRemarks' } } }),
      end('E_NO', 'NO'),
      end('E_OTHER', 'OTHER'),
    ],
    [edge('S', 'N'), edge('N', 'E_OK', { exit: 'OK' }), edge('N', 'E_NO', { exit: 'NO' }), edge('N', 'E_OTHER')],
  );
  const s0 = () => start(m, { manager: 'm1', extra: ['x1', 'x2'] }, { subject: { offerId: 'o-5' } });

  it('starts the child with mapped parameters, resolved performer lists and its subject', () => {
    expect(s0().commands).toEqual([
      {
        type: 'StartSubprocess',
        tokenId: 't1',
        pointId: 'N',
        templateCode: 'APPROVAL',
        parameters: {
          initiatorId: 'm1',
          mode: 'PARALLEL',
          approvers: [
            { kind: 'ROLE', role: 'HEAD_OF_SALES', ofUserId: 'm1' },
            { kind: 'USER', userId: 'x1' },
            { kind: 'USER', userId: 'x2' },
            { kind: 'USER', userId: 'director' },
          ],
        },
        subject: { type: 'OFFER', id: 'o-5' },
      },
    ]);
  });

  it("maps the child's result to an exit and keeps its output", () => {
    const done = step(m, s0().state, { type: 'SubprocessFinished', tokenId: 't1', result: 'APPROVED', output: { withRemarks: true } });
    expect(done.state.results.N).toMatchObject({ result: 'OK', output: { withRemarks: true } });
    expect(done.commands).toEqual([{ type: 'Finish', status: 'FINISHED', result: 'OK', output: { remarks: true } }]);
    expect(step(m, s0().state, { type: 'SubprocessFinished', tokenId: 't1', result: 'REJECTED' }).state.result).toBe('NO');
    expect(step(m, s0().state, { type: 'SubprocessFinished', tokenId: 't1', result: 'OK' }).state.result).toBe('OK');
  });

  it('sends an unknown child result through the default edge, or rejects it without one', () => {
    expect(step(m, s0().state, { type: 'SubprocessFinished', pointId: 'N', result: 'CANCELLED' }).state.result).toBe('OTHER');
    const strict: RouteMap = { ...m, edges: m.edges.filter((e) => e.to !== 'E_OTHER'), points: m.points.filter((p) => p.id !== 'E_OTHER') };
    const s = start(strict, { manager: 'm1', extra: [] }, { subject: {} }).state;
    expect(engineError(() => step(strict, s, { type: 'SubprocessFinished', pointId: 'N', result: 'CANCELLED' }))).toMatchObject({
      code: 'INVALID_RESULT',
      pointId: 'N',
    });
  });

  it('without subjectType/subjectId the child inherits the subject (null)', () => {
    const plain = routeMap(
      [START, { id: 'N', type: 'SUBPROCESS', name: 'N', templateCode: 'X', results: ['DONE'] }, end()],
      [edge('S', 'N'), edge('N', 'E')],
    );
    expect(only(start(plain, {}).commands, 'StartSubprocess')).toMatchObject({ parameters: {}, subject: null });
  });
});

describe('loops and variables', () => {
  // A rework loop: DRAFT → APPROVE; rejected → back to DRAFT (counting rounds), approved → END.
  const m = routeMap(
    [START, action('DRAFT', { description: 'Round {{vars.round}}' }), action('APPROVE', { results: ['APPROVED', 'REJECTED'] }), end()],
    [
      edge('S', 'DRAFT', { set: { round: 1 } }),
      edge('DRAFT', 'APPROVE'),
      edge('APPROVE', 'E', { exit: 'APPROVED' }),
      edge('APPROVE', 'DRAFT', { exit: 'REJECTED', set: { round: { '+': [{ var: 'vars.round' }, 1] } } }),
    ],
  );

  it('loops back with a fresh token each time and rejects the old one', () => {
    let r = start(m, {});
    const seen = new Set<string>();
    for (let round = 1; round <= 3; round += 1) {
      const draft = only(r.commands, 'CreateTask');
      expect(draft.description).toBe(`Round ${round}`);
      seen.add(draft.tokenId);
      r = step(m, r.state, { type: 'TaskCompleted', tokenId: draft.tokenId, result: 'OK' });
      const approve = only(r.commands, 'CreateTask');
      seen.add(approve.tokenId);
      const stale = r.state;
      r = step(m, r.state, { type: 'TaskCompleted', tokenId: approve.tokenId, result: round < 3 ? 'REJECTED' : 'APPROVED' });
      expect(engineError(() => step(m, r.state.status === 'RUNNING' ? r.state : stale, { type: 'TaskCompleted', tokenId: draft.tokenId, result: 'OK' })).code).toBe(
        'TOKEN_NOT_ACTIVE',
      );
    }
    expect(seen.size).toBe(6);
    expect(r.state.status).toBe('FINISHED');
    expect(r.state.vars.round).toBe(3);
  });

  it('evaluates all assignments of an edge against the values before it (a swap works)', () => {
    const swap = routeMap([START, action('A'), end()], [edge('S', 'A', { set: { a: 1, b: 2 } }), edge('A', 'E', { set: { a: { var: 'vars.b' }, b: { var: 'vars.a' } } })]);
    const s = start(swap, {}).state;
    expect(s.vars).toEqual({ a: 1, b: 2 });
    expect(step(swap, s, { type: 'TaskCompleted', tokenId: 't1', result: 'OK' }).state.vars).toEqual({ a: 2, b: 1 });
  });
});

describe('performers', () => {
  const one = (performer: object, params: object = {}, subject: object = {}) => {
    const m = routeMap([START, action('A', { performer: performer as never }), end()], [edge('S', 'A'), edge('A', 'E')]);
    return only(start(m, params, { subject: subject as never }).commands, 'CreateTask').assignee;
  };
  const fails = (performer: object, params: object = {}, subject: object = {}) => {
    const m = routeMap([START, action('A', { performer: performer as never }), end()], [edge('S', 'A'), edge('A', 'E')]);
    return engineError(() => start(m, params, { subject: subject as never }));
  };

  it('resolves users, roles, parameters, list elements and expressions', () => {
    expect(one({ user: 'u9' })).toEqual({ kind: 'USER', userId: 'u9' });
    expect(one({ role: 'LAWYER' })).toEqual({ kind: 'ROLE', role: 'LAWYER', ofUserId: null });
    expect(one({ role: 'HEAD', of: 'subject.responsibleId' }, {}, { responsibleId: 'm2' })).toEqual({ kind: 'ROLE', role: 'HEAD', ofUserId: 'm2' });
    expect(one({ parameter: 'who' }, { who: 'u3' })).toEqual({ kind: 'USER', userId: 'u3' });
    expect(one({ parameter: 'who' }, { who: { kind: 'USER', userId: 'u4' } })).toEqual({ kind: 'USER', userId: 'u4' });
    expect(one({ parameter: 'who', index: 1 }, { who: ['a', 'b'] })).toEqual({ kind: 'USER', userId: 'b' });
    expect(one({ parameter: 'who', index: '0' }, { who: ['a', 'b'] })).toEqual({ kind: 'USER', userId: 'a' });
    expect(one({ expression: { if: [{ var: 'subject.vip' }, 'boss', 'clerk'] } }, {}, { vip: true })).toEqual({ kind: 'USER', userId: 'boss' });
  });

  it('PERFORMER_UNRESOLVED when the reference is missing or not a user', () => {
    expect(fails({ role: 'HEAD', of: 'subject.responsibleId' })).toMatchObject({ code: 'PERFORMER_UNRESOLVED', pointId: 'A' });
    expect(fails({ parameter: 'who' }).code).toBe('PERFORMER_UNRESOLVED');
    expect(fails({ parameter: 'who' }, { who: ['a', 'b'] }).code).toBe('PERFORMER_UNRESOLVED'); // a list outside a branch
    expect(fails({ parameter: 'who', index: 2 }, { who: ['a', 'b'] }).code).toBe('PERFORMER_UNRESOLVED');
    expect(fails({ parameter: 'who' }, { who: { kind: 'ROBOT' } }).code).toBe('PERFORMER_UNRESOLVED');
    expect(fails({ expression: { var: 'subject.list' } }, {}, { list: ['a'] }).code).toBe('PERFORMER_UNRESOLVED');
    expect(fails({ expression: 42 }).code).toBe('PERFORMER_UNRESOLVED');
  });

  it('deadlines must come out as whole days', () => {
    const m = (deadlineDays: unknown) => routeMap([START, action('A', { deadlineDays: deadlineDays as never }), end()], [edge('S', 'A'), edge('A', 'E')]);
    expect(only(start(m({ var: 'parameters.d' }), { d: '3' }).commands, 'CreateTask').deadlineDays).toBe(3);
    expect(only(start(m({ var: 'parameters.d' }), {}).commands, 'CreateTask').deadlineDays).toBeNull();
    expect(engineError(() => start(m({ var: 'parameters.d' }), { d: 1.5 }))).toMatchObject({ code: 'INVALID_DEADLINE', pointId: 'A' });
    expect(engineError(() => start(m({ var: 'parameters.d' }), { d: -1 })).code).toBe('INVALID_DEADLINE');
  });
});

describe('Cancel', () => {
  it('cancels every wait, records it, and finishes as CANCELLED', () => {
    const m = routeMap(
      [
        START,
        { id: 'SP', type: 'SPLIT', name: 'SP' },
        action('A'),
        { id: 'N', type: 'SUBPROCESS', name: 'N', templateCode: 'X', results: ['DONE'] },
        { id: 'M', type: 'MERGE', name: 'M', splitId: 'SP' },
        end(),
      ],
      [edge('S', 'SP'), edge('SP', 'A'), edge('SP', 'N'), edge('A', 'M'), edge('N', 'M'), edge('M', 'E')],
    );
    const { state } = start(m, {});
    const cancelled = step(m, state, { type: 'Cancel', reason: 'client gone', by: 'admin', at: 't9' });
    expect(cancelled.commands).toEqual([
      {
        type: 'CancelTasks',
        tokens: [
          { tokenId: 't2', pointId: 'A', waitingFor: 'TASK' },
          { tokenId: 't3', pointId: 'N', waitingFor: 'SUBPROCESS' },
        ],
        reason: 'client gone',
      },
      { type: 'Finish', status: 'CANCELLED', result: 'CANCELLED', output: { reason: 'client gone', by: 'admin' } },
    ]);
    expect(cancelled.state).toMatchObject({ status: 'CANCELLED', result: 'CANCELLED', tokens: [], splits: {} });
    expect(cancelled.state.history.filter((h) => h.kind === 'CANCELLED').map((h) => [h.pointId, h.at])).toEqual([
      ['A', 't9'],
      ['N', 't9'],
    ]);
    expect(activePoints(cancelled.state)).toEqual([]);
    expect(engineError(() => step(m, cancelled.state, { type: 'TaskCompleted', tokenId: 't2', result: 'OK' })).code).toBe('PROCESS_NOT_RUNNING');
  });
});

describe('start checks', () => {
  it('refuses an invalid map with every validation error attached', () => {
    const bad = routeMap([START, { id: 'C', type: 'CONDITION', name: 'C', condition: { eval: 'x' } }, end()], [edge('S', 'C'), edge('C', 'E', { exit: 'then' })]);
    const e = engineError(() => start(bad, {}));
    expect(e.code).toBe('INVALID_MAP');
    expect(e.details.map((d) => d.code)).toEqual(expect.arrayContaining(['UNKNOWN_OPERATOR', 'MISSING_EXIT']));
    expect(engineError(() => step(bad, {} as ProcessState, { type: 'Cancel' })).code).toBe('INVALID_MAP');
  });

  it('applies defaults and checks declared parameters', () => {
    const m = routeMap([START, action('A'), end()], [edge('S', 'A'), edge('A', 'E')], {
      parameters: [
        { name: 'who', type: 'string', required: true },
        { name: 'limit', type: 'decimal', default: '10.5' },
        { name: 'count', type: 'number' },
        { name: 'flag', type: 'boolean' },
        { name: 'list', type: 'list' },
        { name: 'obj', type: 'object' },
      ],
    });
    expect(start(m, { who: 'u' }).state.parameters).toEqual({ who: 'u', limit: '10.5', count: null, flag: null, list: null, obj: null });
    const e = engineError(() => start(m, { limit: 'ten', count: '1', flag: 'yes', list: {}, obj: [], extra: 1 }));
    expect(e.code).toBe('INVALID_PARAMETERS');
    expect(e.details).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PARAMETER', parameter: 'extra' }),
      expect.objectContaining({ code: 'MISSING_PARAMETER', parameter: 'who' }),
      expect.objectContaining({ code: 'INVALID_PARAMETER_TYPE', parameter: 'limit' }),
      expect.objectContaining({ code: 'INVALID_PARAMETER_TYPE', parameter: 'count' }),
      expect.objectContaining({ code: 'INVALID_PARAMETER_TYPE', parameter: 'flag' }),
      expect.objectContaining({ code: 'INVALID_PARAMETER_TYPE', parameter: 'list' }),
      expect.objectContaining({ code: 'INVALID_PARAMETER_TYPE', parameter: 'obj' }),
    ]);
    expect(engineError(() => start(m, 'who=u')).code).toBe('INVALID_PARAMETERS');
  });

  it('a subject snapshot in an event replaces the stored one before evaluation', () => {
    const m = routeMap(
      [START, action('A'), { id: 'C', type: 'CONDITION', name: 'C', condition: { var: 'subject.ok' } }, end('Y', 'YES'), end('N', 'NO')],
      [edge('S', 'A'), edge('A', 'C'), edge('C', 'Y', { exit: 'then' }), edge('C', 'N', { exit: 'else' })],
    );
    const s = start(m, {}, { subject: { ok: false } }).state;
    expect(step(m, s, { type: 'TaskCompleted', tokenId: 't1', result: 'OK' }).state.result).toBe('NO');
    const withSnapshot = step(m, s, { type: 'TaskCompleted', tokenId: 't1', result: 'OK', subject: { ok: true } });
    expect(withSnapshot.state.result).toBe('YES');
    expect(withSnapshot.state.subject).toEqual({ ok: true });
  });
});
