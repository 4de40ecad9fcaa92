/**
 * Batched lookups by a unique key (server/store/read-batch.ts) on the real store: the lookups of
 * one turn go out as one `find` with `$in`, and each caller gets exactly the document its value
 * names (its own copy), or null; lookups under other fixed fields never see each other's.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { findOneInBatch, MAX_BATCH, type BatchReadCollection } from '../../../server/store/read-batch.js';
import { commandTimeline } from '../../support/command-counter.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';

describe('lookups of one turn as one command (batched reads)', () => {
  let conn: mongoose.Connection;
  let collection: BatchReadCollection & mongoose.mongo.Collection;
  before(async () => {
    conn = await connectTestDb('readbatch', { monitorCommands: true });
    collection = conn.db!.collection('looked') as never;
    await collection.createIndex({ programId: 1, code: 1 }, { unique: true });
    await collection.insertMany(['a', 'b', 'c', 'd'].flatMap((code, n) => [{ programId: 'p1', code, n }, { programId: 'p2', code, n: n + 100 }]));
  });
  after(async () => { await dropTestDb(conn); });

  type Row = { programId: string; code: string; n: number } | null;
  const n = (row: Row): number | null => row?.n ?? null;
  const finds = (events: string[]): string[] => events.filter((e) => e.startsWith('start find'));

  it('reads the lookups of one turn with one find and answers each its own document, or null', async () => {
    const { result, events } = await commandTimeline(conn, () => Promise.all(['a', 'c', 'zz', 'd', 'a'].map((code) => findOneInBatch<Row>(collection, { programId: 'p1' }, 'code', code))));
    expect(result.map(n)).to.deep.equal([0, 2, null, 3, 0]);
    // One value asked twice in a turn: the second waits in a batch of its own (a lone findOne).
    expect(finds(events)).to.deep.equal(['start find looked', 'start find looked']);
    // Equal documents, each caller its own object.
    expect(result[0]).to.deep.equal(result[4]);
    expect(result[0]).to.not.equal(result[4]);
    expect((result[4] as unknown as { _id: unknown })._id).to.be.instanceOf(mongoose.mongo.ObjectId);
  });

  it('looks up by _id with ObjectIds, each caller its own document', async () => {
    const rows = await collection.find({ programId: 'p1' }).sort({ n: 1 }).toArray();
    const ids = [rows[2]!._id, new mongoose.Types.ObjectId(), rows[0]!._id];
    const { result, events } = await commandTimeline(conn, () => Promise.all(ids.map((id) => findOneInBatch<Row>(collection, {}, '_id', id, { projection: { n: 1 } }))));
    expect(result.map(n)).to.deep.equal([2, null, 0]);
    expect(result[0]).to.not.have.property('code');
    expect(finds(events)).to.deep.equal(['start find looked']);
  });

  it('keeps lookups under different fixed fields apart', async () => {
    const { result, events } = await commandTimeline(conn, () => Promise.all([
      findOneInBatch<Row>(collection, { programId: 'p1' }, 'code', 'b'),
      findOneInBatch<Row>(collection, { programId: 'p2' }, 'code', 'b'),
      findOneInBatch<Row>(collection, { programId: 'p3' }, 'code', 'b'),
    ]));
    expect(result.map(n)).to.deep.equal([1, 101, null]);
    expect(finds(events)).to.have.length(3);
  });

  it('sends a lone lookup as one findOne, and a new batch each turn', async () => {
    const { result, events } = await commandTimeline(conn, async () => [
      n(await findOneInBatch<Row>(collection, { programId: 'p1' }, 'code', 'b')),
      n(await findOneInBatch<Row>(collection, { programId: 'p1' }, 'code', 'c')),
    ]);
    expect(result).to.deep.equal([1, 2]);
    expect(finds(events)).to.have.length(2);
  });

  it(`splits a turn's lookups into batches of ${MAX_BATCH}: each one find answered in its first reply, no getMore`, async () => {
    const codes = Array.from({ length: 2 * MAX_BATCH + 50 }, (_, i) => `many-${i}`);
    await collection.insertMany(codes.map((code, i) => ({ programId: 'p1', code, n: 1000 + i })));
    const { result, events } = await commandTimeline(conn, () => Promise.all(codes.map((code) => findOneInBatch<Row>(collection, { programId: 'p1' }, 'code', code))));
    expect(result.map(n)).to.deep.equal(codes.map((_, i) => 1000 + i));
    expect(events.filter((e) => e.startsWith('start '))).to.deep.equal(['start find looked', 'start find looked', 'start find looked']);
  });

  it('fails every lookup of a batch whose command fails', async () => {
    const failing: BatchReadCollection = {
      findOne: () => Promise.reject(new Error('unreachable')),
      find: () => ({ toArray: () => Promise.reject(Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' })) }),
    };
    const result = await Promise.all(['a', 'b'].map((code) => findOneInBatch(failing, { programId: 'p1' }, 'code', code).then(() => 'read', (err: Error) => err.message)));
    expect(result).to.deep.equal(['connection closed (injected)', 'connection closed (injected)']);
    // A driver call that throws rather than rejects: the lookup fails, the process does not.
    const throwing: BatchReadCollection = { findOne: () => { throw new Error('thrown'); }, find: () => { throw new Error('thrown'); } };
    const thrown = await Promise.all([['a'], ['a', 'b']].map((codes) => Promise.all(codes.map((code) => findOneInBatch(throwing, { programId: 'p1' }, 'code', code).then(() => 'read', (err: Error) => err.message)))));
    expect(thrown).to.deep.equal([['thrown'], ['thrown', 'thrown']]);
  });

  it('fails its lookups as a network timeout when the command outlives the connection\'s selection + socket timeouts', async () => {
    const conn = { getClient: () => ({ options: { serverSelectionTimeoutMS: 40, socketTimeoutMS: 60 } }) };
    const hanging = { conn, findOne: () => new Promise(() => undefined), find: () => ({ toArray: () => new Promise(() => undefined) }) } as unknown as BatchReadCollection;
    const result = await Promise.all([['a'], ['a', 'b']].map((codes) => Promise.all(codes.map((code) => findOneInBatch(hanging, { programId: 'p1' }, 'code', code).then(() => 'read', (err: Error) => err.name)))));
    expect(result).to.deep.equal([['MongoNetworkTimeoutError'], ['MongoNetworkTimeoutError', 'MongoNetworkTimeoutError']]);
  });
});
