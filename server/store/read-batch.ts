/**
 * The hottest reads, batched like the hot inserts (insert-batch.ts): lookups of one collection by
 * the same fixed fields and one unique field, asked for in the same turn of the event loop, go
 * to the server as one `find` with `$in` — one round trip and one command instead of one per
 * request (the DataLoader pattern) — and each caller gets the document its value names (its
 * own object: a value asked for again in a turn waits in the next batch), or null. A read
 * batched with others is as fresh as its own would have been: they are sent together. A lone
 * lookup goes out as `findOne`, unchanged. A failed command fails every lookup in it, as it
 * would have failed each alone. A batch holds at most MAX_BATCH lookups, so its answer fits the
 * cursor's first reply (101 documents): one command, never a `getMore`.
 */
import type mongoose from 'mongoose';
import { boundedCall } from './operation-bound.js';

/** What a batch needs of a driver collection. */
export interface BatchReadCollection {
  findOne(filter: never, options: never): Promise<unknown>;
  find(filter: never, options: never): { toArray(): Promise<unknown[]> };
}

interface Waiting {
  resolve: (doc: Record<string, unknown> | null) => void;
  reject: (err: unknown) => void;
}

/** A value a lookup names: a string, or an ObjectId (an `_id`), compared by its hex form. */
export type LookupValue = string | mongoose.Types.ObjectId;

interface Batch {
  fixed: Record<string, string>;
  field: string;
  options: Record<string, unknown>;
  /** The lookup of each value (by its string form; one per value), with the value as sent. */
  byValue: Map<string, { value: LookupValue; waiting: Waiting }>;
}

/** The query time limit a mongoose connection was given (connectStore), for reads that skip mongoose. */
export function timeLimitOf(model: { db: { get(key: string): unknown } }): { maxTimeMS?: number } {
  const ms = model.db.get('maxTimeMS');
  return typeof ms === 'number' ? { maxTimeMS: ms } : {};
}

/** Lookups in one batch: under the 101 documents of a `find`'s first reply, as insert-batch.ts caps its batches. */
export const MAX_BATCH = 100;

/** Open batches by collection and shape; a value asked for again in a turn opens another batch. */
const batchesBy = new WeakMap<BatchReadCollection, Map<string, Batch[]>>();

/**
 * The document of `collection` matching `fixed` whose `field` (unique together with `fixed`)
 * equals `value`, read with the other lookups of this turn; null when there is none.
 */
export function findOneInBatch<T>(
  collection: BatchReadCollection, fixed: Record<string, string>, field: string, value: LookupValue, options: Record<string, unknown> = {},
): Promise<T | null> {
  let shapes = batchesBy.get(collection);
  if (!shapes) {
    shapes = new Map();
    batchesBy.set(collection, shapes);
  }
  const key = JSON.stringify([fixed, field, options]);
  const open = shapes.get(key) ?? [];
  shapes.set(key, open);
  const name = String(value);
  // Each caller gets a document of its own: a value already in a batch waits in the next one
  // (one more command in that rare turn, rather than copying a document that grows with history).
  let batch = open.find((b) => b.byValue.size < MAX_BATCH && !b.byValue.has(name));
  if (!batch) {
    const fresh: Batch = { fixed, field, options, byValue: new Map() };
    batch = fresh;
    open.push(fresh);
    setImmediate(() => {
      open.splice(open.indexOf(fresh), 1);
      if (open.length === 0 && shapes.get(key) === open) shapes.delete(key);
      flush(collection, fresh);
    });
  }
  const lookups = batch.byValue;
  return new Promise<T | null>((resolve, reject) => { lookups.set(name, { value, waiting: { resolve: resolve as Waiting['resolve'], reject } }); });
}

function flush(collection: BatchReadCollection, batch: Batch): void {
  const values = [...batch.byValue.values()].map((lookup) => lookup.value);
  boundedCall(collection, () => (values.length === 1
    ? collection.findOne({ ...batch.fixed, [batch.field]: values[0] } as never, batch.options as never).then((doc) => (doc ? [doc] : []))
    : collection.find({ ...batch.fixed, [batch.field]: { $in: values } } as never, batch.options as never).toArray())).then(
    (docs) => {
      const found = new Map<string, Record<string, unknown>>();
      for (const doc of docs as Record<string, unknown>[]) found.set(String(doc[batch.field]), doc);
      for (const [name, { waiting }] of batch.byValue) waiting.resolve(found.get(name) ?? null);
    },
    (err: unknown) => {
      for (const { waiting } of batch.byValue.values()) waiting.reject(err);
    },
  );
}
