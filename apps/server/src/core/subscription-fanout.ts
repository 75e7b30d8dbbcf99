import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

export interface FanoutOptions {
  /**
   * Who a result is for, beyond the document and its variables: every input of the resolvers that differs between
   * sockets (the actor with their role, team and time zone; the origin). Sockets with the same audience get the
   * same result for the same message, so it must name everything a resolver may read from the context.
   */
  audience(args: ExecutionArgs): string;
  /** Turns the execution's result into what goes on the wire (error formatting); runs once per shared result. */
  present(result: ExecutionResult, args: ExecutionArgs): ExecutionResult;
}

/**
 * graphql's `subscribe` for graphql-ws, resolving each published message once per audience instead of once per
 * socket: a user's 20 open tabs get one execution and one result per reminder, not 20.
 *
 * Results are remembered per message object (a WeakMap keyed by the published payload, which the event target
 * hands to every listener of the topic, in process or once parsed from Redis), so they live as long as the
 * message does (the pub/sub holds it until each socket has taken the next one): nothing to expire, no cache to
 * bound. Publishers must therefore not reuse a message object for different content. A message that is not an
 * object (nothing shares it) is resolved per socket as graphql does.
 */
export function createFanoutSubscribe(options: FanoutOptions) {
  const resolved = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async function subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    // Once per subscription: the document's text (each socket parses its own copy), variables, audience.
    const key = JSON.stringify([args.document.loc?.source.body ?? print(args.document), args.operationName ?? null, args.variableValues ?? null, options.audience(args)]);
    const resolve = async (message: unknown) => options.present(await execute({ ...args, rootValue: message }), args);
    return mapAsyncIterator(stream, (message) => {
      if (message === null || typeof message !== 'object') return resolve(message);
      let byKey = resolved.get(message);
      if (!byKey) resolved.set(message, (byKey = new Map()));
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = resolve(message)));
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/**
 * Maps an async iterable without an async generator: graphql-ws stops a subscription with `return()` while the
 * socket waits for the next message, and a generator would queue that call until a message came, keeping the
 * pub/sub listener (and the socket's context) alive meanwhile. This passes `return()` straight to the source.
 */
function mapAsyncIterator<T, U>(iterable: AsyncIterable<T>, fn: (value: T) => Promise<U>): AsyncGenerator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const close = async () => {
    try {
      await iterator.return?.();
    } catch {
      // The source's own failure to stop changes nothing for the caller, who already has an error.
    }
  };
  const map = async (step: IteratorResult<T>): Promise<IteratorResult<U>> => {
    if (step.done) return { value: undefined, done: true };
    try {
      return { value: await fn(step.value), done: false };
    } catch (err) {
      await close();
      throw err;
    }
  };
  return {
    next: async () => map(await iterator.next()),
    return: async () => (iterator.return ? map(await iterator.return()) : { value: undefined, done: true }),
    throw: async (err?: unknown) => {
      if (iterator.throw) return map(await iterator.throw(err));
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  } as unknown as AsyncGenerator<U>;
}
