/**
 * Group commit for the hot inserts: the inserts into one collection asked for in the same turn of
 * the event loop go to the server as one unordered `insert` command — one round trip, one
 * command to parse and journal instead of one per request — and each caller still gets its own
 * outcome: its document stored, or its own error (a duplicate key stays a duplicate key, as
 * `isDuplicateKey` reads it). With `ordered: false` one document's failure never stops another's.
 * An error of the whole command (the connection, a write concern) is every caller's, as it
 * would have been for each insert alone. A lone insert goes out as `insertOne`, unchanged.
 */

import { boundedCall } from './operation-bound.js';

/** What a batch needs of a driver collection. */
export interface BatchingCollection {
  insertOne(doc: never): Promise<unknown>;
  insertMany(docs: never[], options: { ordered: false }): Promise<unknown>;
}

interface Waiting {
  doc: object;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** More would only make one command larger than the turn's worth of requests ever needs. */
const MAX_BATCH = 100;

const waitingBy = new WeakMap<BatchingCollection, Waiting[]>();

/** Inserts `doc` into `collection` with the other inserts of this turn; resolves once it is stored. */
export function insertInBatch(collection: BatchingCollection, doc: object): Promise<void> {
  let waiting = waitingBy.get(collection);
  if (!waiting) {
    waiting = [];
    waitingBy.set(collection, waiting);
    setImmediate(() => flush(collection, waiting!));
  }
  const batch = waiting;
  if (batch.length + 1 >= MAX_BATCH) waitingBy.delete(collection);
  return new Promise((resolve, reject) => { batch.push({ doc, resolve, reject }); });
}

function flush(collection: BatchingCollection, batch: Waiting[]): void {
  if (waitingBy.get(collection) === batch) waitingBy.delete(collection);
  boundedCall(collection, () => (batch.length === 1
    ? collection.insertOne((batch[0] as Waiting).doc as never)
    : collection.insertMany(batch.map((w) => w.doc) as never[], { ordered: false }))).then(
    () => { for (const w of batch) w.resolve(); },
    (err: unknown) => settleEach(batch, err),
  );
}

interface WriteErrorLike { index: number; code?: unknown; errmsg?: string }

/** After a failed batch: each document with its own write error fails with it; the others were stored. */
function settleEach(batch: Waiting[], err: unknown): void {
  const bulk = err as { name?: string; writeErrors?: WriteErrorLike | WriteErrorLike[]; result?: { getWriteConcernError?: () => unknown } };
  const writeErrors = bulk.writeErrors === undefined ? [] : ([] as WriteErrorLike[]).concat(bulk.writeErrors);
  const concern = bulk.result?.getWriteConcernError?.() ?? null;
  if (bulk.name !== 'MongoBulkWriteError' || writeErrors.length === 0 || concern !== null) {
    for (const w of batch) w.reject(err);
    return;
  }
  const failed = new Map(writeErrors.map((e) => [e.index, e]));
  batch.forEach((w, i) => {
    const own = failed.get(i);
    if (!own) w.resolve();
    else w.reject(Object.assign(new Error(own.errmsg ?? 'insert failed'), { name: 'MongoServerError', code: own.code, index: 0, cause: err }));
  });
}
