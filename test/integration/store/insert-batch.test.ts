/**
 * Group commit (server/store/insert-batch.ts) on the real store: the inserts of one turn go out as
 * one unordered command, and each caller still gets exactly its own outcome — stored, its own
 * duplicate key (within the batch or against what is stored), or the command's failure.
 */
import { expect } from 'chai';
import type mongoose from 'mongoose';
import { insertInBatch, type BatchingCollection } from '../../../server/store/insert-batch.js';
import { isDuplicateKey } from '../../../server/store/duplicate-key.js';
import { commandTimeline } from '../../support/command-counter.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';

describe('inserts of one turn as one command (group commit)', () => {
  let conn: mongoose.Connection;
  let collection: BatchingCollection & mongoose.mongo.Collection;
  before(async () => {
    conn = await connectTestDb('insertbatch', { monitorCommands: true });
    collection = conn.db!.collection('batched') as never;
    await collection.createIndex({ key: 1 }, { unique: true });
  });
  after(async () => { await dropTestDb(conn); });

  /** What each insert of `docs`, asked for in one turn, answered: 'stored', 'duplicate' or the error. */
  async function insertTogether(docs: object[]): Promise<string[]> {
    return Promise.all(docs.map((d) => insertInBatch(collection, d).then(() => 'stored', (err: unknown) => (isDuplicateKey(err) ? 'duplicate' : String(err)))));
  }

  it('sends the inserts of one turn as one insert command and stores every document', async () => {
    const docs = Array.from({ length: 7 }, (_, i) => ({ key: `a${i}` }));
    const { result, events } = await commandTimeline(conn, () => insertTogether(docs));
    expect(result).to.deep.equal(Array(7).fill('stored'));
    expect(events.filter((e) => e.startsWith('start insert'))).to.deep.equal(['start insert batched']);
    expect(await collection.countDocuments({ key: { $in: docs.map((d) => d.key) } })).to.equal(7);
  });

  it('answers each caller its own duplicate key, within the batch and against a stored document, and stores the rest', async () => {
    await collection.insertOne({ key: 'b-stored' });
    const result = await insertTogether([{ key: 'b1' }, { key: 'b-stored' }, { key: 'b2' }, { key: 'b1' }, { key: 'b3' }]);
    expect(result).to.deep.equal(['stored', 'duplicate', 'stored', 'duplicate', 'stored']);
    expect((await collection.find({ key: { $regex: '^b' } }).toArray()).map((d) => d.key).sort()).to.deep.equal(['b-stored', 'b1', 'b2', 'b3']);
  });

  it('sends a lone insert as insertOne, and starts a new batch each turn', async () => {
    const { result, events } = await commandTimeline(conn, async () => [await insertTogether([{ key: 'c1' }]), await insertTogether([{ key: 'c2' }, { key: 'c3' }])]);
    expect(result).to.deep.equal([['stored'], ['stored', 'stored']]);
    expect(events.filter((e) => e.startsWith('start insert'))).to.have.length(2);
  });

  it('fails every caller of a batch whose command fails as a whole', async () => {
    const failing: BatchingCollection = {
      insertOne: () => Promise.reject(new Error('unreachable')),
      insertMany: () => Promise.reject(Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' })),
    };
    const result = await Promise.all([{ key: 'd1' }, { key: 'd2' }].map((d) => insertInBatch(failing, d).then(() => 'stored', (err: Error) => err.message)));
    expect(result).to.deep.equal(['connection closed (injected)', 'connection closed (injected)']);
    // A driver call that throws rather than rejects: the insert fails, the process does not.
    const throwing: BatchingCollection = { insertOne: () => { throw new Error('thrown'); }, insertMany: () => { throw new Error('thrown'); } };
    const lone = await insertInBatch(throwing, { key: 'e1' }).then(() => 'stored', (err: Error) => err.message);
    const together = await Promise.all([{ key: 'e2' }, { key: 'e3' }].map((d) => insertInBatch(throwing, d).then(() => 'stored', (err: Error) => err.message)));
    expect([lone, ...together]).to.deep.equal(['thrown', 'thrown', 'thrown']);
  });

  it('fails its callers as a network timeout when the command outlives the connection\'s selection + socket timeouts', async () => {
    const conn = { getClient: () => ({ options: { serverSelectionTimeoutMS: 40, socketTimeoutMS: 60 } }) };
    const hanging = { conn, insertOne: () => new Promise(() => undefined), insertMany: () => new Promise(() => undefined) } as BatchingCollection;
    const started = Date.now();
    const result = await Promise.all([{ key: 'f1' }, { key: 'f2' }].map((d) => insertInBatch(hanging, d).then(() => 'stored', (err: Error) => err.name)));
    expect(result).to.deep.equal(['MongoNetworkTimeoutError', 'MongoNetworkTimeoutError']);
    expect(Date.now() - started).to.be.within(90, 2000);
  });
});
