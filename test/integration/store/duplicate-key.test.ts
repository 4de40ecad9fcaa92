/**
 * The one duplicate-key test (server/store/duplicate-key.ts) against the MongoDB-compatible
 * server: a unique index refusing an insert, an upsert and an update is recognised; any other
 * failure is not (so callers rethrow it).
 */
import { expect } from 'chai';
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../../../server/store/duplicate-key.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';

describe('isDuplicateKey', () => {
  let conn: mongoose.Connection;
  interface SlotDoc { _id: string; key: string; n: number }
  let Slot: mongoose.Model<SlotDoc>;

  before(async () => {
    conn = await connectTestDb('dupkey');
    const schema = new Schema<SlotDoc>({ _id: String, key: { type: String, required: true }, n: { type: Number, required: true } });
    schema.index({ key: 1 }, { unique: true });
    Slot = conn.model<SlotDoc>('DupKeySlot', schema);
    await Slot.init();
  });
  after(async () => { await dropTestDb(conn); });

  const failure = (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

  it('recognises a unique index refusing an insert, by _id or by a unique field', async () => {
    await Slot.create({ _id: 'a', key: 'k1', n: 1 });
    expect(isDuplicateKey(await failure(Slot.create({ _id: 'a', key: 'k2', n: 1 })))).to.equal(true);
    expect(isDuplicateKey(await failure(Slot.create({ _id: 'b', key: 'k1', n: 1 })))).to.equal(true);
    expect(isDuplicateKey(await failure(Slot.collection.insertOne({ _id: 'a', key: 'k3', n: 1 } as never)))).to.equal(true);
  });

  it('recognises an update that would break a unique index', async () => {
    await Slot.create({ _id: 'c', key: 'k4', n: 1 });
    expect(isDuplicateKey(await failure(Slot.updateOne({ _id: 'c' }, { $set: { key: 'k1' } })))).to.equal(true);
  });

  it('does not take any other failure for one', async () => {
    const invalid = await failure(Slot.create({ _id: 'd', n: 1 } as never));
    expect(invalid).to.be.instanceOf(Error);
    expect(isDuplicateKey(invalid)).to.equal(false);
    for (const other of [null, undefined, 11000, 'E11000 duplicate key', new Error('E11000'), { code: '11000' }, { code: 11001 }]) {
      expect(isDuplicateKey(other), String(other)).to.equal(false);
    }
  });
});
