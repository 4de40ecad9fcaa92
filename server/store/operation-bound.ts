/**
 * The longest one batched database operation may keep its callers waiting (config/time-budget.ts):
 * the connection's server selection plus socket timeouts, the bounds each of its operations has
 * on its own. The driver enforces them on the wire; this also bounds what it does not — an
 * operation sent while the server is shutting down was seen waiting past both (the MongoDB
 * outage fault test) — so a request still gets its answer in time. Null for a connection
 * without a socket timeout (maintenance tools), which waits as long as the driver does.
 */
export function operationBoundMs(collection: object): number | null {
  const options = (collection as { conn?: { getClient?: () => { options?: { serverSelectionTimeoutMS?: number; socketTimeoutMS?: number } } } })
    .conn?.getClient?.().options;
  if (!options?.socketTimeoutMS) return null;
  return (options.serverSelectionTimeoutMS ?? 0) + options.socketTimeoutMS;
}

/** Fails `fail` with a network-timeout error once `boundMs` passed, unless `settled` was called first. */
export function boundCallers(boundMs: number | null, fail: (err: Error) => void): () => void {
  if (boundMs === null) return () => undefined;
  const timer = setTimeout(() => {
    fail(Object.assign(new Error(`database operation did not settle within ${boundMs} ms`), { name: 'MongoNetworkTimeoutError' }));
  }, boundMs);
  timer.unref();
  return () => clearTimeout(timer);
}
