import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that deep layers need without threading them through every call. */
export interface RequestStore {
  requestId: string;
  /** SQL statements run for this request; an N+1 shows up here as a large number. */
  sqlStatements: number;
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

export function currentRequestId(): string | undefined {
  return requestStore.getStore()?.requestId;
}
