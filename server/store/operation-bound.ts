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

/**
 * Runs one driver call on `collection`: its answer, or its failure — also when the call throws
 * instead of rejecting (never the process's), and a network timeout once the connection's bound
 * passed (outcome unknown, as on a socket timeout).
 */
export function boundedCall<T>(collection: object, call: () => Promise<T>): Promise<T> {
  const boundMs = operationBoundMs(collection);
  return new Promise<T>((resolve, reject) => {
    const timer = boundMs === null ? null : setTimeout(() => {
      reject(Object.assign(new Error(`database operation did not settle within ${boundMs} ms`), { name: 'MongoNetworkTimeoutError' }));
    }, boundMs);
    timer?.unref();
    const done = (): void => { if (timer) clearTimeout(timer); };
    new Promise<T>((started) => { started(call()); }).then((value) => { done(); resolve(value); }, (err: unknown) => { done(); reject(err); });
  });
}
