/**
 * Wakes the in-process notification worker when a transaction that recorded a notification event
 * commits (decision 031), so its fan-out follows within milliseconds instead of at the worker's next
 * poll. `notify` marks the transaction; `runCommand` calls `transactionCommitted` after its commit.
 * A transaction that rolls back is never reported, and a missed wake only delays: the worker's poll
 * fans out every pending event anyway.
 */
const recordedIn = new WeakSet<object>();
const listeners = new Set<() => void>();

/** Marks a transaction as having recorded a notification event. */
export function eventRecordedIn(trx: object): void {
  recordedIn.add(trx);
}

/** Called after a transaction committed: wakes the listeners when it recorded an event. */
export function transactionCommitted(trx: object | undefined): void {
  if (!trx || !recordedIn.has(trx)) return;
  recordedIn.delete(trx);
  for (const listener of listeners) listener();
}

/** Subscribes to "events committed"; returns the unsubscribe. */
export function onEventsCommitted(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
