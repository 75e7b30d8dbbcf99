/**
 * Random VALID route maps for the property test, built structurally: sequences, conditions, switches, static and
 * dynamic split/merge blocks (nested), loops with an exit (a result or a counter), processing and subprocess
 * points, and early ENDs outside any split.
 */
import fc from 'fast-check';
import type { Edge, Expression, RouteMap, RoutePoint } from '../types';

export const RESULTS = ['R0', 'R1', 'R2'] as const;

export type Block =
  | { kind: 'empty' }
  | { kind: 'action'; results: string[]; wiring: 'default' | 'each' | 'mixed' }
  | { kind: 'processing'; results: string[] | null }
  | { kind: 'subprocess'; results: string[]; mapped: boolean }
  | { kind: 'seq'; blocks: Block[] }
  | { kind: 'cond'; on: string; then: Block; else: Block }
  | { kind: 'switch'; options: string[]; branches: Block[]; fallback: Block }
  | { kind: 'split'; branches: Block[] }
  | { kind: 'each'; body: Block }
  | { kind: 'loop'; body: Block; max: number }
  | { kind: 'exit'; on: string };

const resultsArb = fc.subarray([...RESULTS], { minLength: 1 });

const leaf: fc.Arbitrary<Block> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('action' as const), results: resultsArb, wiring: fc.constantFrom('default' as const, 'each' as const, 'mixed' as const) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('processing' as const), results: fc.option(resultsArb, { nil: null }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('subprocess' as const), results: resultsArb, mapped: fc.boolean() }), weight: 1 },
);

const memo = new Map<string, fc.Arbitrary<Block>>();

/** Blocks up to `depth` levels of nesting; `inBranch` blocks may not contain an END. */
export function blockArb(depth: number, inBranch: boolean): fc.Arbitrary<Block> {
  const key = `${depth}/${inBranch}`;
  const cached = memo.get(key);
  if (cached) return cached;
  let arb: fc.Arbitrary<Block>;
  if (depth === 0) {
    arb = leaf;
  } else {
    const child = blockArb(depth - 1, inBranch);
    const branchChild = blockArb(depth - 1, true);
    const maybeEmpty = (a: fc.Arbitrary<Block>) => fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: fc.constant<Block>({ kind: 'empty' }), weight: 1 });
    const choices: Array<fc.WeightedArbitrary<Block>> = [
      { arbitrary: leaf, weight: 4 },
      { arbitrary: fc.record({ kind: fc.constant('seq' as const), blocks: fc.array(child, { minLength: 1, maxLength: 3 }) }), weight: 3 },
      {
        arbitrary: fc.record({ kind: fc.constant('cond' as const), on: fc.constantFrom(...RESULTS), then: maybeEmpty(child), else: maybeEmpty(child) }),
        weight: 2,
      },
      {
        arbitrary: fc
          .subarray([...RESULTS], { minLength: 1 })
          .chain((options) =>
            fc.record({
              kind: fc.constant('switch' as const),
              options: fc.constant(options),
              branches: fc.array(maybeEmpty(child), { minLength: options.length, maxLength: options.length }),
              fallback: maybeEmpty(child),
            }),
          ),
        weight: 1,
      },
      { arbitrary: fc.record({ kind: fc.constant('split' as const), branches: fc.array(maybeEmpty(branchChild), { minLength: 2, maxLength: 3 }) }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('each' as const), body: maybeEmpty(branchChild) }), weight: 1 },
      {
        // The body starts with an action so the loop always has a point to wait at.
        arbitrary: fc.record({
          kind: fc.constant('loop' as const),
          body: child.map((b): Block => ({ kind: 'seq', blocks: [{ kind: 'action', results: [...RESULTS], wiring: 'default' }, b] })),
          max: fc.integer({ min: 1, max: 2 }),
        }),
        weight: 2,
      },
    ];
    if (!inBranch) choices.push({ arbitrary: fc.record({ kind: fc.constant('exit' as const), on: fc.constantFrom(...RESULTS) }), weight: 1 });
    arb = fc.oneof(...choices);
  }
  memo.set(key, arb);
  return arb;
}

export const programArb: fc.Arbitrary<Block[]> = fc.array(blockArb(3, false), { minLength: 1, maxLength: 4 });

interface Stub {
  from: string;
  exit?: string;
  set?: Record<string, Expression>;
}

