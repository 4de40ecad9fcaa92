/**
 * The webhook's hot inserts bypass mongoose documents (server/store/insert-shaped.ts): what they
 * store must be exactly what `Model.create` would have stored. Checked two ways: the shaping
 * against mongoose's own for representative inputs, and every document a real visit wrote
 * (claims, stored answers, ledger entries, accruals, redemption records), cast and validated by
 * its schema and found unchanged.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { schemaShaped } from '../../../server/store/insert-shaped.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { playVisit, type Visit } from '../../support/replay-visit.js';
import { toast } from '../../support/toast-client.js';
import { reverseRequest } from '../../support/toast-requests.js';

describe('inserts shaped by their schema, without mongoose documents', function () {
  this.timeout(60_000);
  let t: TestApp;
  let member: MemberRecord;
  let visit: Visit;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'shaped' });
    member = await seedMember(t.deps, { points: 60 });
    visit = await playVisit(t, member);
    const reversed = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(visit.redeem, member.loyaltyIdentifier));
    expect(reversed.status).to.equal(200);
  });
  after(async () => { await t.close(); });

  it('fills the defaults mongoose fills, nested ones included, and generates an _id first', () => {
    const m = t.deps.models;
    const memberId = new mongoose.Types.ObjectId();
    const now = new Date('2026-12-01T12:00:00Z');
    const inputs: [mongoose.Model<Record<string, unknown>>, Record<string, unknown>][] = [
      [m.LedgerEntry as never, { programId: 'p', memberId, seq: 1, delta: 5, balanceAfter: 5, lifetimeAfter: 5, kind: 'ACCRUE', sourceKey: 'k', refs: { transactionGuid: 'g' }, provenance: {}, createdAt: now }],
      [m.LedgerEntry as never, { programId: 'p', memberId, seq: 2, delta: -5, balanceAfter: 0, lifetimeAfter: 5, kind: 'ADJUST', sourceKey: 'k2', refs: {}, provenance: { ruleIds: ['r'] }, cause: 'X', note: { reason: 'why', by: 'key' }, createdAt: now }],
      [m.Accrual as never, { programId: 'p', restaurantGuid: 'r', checkGuid: 'c', activeCheckKey: 'r|c', transactionGuids: ['g'], state: 'PENDING', ruleSetHash: 'h', check: { lines: [] }, checkTime: now, acceptedAt: now, expectedPoints: 3 }],
      [m.RewardRedemption as never, { _id: 'm:k', programId: 'p', memberId: String(memberId), rewardId: 'fries', quantity: 1, amountCents: 349, transactionGuid: 'g', redeemedAt: now, sourceKey: 'k' }],
      [m.ToastTransaction as never, { restaurantGuid: 'r', transactionGuid: 'g', type: 'LOYALTY_REDEEM', loyaltyIdentifier: 'x', programId: 'p', state: 'IN_PROGRESS', requestHash: 'h', claimToken: 't', leaseUntil: now, createdAt: now }],
    ];
    for (const [model, input] of inputs) {
      const shaped = schemaShaped(model.schema, input);
      expect(Object.keys(shaped)[0]).to.equal('_id');
      const byMongoose = new model({ ...input, _id: shaped._id }).toObject() as Record<string, unknown>;
      expect(shaped, model.modelName).to.deep.equal(byMongoose);
    }
  });

  it('leaves the caller\'s nested objects alone', () => {
    const refs = { transactionGuid: 'g' };
    schemaShaped(t.deps.models.LedgerEntry.schema, { refs });
    expect(refs).to.deep.equal({ transactionGuid: 'g' });
  });

  it('stored, through a visit, documents that cast and validate unchanged under their schemas', async () => {
    const m = t.deps.models;
    const models = [m.ToastTransaction, m.LedgerEntry, m.Accrual, m.RewardRedemption] as unknown as mongoose.Model<Record<string, unknown>>[];
    const seen: Record<string, number> = {};
    for (const model of models) {
      const docs = await model.collection.find({}).toArray();
      seen[model.modelName] = docs.length;
      for (const doc of docs) {
        const cast = new model(doc);
        await cast.validate(); // throws, naming the path, when the document breaks its schema
        expect(cast.toObject(), `${model.modelName} ${String(doc._id)}`).to.deep.equal(doc);
      }
    }
    // INQUIRE, two REDEEMs, ACCRUE, REVERSE; the seed's bonus, a redemption, the accrual, the credit back.
    expect(seen.ToastTransaction).to.be.at.least(5);
    expect(seen.LedgerEntry).to.be.at.least(4);
    expect(seen.Accrual).to.equal(1);
    expect(seen.RewardRedemption).to.equal(1);
  });
});
