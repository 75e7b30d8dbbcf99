import { getEventListeners, getMaxListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { createFanoutSubscribe } from './subscription-fanout';
import { localEventTarget, MAX_SUBSCRIPTIONS_PER_TOPIC } from './pubsub';

/**
 * A schema whose subscription field renders the message for the viewer (their time zone), counting executions:
 * what the fan-out may share and what it must not.
 */
function setup() {
  const target = new EventTarget();
  const pubSub = createPubSub({ eventTarget: target });
  let executions = 0;
  type Viewer = { userId: string; timeZone: string };
  type Message = { id: string; at: string; fail?: boolean };
  const Push = new GraphQLObjectType<Message, Viewer>({
    name: 'Push',
    fields: {
      id: { type: GraphQLString },
      at: {
        type: GraphQLString,
        resolve: (m, _args, viewer) => {
          if (m.fail) throw new Error('database down');
          return new Date(m.at).toLocaleString('en-GB', { timeZone: viewer.timeZone });
        },
      },
      viewer: { type: GraphQLString, resolve: (_m, _args, viewer) => viewer.userId },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        pushed: {
          type: Push,
          args: {},
          subscribe: (_root, _args, viewer: Viewer) => pubSub.subscribe('PUSHED', viewer.userId),
          resolve: (m: Message) => {
            executions += 1;
            return m;
          },
        },
      },
    }),
  });
  const presented: ExecutionResult[] = [];
  const subscribe = createFanoutSubscribe({
    audience: (args) => JSON.stringify(args.contextValue),
    present: (result) => {
      const out = result.errors ? { ...result, errors: result.errors.map((e) => ({ message: 'coded', extensions: { code: 'INTERNAL_SERVER_ERROR' }, original: e.message }) as unknown as GraphQLError) } : result;
      presented.push(out);
      return out;
    },
  });
  const open = async (viewer: Viewer, query = 'subscription { pushed { id at viewer } }') => {
    const args: ExecutionArgs = { schema, document: parse(query), contextValue: viewer };
    const it = (await subscribe(args)) as AsyncGenerator<ExecutionResult>;
    return it;
  };
  return { target, pubSub, open, executions: () => executions, presented };
}

