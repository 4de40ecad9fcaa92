/**
 * Inserting a document through the driver, in the shape its mongoose schema stores: every path
 * the caller left out gets the schema's default (nested ones included, `null`, `[]`, `0`…), and
 * an `_id` is generated first when none is given — what `Model.create` stores, without
 * hydrating a mongoose Document. On the webhook's hot writes (ledger entries, accruals,
 * redemption records, request claims) that hydration — casting, change tracking, validation
 * hooks — cost more API CPU than the write itself (issue 11's profile of the register mix:
 * mongoose was 19 % of the samples).
 *
 * What it does not do is what typed code already guarantees: casting and validation. Callers
 * build the document from typed values; `test/integration/store/insert-shaped.test.ts` checks
 * that every document these writes store is exactly what the schema would store (it casts and
 * validates each one read back).
 */
import { Types, type SchemaType } from 'mongoose';
import { insertInBatch, type BatchingCollection } from './insert-batch.js';

/** What shaping reads of a mongoose schema: its paths. */
export interface SchemaPaths {
  paths: { [path: string]: SchemaType };
}

/** What an insert needs of a mongoose model: its schema and its driver collection. */
export interface ShapedModel {
  schema: SchemaPaths;
  collection: BatchingCollection;
}

/** A schema path that has a default: its dotted segments and how to make the value. */
interface DefaultPath {
  segments: string[];
  make: () => unknown;
}

const defaultsBySchema = new WeakMap<SchemaPaths, DefaultPath[]>();

/** The paths of `schema` with a default, computed once per schema. */
function defaultPaths(schema: SchemaPaths): DefaultPath[] {
  let paths = defaultsBySchema.get(schema);
  if (paths) return paths;
  paths = [];
  for (const [path, type] of Object.entries(schema.paths) as [string, SchemaType & { defaultValue?: unknown }][]) {
    const value = type.defaultValue;
    if (path === '_id' || value === undefined) continue;
    const make = type.instance === 'Array'
      ? () => (Array.isArray(value) ? [...(value as unknown[])] : [])
      : typeof value === 'function' ? value as () => unknown : () => value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      throw new Error(`insertShaped: schema path ${path} has an object default; give it in the document`);
    }
    paths.push({ segments: path.split('.'), make });
  }
  defaultsBySchema.set(schema, paths);
  return paths;
}

/** `doc` with every missing defaulted path filled in (nested objects are copied, never mutated). */
export function schemaShaped<T extends Record<string, unknown>>(schema: SchemaPaths, doc: T): T & { _id: unknown } {
  const shaped: Record<string, unknown> = { _id: doc._id ?? new Types.ObjectId(), ...doc };
  const copies = new Set<object>();
  for (const { segments, make } of defaultPaths(schema)) {
    let holder = shaped;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i] as string;
      let inner = holder[segment] as Record<string, unknown> | null | undefined;
      if (inner === null || typeof inner !== 'object' || !copies.has(inner)) {
        // Copied once per document: the caller's nested object is never written to.
        inner = inner !== null && typeof inner === 'object' ? { ...inner } : {};
        copies.add(inner);
        holder[segment] = inner;
      }
      holder = inner;
    }
    const last = segments[segments.length - 1] as string;
    if (holder[last] === undefined) holder[last] = make();
  }
  return shaped as T & { _id: unknown };
}

/**
 * Inserts `doc` shaped by `model`'s schema, with the other inserts of this turn (insert-batch.ts);
 * returns the document as stored. Duplicate keys throw as from `create`.
 */
export async function insertShaped<T extends Record<string, unknown>>(model: ShapedModel, doc: T): Promise<T & { _id: unknown }> {
  const shaped = schemaShaped(model.schema, doc);
  await insertInBatch(model.collection, shaped);
  return shaped;
}
