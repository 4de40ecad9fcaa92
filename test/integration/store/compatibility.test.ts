/**
 * Proves the MongoDB-compatible dev server (mongo-java-server) supports everything Perkwire's
 * correctness depends on: unique indexes, guarded atomic updates under concurrency,
 * aggregation and lean reads. The same tests pass against real MongoDB (set MONGODB_URI).
 */
import { expect } from 'chai';
import mongoose, { Schema } from 'mongoose';
import { connectTestDb, dropTestDb } from '../../support/services.js';

describe('store compatibility (MongoDB-compatible server)', () => {
  let conn: mongoose.Connection;

  before(async () => { conn = await connectTestDb('compat'); });
  after(async () => { await dropTestDb(conn); });

  const accountSchema = new Schema({
    programId: { type: String, required: true },
    phone: { type: String, required: true },
    balance: { type: Number, required: true },
  }, { strict: 'throw' });
  accountSchema.index({ programId: 1, phone: 1 }, { unique: true });

  it('connects with mongoose 9 and reports a wire version the driver accepts', async () => {
    // mongo-java-server answers isMaster (not hello); the driver needs wire version >= 9.
    const isMaster = await conn.db!.admin().command({ isMaster: 1 });
    expect(isMaster.maxWireVersion).to.be.at.least(9);
    expect(conn.readyState).to.equal(1);
  });

  it('creates models with unique indexes and rejects a duplicate insert with code 11000', async () => {
    const Account = conn.model('Account', accountSchema);
    await Account.init();
    const indexes = await Account.collection.indexes();
    expect(indexes.some((i) => i.unique && i.key.programId === 1 && i.key.phone === 1)).to.equal(true);
    await Account.create({ programId: 'p1', phone: '6175550123', balance: 0 });
    const err = await Account.create({ programId: 'p1', phone: '6175550123', balance: 5 }).then(() => null, (e: unknown) => e);
    expect(err).to.have.property('code', 11000);
    // The same phone in another program is a different member.
    await Account.create({ programId: 'p2', phone: '6175550123', balance: 0 });
    expect(await Account.countDocuments({ phone: '6175550123' })).to.equal(2);
  });

  // returnDocument 'before': mongo-java-server answers 'after' by re-reading the document,
  // which under contention can come back null for an update it did apply. Perkwire never
  // decides anything on findOneAndUpdate's 'after' document.
  it('never overdraws under 50 concurrent guarded findOneAndUpdate debits', async () => {
    const Account = conn.model<{ programId: string; phone: string; balance: number }>('Account');
    const start = await Account.create({ programId: 'p1', phone: '6175550199', balance: 500 });
    const debit = 30; // 500 / 30 → exactly 16 debits can succeed
    const results = await Promise.all(Array.from({ length: 50 }, () =>
      Account.findOneAndUpdate(
        { _id: start._id, balance: { $gte: debit } },
        { $inc: { balance: -debit } },
        { returnDocument: 'before' },
      ).lean()));
    const succeeded = results.filter((r) => r !== null);
    const final = await Account.findById(start._id).lean();
    expect({ debits: succeeded.length, balance: final!.balance }).to.deep.equal({ debits: 16, balance: 500 - 16 * debit });
    // Every successful debit saw a distinct balance: no two read the same state.
    const balances = new Set(succeeded.map((r) => (r as { balance: number }).balance));
    expect(balances.size).to.equal(16);
  });

  it('lets exactly one of 50 concurrent inserts of the same unique key win', async () => {
    const Account = conn.model<{ programId: string; phone: string; balance: number }>('Account');
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) =>
      Account.create({ programId: 'race', phone: '6175550100', balance: i })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
    const rejected = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected.every((o) => (o.reason as { code?: number }).code === 11000)).to.equal(true);
  });

  it('runs aggregate with $match, $group and $sort', async () => {
    const Entry = conn.model('Entry', new Schema({ member: String, delta: Number, kind: String }));
    // As registerModels does at boot: the collection exists before the first write (the dev
    // server can lose writes that race the creation of their collection).
    await Entry.init();
    await Entry.insertMany([
      { member: 'a', delta: 10, kind: 'ACCRUE' }, { member: 'a', delta: -4, kind: 'REDEEM' },
      { member: 'b', delta: 7, kind: 'ACCRUE' }, { member: 'b', delta: 3, kind: 'ACCRUE' },
      { member: 'c', delta: 1, kind: 'BONUS' },
    ]);
    const rows = await Entry.aggregate<{ _id: string; total: number; n: number }>([
      { $match: { kind: { $in: ['ACCRUE', 'REDEEM'] } } },
      { $group: { _id: '$member', total: { $sum: '$delta' }, n: { $sum: 1 } } },
      { $sort: { total: -1 } },
    ]);
    expect(rows).to.deep.equal([{ _id: 'b', total: 10, n: 2 }, { _id: 'a', total: 6, n: 2 }]);
  });

  it('returns plain objects from .lean() reads', async () => {
    const Account = conn.model<{ programId: string; phone: string; balance: number }>('Account');
    const doc = await Account.findOne({ programId: 'p1', phone: '6175550123' }).lean();
    expect(doc).to.not.equal(null);
    expect(doc).to.not.be.instanceOf(mongoose.Document);
    expect(doc!.balance).to.equal(0);
  });

  it('supports a guarded conditional update used by projections ($lt guard + $set)', async () => {
    const Proj = conn.model('Proj', new Schema({ seq: Number, balance: Number }));
    await Proj.init();
    const p = await Proj.create({ seq: 3, balance: 30 });
    const stale = await Proj.updateOne({ _id: p._id, seq: { $lt: 2 } }, { $set: { seq: 2, balance: 20 } });
    expect(stale.modifiedCount).to.equal(0);
    const fresh = await Proj.updateOne({ _id: p._id, seq: { $lt: 4 } }, { $set: { seq: 4, balance: 45 } });
    expect(fresh.modifiedCount).to.equal(1);
    expect((await Proj.findById(p._id).lean())!.balance).to.equal(45);
  });

  // The dev server narrows a query that pins a unique index's fields by equality (plus other
  // conditions, as every guarded update does) to that index's one document, then matches the
  // rest (tools/mongo-dev-server: NarrowingMemoryCollection). Same answers as a scan.
  it('answers queries that pin a unique index plus more conditions exactly as a scan would', async () => {
    const Guarded = conn.model('Guarded', new Schema({
      _id: String, programId: String, phone: String, seq: Number, tags: [String], note: String,
    }, { strict: 'throw' }).index({ programId: 1, phone: 1 }, { unique: true }));
    await Guarded.init();
    await Guarded.insertMany([
      { _id: 'a', programId: 'p', phone: '1', seq: 3, tags: ['x', 'y'], note: 'first' },
      { _id: 'b', programId: 'p', phone: '2', seq: 1, tags: [], note: 'second' },
      { _id: 'c', programId: 'q', phone: '1', seq: 3, tags: ['y'], note: 'third' },
    ]);
    const ids = async (filter: Record<string, unknown>): Promise<string[]> => (await Guarded.find(filter).sort({ _id: 1 }).lean()).map((d) => String(d._id));
    // _id pinned, a guard that holds, one that does not, an operator beside it.
    expect(await ids({ _id: 'a', seq: 3 })).to.deep.equal(['a']);
    expect(await ids({ _id: 'a', seq: 2 })).to.deep.equal([]);
    expect(await ids({ _id: 'a', seq: { $gte: 3 }, tags: 'y' })).to.deep.equal(['a']);
    expect(await ids({ _id: 'a', seq: 3.0, note: /fir/ })).to.deep.equal(['a']);
    // A compound unique index pinned, with and without the guard holding.
    expect(await ids({ programId: 'p', phone: '1', seq: 3 })).to.deep.equal(['a']);
    expect(await ids({ programId: 'q', phone: '1', note: 'first' })).to.deep.equal([]);
    // Not pinned by plain equality (an operator or a pattern on an indexed field): still right.
    expect(await ids({ _id: { $in: ['a', 'c'] }, seq: 3 })).to.deep.equal(['a', 'c']);
    expect(await ids({ _id: /^[ab]$/, seq: 1 })).to.deep.equal(['b']);
    expect(await ids({ programId: 'p', phone: { $ne: '1' }, seq: 1 })).to.deep.equal(['b']);
    // A guarded update: applies when the guard holds, not when it does not.
    expect((await Guarded.updateOne({ _id: 'b', seq: 1 }, { $set: { seq: 2 } })).modifiedCount).to.equal(1);
    expect((await Guarded.updateOne({ _id: 'b', seq: 1 }, { $set: { seq: 9 } })).modifiedCount).to.equal(0);
    expect((await Guarded.findById('b').lean())?.seq).to.equal(2);
    expect((await Guarded.deleteOne({ _id: 'c', note: 'nope' })).deletedCount).to.equal(0);
    expect(await Guarded.countDocuments({ _id: 'c', programId: 'q' })).to.equal(1);
  });

  // The dev server also keeps declared non-unique indexes, and the leading fields of compound
  // unique ones, as equality indexes, and starts an aggregation whose first stage is such a
  // `$match` from the narrowed documents (NarrowingMemoryCollection, narrowedAggregate). Every
  // answer is compared with the same operations on a collection without indexes (a scan).
  it('answers queries and aggregations by non-unique and leading index fields exactly as a scan would, through updates and deletes', async () => {
    const fields = {
      _id: String, restaurantGuid: String, transactionGuid: String, type: String, key: String,
      state: String, tags: [String], refs: { checkGuid: String }, n: Number,
    };
    const Indexed = conn.model('NarrowIndexed', new Schema(fields, { strict: 'throw' })
      .index({ restaurantGuid: 1, transactionGuid: 1, type: 1, key: 1 }, { unique: true })
      .index({ state: 1, type: 1 })
      .index({ tags: 1 })
      .index({ 'refs.checkGuid': 1 }));
    const Scanned = conn.model('NarrowScanned', new Schema(fields, { strict: 'throw', autoIndex: false }));
    await Indexed.init();
    const docs = Array.from({ length: 60 }, (_, i) => ({
      _id: `d${i}`, restaurantGuid: `r${i % 3}`, transactionGuid: `t${i % 7}`, type: i % 2 ? 'REDEEM' : 'ACCRUE', key: `k${i}`,
      state: i % 5 ? 'DONE' : 'IN_PROGRESS', tags: i % 4 ? [`g${i % 3}`, 'all'] : [], refs: { checkGuid: `c${i % 6}` }, n: i,
    }));
    for (const M of [Indexed, Scanned]) await M.insertMany(docs);
    const both = async (op: (M: mongoose.Model<Record<string, unknown>>) => Promise<unknown>): Promise<void> => {
      const [indexed, scanned] = [await op(Indexed as never), await op(Scanned as never)];
      expect(indexed).to.deep.equal(scanned);
    };
    const queries: Record<string, unknown>[] = [
      { restaurantGuid: 'r1', transactionGuid: 't4', state: 'DONE' },
      { restaurantGuid: 'r1', transactionGuid: 't4' },
      { restaurantGuid: 'r2' },
      { restaurantGuid: 'r0', transactionGuid: 't3', type: 'ACCRUE', n: { $gt: 10 } },
      { state: 'IN_PROGRESS', type: 'ACCRUE' },
      { state: 'DONE', type: 'REDEEM', n: { $lt: 30 } },
      { tags: 'g1' },
      { tags: 'all', restaurantGuid: 'r0' },
      { 'refs.checkGuid': 'c5' },
      { 'refs.checkGuid': 'c5', state: 'nope' },
      { restaurantGuid: 'r9' },
      { restaurantGuid: 1 },
      // `$in` of one key, with the others pinned: the unique index and the equality indexes.
      { restaurantGuid: 'r1', transactionGuid: 't4', type: { $in: ['ACCRUE', 'REDEEM'] }, key: 'k4' },
      { restaurantGuid: 'r1', transactionGuid: 't4', type: 'ACCRUE', key: { $in: ['k4', 'k25', 'k46', 'nope'] } },
      { restaurantGuid: 'r0', transactionGuid: { $in: ['t3', 't5', 't3'] } },
      { state: { $in: ['DONE', 'X'] }, type: 'REDEEM', n: { $gt: 20 } },
      { tags: { $in: ['g1', 'g0'] } },
      { restaurantGuid: { $in: [] } },
      { restaurantGuid: { $in: ['r1', null] } },
      { restaurantGuid: { $in: ['r1'] }, transactionGuid: { $in: ['t1', 't4'] } },
    ];
    const check = async (): Promise<void> => {
      for (const q of queries) {
        await both(async (M) => (await M.find(q).lean()).map((d) => d._id));
        await both(async (M) => (await M.find(q).sort({ n: -1 }).limit(3).lean()).map((d) => d._id));
        await both((M) => M.countDocuments(q));
        await both((M) => M.aggregate([{ $match: q }, { $group: { _id: '$type', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }]));
        await both((M) => M.aggregate([{ $match: q }, { $project: { _id: 1, n: 1 } }, { $sort: { n: 1 } }]));
      }
    };
    await check();
    // Indexed fields change (multikey arrays and nested paths included), documents go and come.
    for (const M of [Indexed, Scanned] as unknown as mongoose.Model<Record<string, unknown>>[]) {
      await M.updateMany({ restaurantGuid: 'r1', transactionGuid: 't4' }, { $set: { state: 'IN_PROGRESS', transactionGuid: 't9' } });
      await M.updateOne({ _id: 'd7' }, { $set: { tags: ['g1', 'new'], 'refs.checkGuid': 'c5' } });
      await M.findOneAndUpdate({ state: 'IN_PROGRESS', type: 'ACCRUE' }, { $set: { state: 'DONE' } });
      await M.deleteMany({ tags: 'g2' });
      await M.insertMany([{ _id: 'x1', restaurantGuid: 'r2', transactionGuid: 't1', type: 'ACCRUE', key: 'kx', state: 'DONE', tags: ['g1'], refs: { checkGuid: 'c5' }, n: 99 }]);
    }
    queries.push({ restaurantGuid: 'r1', transactionGuid: 't9' }, { tags: 'new' });
    await check();
  });
});