describe('createFanoutSubscribe', () => {
  it("resolves a message once for all of a viewer's sockets and separately for another viewer", async () => {
    const s = setup();
    const moscow = { userId: 'u1', timeZone: 'Europe/Moscow' };
    const [tab1, tab2, tab3] = await Promise.all([s.open(moscow), s.open(moscow), s.open(moscow)]);
    // The same message object goes to two users' topics (as eventChanged does for the old and new responsible).
    const other = { userId: 'u2', timeZone: 'America/New_York' };
    const otherTab = await s.open(other);
    const message = { id: 'm1', at: '2026-11-28T12:00:00Z' };
    const results = Promise.all([tab1.next(), tab2.next(), tab3.next(), otherTab.next()]);
    s.pubSub.publish('PUSHED', 'u1', message);
    s.pubSub.publish('PUSHED', 'u2', message);
    const [r1, r2, r3, r4] = (await results).map((r) => r.value);

    expect(r1).toEqual({ data: { pushed: { id: 'm1', at: '28/11/2026, 15:00:00', viewer: 'u1' } } });
    expect(r2).toBe(r1);
    expect(r3).toBe(r1);
    expect(r4).toEqual({ data: { pushed: { id: 'm1', at: '28/11/2026, 07:00:00', viewer: 'u2' } } });
    expect(s.executions()).toBe(2);
  });

  it('does not share between different documents or variables of the same viewer', async () => {
    const s = setup();
    const viewer = { userId: 'u1', timeZone: 'UTC' };
    const full = await s.open(viewer);
    const short = await s.open(viewer, 'subscription { pushed { id } }');
    const pending = Promise.all([full.next(), short.next()]);
    s.pubSub.publish('PUSHED', 'u1', { id: 'm1', at: '2026-11-28T12:00:00Z' });
    const [a, b] = await pending;
    expect(a.value).toEqual({ data: { pushed: { id: 'm1', at: '28/11/2026, 12:00:00', viewer: 'u1' } } });
    expect(b.value).toEqual({ data: { pushed: { id: 'm1' } } });
    expect(s.executions()).toBe(2);
  });

  it('presents an execution error once and gives every socket of the viewer that presented result', async () => {
    const s = setup();
    const viewer = { userId: 'u1', timeZone: 'UTC' };
    const [tab1, tab2] = await Promise.all([s.open(viewer), s.open(viewer)]);
    const pending = Promise.all([tab1.next(), tab2.next()]);
    s.pubSub.publish('PUSHED', 'u1', { id: 'm1', at: '2026-11-28T12:00:00Z', fail: true });
    const [a, b] = await pending;
    expect(a.value).toEqual({ data: { pushed: { id: 'm1', at: null, viewer: 'u1' } }, errors: [{ message: 'coded', extensions: { code: 'INTERNAL_SERVER_ERROR' }, original: 'database down' }] });
    expect(b.value).toBe(a.value);
    expect(s.presented).toHaveLength(1);
  });

  it('does not keep a message (nor its results) once the sockets have moved past it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const s = setup();
    const viewer = { userId: 'u1', timeZone: 'UTC' };
    const tabs = [await s.open(viewer), await s.open(viewer)];
    let first!: WeakRef<object>;
    // In helpers, so that no local of this test holds a message or a pending `next()` holding its result.
    const push = async (id: string) => {
      const taken = Promise.all(tabs.map((t) => t.next()));
      const message = { id, at: '2026-11-28T12:00:00Z' };
      first ??= new WeakRef(message);
      s.pubSub.publish('PUSHED', 'u1', message);
      return (await taken).map((r) => (r.value as ExecutionResult<{ pushed: { id: string } }>).data?.pushed.id);
    };
    expect(await push('m1')).toEqual(['m1', 'm1']);
    // The pub/sub's own iterator holds the last message a socket took until it takes the next one.
    expect(await push('m2')).toEqual(['m2', 'm2']);
    await new Promise((r) => setImmediate(r));
    gc();
    expect(first.deref()).toBeUndefined();
  });

  it('stops at once when the socket completes while waiting, removing its listener', async () => {
    const s = setup();
    const tab = await s.open({ userId: 'u1', timeZone: 'UTC' });
    const waiting = tab.next();
    await new Promise((r) => setImmediate(r));
    expect(getEventListeners(s.target, 'PUSHED:u1')).toHaveLength(1);
    await tab.return(undefined);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(getEventListeners(s.target, 'PUSHED:u1')).toHaveLength(0);
  });

  it('returns the errors of a subscription that cannot start instead of a stream', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
          broken: {
            type: GraphQLString,
            subscribe: () => {
              throw new Error('no topic');
            },
          },
        },
      }),
    });
    const subscribe = createFanoutSubscribe({ audience: () => '', present: (r) => r });
    const result = (await subscribe({ schema, document: parse('subscription { broken }') })) as ExecutionResult;
    expect(result.errors?.map((e) => e.message)).toEqual(['no topic']);
  });
});

describe('the in-process event target', () => {
  it("takes 20 open tabs of one user on one topic without Node's leak warning (past 10 listeners)", () => {
    const target = localEventTarget();
    expect(getMaxListeners(target)).toBe(MAX_SUBSCRIPTIONS_PER_TOPIC);
    expect(MAX_SUBSCRIPTIONS_PER_TOPIC).toBeGreaterThanOrEqual(20);
  });

  it('delivers one message to every tab of the user and drops their listeners when they close', async () => {
    const target = localEventTarget();
    const pubSub = createPubSub({ eventTarget: target });
    const tabs = Array.from({ length: 20 }, () => pubSub.subscribe('REMINDER_DUE', 'u1')[Symbol.asyncIterator]());
    const got = Promise.all(tabs.map((t) => t.next()));
    await new Promise((r) => setImmediate(r));
    expect(getEventListeners(target, 'REMINDER_DUE:u1')).toHaveLength(20);
    pubSub.publish('REMINDER_DUE', 'u1', { id: 'r1' });
    expect((await got).map((r) => r.value)).toEqual(Array(20).fill({ id: 'r1' }));
    await Promise.all(tabs.map((t) => t.return?.()));
    expect(getEventListeners(target, 'REMINDER_DUE:u1')).toHaveLength(0);
  });
});