/** Turns a program into a map: START → blocks → END. */
export function buildMap(program: Block[]): RouteMap {
  const points: RoutePoint[] = [{ id: 'S', type: 'START', name: 'Start' }];
  const edges: Edge[] = [];
  let counter = 0;
  const id = (prefix: string) => `${prefix}${(counter += 1)}`;
  const connect = (stubs: Stub[], to: string) => {
    for (const s of stubs) edges.push({ from: s.from, to, ...(s.exit !== undefined ? { exit: s.exit } : {}), ...(s.set ? { set: s.set } : {}) });
  };
  const lastIs = (value: string): Expression => ({ '==': [{ var: 'lastResult' }, value] });

  const build = (block: Block, ins: Stub[]): { entry: string | null; outs: Stub[] } => {
    switch (block.kind) {
      case 'empty':
        return { entry: null, outs: ins };
      case 'action': {
        const a = id('A');
        points.push({ id: a, type: 'ACTION', name: `Task ${a}`, performer: { user: `u-${a}` }, results: block.results, deadlineDays: 1 });
        connect(ins, a);
        const outs: Stub[] =
          block.wiring === 'default'
            ? [{ from: a }]
            : block.wiring === 'each'
              ? block.results.map((r) => ({ from: a, exit: r }))
              : [{ from: a, exit: block.results[0] }, { from: a }];
        return { entry: a, outs };
      }
      case 'processing': {
        const p = id('P');
        points.push({ id: p, type: 'PROCESSING', name: `Run ${p}`, action: 'touch', args: { at: p }, ...(block.results ? { results: block.results } : {}) });
        connect(ins, p);
        return { entry: p, outs: block.results ? block.results.map((r) => ({ from: p, exit: r })) : [{ from: p }] };
      }
      case 'subprocess': {
        const n = id('N');
        points.push({
          id: n,
          type: 'SUBPROCESS',
          name: `Child ${n}`,
          templateCode: 'CHILD',
          parameters: { from: n },
          results: block.results,
          ...(block.mapped ? { resultMap: { CHILD_OK: block.results[0] } } : {}),
        });
        connect(ins, n);
        return { entry: n, outs: block.results.map((r) => ({ from: n, exit: r })) };
      }
      case 'seq': {
        let entry: string | null = null;
        let outs = ins;
        for (const b of block.blocks) {
          const built = build(b, outs);
          entry = entry ?? built.entry;
          outs = built.outs;
        }
        return { entry, outs };
      }
      case 'cond': {
        const c = id('C');
        points.push({ id: c, type: 'CONDITION', name: `If ${c}`, condition: lastIs(block.on) });
        connect(ins, c);
        const t = build(block.then, [{ from: c, exit: 'then' }]);
        const e = build(block.else, [{ from: c, exit: 'else' }]);
        return { entry: c, outs: [...t.outs, ...e.outs] };
      }
      case 'switch': {
        const s = id('W');
        points.push({ id: s, type: 'SWITCH', name: `Switch ${s}`, expression: { var: 'lastResult' }, options: block.options });
        connect(ins, s);
        const outs = block.options.flatMap((o, i) => build(block.branches[i], [{ from: s, exit: o }]).outs);
        outs.push(...build(block.fallback, [{ from: s, exit: 'default' }]).outs);
        return { entry: s, outs };
      }
      case 'split':
      case 'each': {
        const sp = id('SP');
        const m = id('M');
        points.push(
          block.kind === 'each'
            ? { id: sp, type: 'SPLIT', name: `Each ${sp}`, forEach: { var: 'parameters.items' } }
            : { id: sp, type: 'SPLIT', name: `Split ${sp}` },
        );
        connect(ins, sp);
        const bodies = block.kind === 'each' ? [block.body] : block.branches;
        const outs = bodies.flatMap((b) => build(b, [{ from: sp }]).outs);
        points.push({ id: m, type: 'MERGE', name: `Merge ${m}`, splitId: sp });
        connect(outs, m);
        return { entry: sp, outs: [{ from: m }] };
      }
      case 'loop': {
        const l = id('L');
        const counter = `c${l}`;
        const body = build(block.body, ins);
        points.push({
          id: l,
          type: 'CONDITION',
          name: `Loop ${l} done?`,
          condition: { or: [lastIs('R0'), { '>=': [{ var: [`vars.${counter}`, 0] }, block.max] }] },
        });
        connect(body.outs, l);
        edges.push({ from: l, to: body.entry!, exit: 'else', set: { [counter]: { '+': [{ var: [`vars.${counter}`, 0] }, 1] } } });
        return { entry: body.entry, outs: [{ from: l, exit: 'then', set: { [counter]: 0 } }] };
      }
      case 'exit': {
        const c = id('X');
        const e = id('E');
        points.push({ id: c, type: 'CONDITION', name: `Stop ${c}?`, condition: lastIs(block.on) });
        points.push({ id: e, type: 'END', name: `Early ${e}`, result: `EARLY_${e}` });
        connect(ins, c);
        edges.push({ from: c, to: e, exit: 'then' });
        return { entry: c, outs: [{ from: c, exit: 'else' }] };
      }
    }
  };

  const built = build({ kind: 'seq', blocks: program }, [{ from: 'S' }]);
  points.push({ id: 'E', type: 'END', name: 'End', result: 'DONE' });
  connect(built.outs, 'E');
  return { code: 'RANDOM', name: 'Random', parameters: [{ name: 'items', type: 'list' }], points, edges };
}
