/** The ledger's invariants (ARCHITECTURE §4: 1, 2, 3) under concurrent appends, on the real store. */
import { expect } from 'chai';
import type mongoose from 'mongoose';
import { Types } from 'mongoose';
import { appendEntry, readBalance, type AppendRequest } from '../../../server/loyalty/ledger/ledger.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';

const now = new Date('2026-11-21T15:00:00Z');

describe('ledger append', () => {
  let conn: mongoose.Connection;
  let models: Models;

  before(async () => {
    conn = await connectTestDb('ledger');
    models = await registerModels(conn);
  });
  after(async () => { await dropTestDb(conn); });

  async function newMember(): Promise<Types.ObjectId> {
    const m = await models.Member.create({
      programId: 'demo', loyaltyIdentifier: new Types.ObjectId().toHexString(), status: 'REGISTERED', createdAt: now,
    });
    return m._id;
  }

  function req(memberId: Types.ObjectId, delta: number, sourceKey: string, extra: Partial<AppendRequest> = {}): AppendRequest {
    return { programId: 'demo', memberId, delta, kind: delta >= 0 ? 'ACCRUE' : 'REDEEM', sourceKey, floor: 'REJECT_BELOW_ZERO', ...extra };
  }

  async function assertChain(memberId: Types.ObjectId): Promise<number> {
    const entries = await models.LedgerEntry.find({ memberId }).sort({ seq: 1 }).lean();
    let balance = 0;
    entries.forEach((e, i) => {
      expect(e.seq).to.equal(i + 1);
      balance += e.delta;
      expect(e.balanceAfter).to.equal(balance);
    });
    const member = await models.Member.findById(memberId).lean();
    expect(member!.pointsBalance).to.equal(balance);
    expect(member!.ledgerSeq).to.equal(entries.length);
    return balance;
  }

  it('keeps balance = Σ deltas = last balanceAfter across a sequence of entries', async () => {
    const id = await newMember();
    expect((await appendEntry(models, req(id, 120, 'accrue:1'), now)).status).to.equal('APPLIED');
    expect((await appendEntry(models, req(id, -50, 'redeem:1'), now)).status).to.equal('APPLIED');
    expect((await appendEntry(models, req(id, 7, 'bonus:1', { kind: 'BONUS' }), now)).status).to.equal('APPLIED');
    expect(await assertChain(id)).to.equal(77);
    const member = await models.Member.findById(id).lean();
    expect(member!.lifetimePoints).to.equal(127);
  });

  it('applies a sourceKey once and returns the earlier entry for a repeat', async () => {
    const id = await newMember();
    const first = await appendEntry(models, req(id, 40, 'accrue:check-1'), now);
    const again = await appendEntry(models, req(id, 40, 'accrue:check-1'), now);
    expect(again.status).to.equal('DUPLICATE');
    expect(String((again as { entry: { _id: unknown } }).entry._id)).to.equal(String((first as { entry: { _id: unknown } }).entry._id));
    expect(await assertChain(id)).to.equal(40);
  });

  it('refuses a redemption that would take the balance below zero', async () => {
    const id = await newMember();
    await appendEntry(models, req(id, 30, 'accrue:a'), now);
    const outcome = await appendEntry(models, req(id, -50, 'redeem:a'), now);
    expect(outcome).to.deep.equal({ status: 'INSUFFICIENT', balance: 30 });
    expect(await assertChain(id)).to.equal(30);
  });

  it('clamps an accrual reversal at zero, or goes negative, as the floor says', async () => {
    const clamp = await newMember();
    await appendEntry(models, req(clamp, 100, 'accrue:x'), now);
    await appendEntry(models, req(clamp, -80, 'redeem:x'), now);
    const clamped = await appendEntry(models, req(clamp, -100, 'reverse:x', { kind: 'REVERSE_ACCRUE', floor: 'CLAMP_AT_ZERO' }), now);
    expect(clamped.status).to.equal('APPLIED');
    const entry = (clamped as { entry: { delta: number; requestedDelta: number | null } }).entry;
    expect(entry.delta).to.equal(-20);
    expect(entry.requestedDelta).to.equal(-100);
    expect(await assertChain(clamp)).to.equal(0);
    // Lifetime (tier) points lose the whole voided accrual, not only what the clamp let through.
    expect((await models.Member.findById(clamp).lean())!.lifetimePoints).to.equal(0);

    const negative = await newMember();
    await appendEntry(models, req(negative, 100, 'accrue:y'), now);
    await appendEntry(models, req(negative, -80, 'redeem:y'), now);
    await appendEntry(models, req(negative, -100, 'reverse:y', { kind: 'REVERSE_ACCRUE', floor: 'ALLOW_NEGATIVE' }), now);
    expect(await assertChain(negative)).to.equal(-80);
  });

  it('lets exactly one of 20 concurrent debits take the last 100 points', async () => {
    const id = await newMember();
    await appendEntry(models, req(id, 130, 'accrue:z'), now);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => appendEntry(models, req(id, -100, `redeem:z:${i}`), now)));
    expect(outcomes.filter((o) => o.status === 'APPLIED')).to.have.length(1);
    expect(outcomes.filter((o) => o.status === 'INSUFFICIENT')).to.have.length(19);
    expect(await assertChain(id)).to.equal(30);
  });

  it('applies 50 concurrent copies of one effect exactly once', async () => {
    const id = await newMember();
    await appendEntry(models, req(id, 500, 'accrue:w'), now);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => appendEntry(models, req(id, -150, 'redeem:w:same'), now)));
    expect(outcomes.filter((o) => o.status === 'APPLIED')).to.have.length(1);
    expect(outcomes.filter((o) => o.status === 'DUPLICATE')).to.have.length(49);
    expect(await assertChain(id)).to.equal(350);
  });

  it('keeps the chain intact under 60 concurrent mixed credits and debits', async () => {
    const id = await newMember();
    const ops = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? req(id, -25, `d:${i}`) : req(id, 10, `c:${i}`)));
    const outcomes = await Promise.all(ops.map((op) => appendEntry(models, op, now)));
    const applied = outcomes.filter((o) => o.status === 'APPLIED') as { entry: { delta: number } }[];
    const expected = applied.reduce((s, o) => s + o.entry.delta, 0);
    expect(await assertChain(id)).to.equal(expected);
    expect(expected).to.be.at.least(0);
  });

  it('finishes the projection when a retried effect finds its entry already inserted', async () => {
    const id = await newMember();
    await appendEntry(models, req(id, 25, 'accrue:crash'), now);
    await models.Member.updateOne({ _id: id }, { $set: { pointsBalance: 0, ledgerSeq: 0 } }); // died before projecting
    expect((await appendEntry(models, req(id, 25, 'accrue:crash'), now)).status).to.equal('DUPLICATE');
    expect(await assertChain(id)).to.equal(25);
  });

  it('repairs a projection left behind by a crash between insert and projection', async () => {
    const id = await newMember();
    await appendEntry(models, req(id, 60, 'accrue:r'), now);
    await models.Member.updateOne({ _id: id }, { $set: { pointsBalance: 0, ledgerSeq: 0 } });
    expect(await readBalance(models, id)).to.deep.equal({ balance: 60, seq: 1, lifetime: 60 });
    expect(await assertChain(id)).to.equal(60);
  });

  it('runs whileProjecting beside the projection of an APPLIED entry only, hands back its answer, and throws its failure after both settled', async () => {
    const id = await newMember();
    const seen: number[] = [];
    const applied = await appendEntry(models, req(id, 30, 'accrue:beside'), now, { whileProjecting: async (entry) => { seen.push(entry.seq); return 'recorded'; } });
    expect(applied.status === 'APPLIED' && applied.alongside).to.equal('recorded');
    // A repeat (DUPLICATE) and a refusal (INSUFFICIENT) commit nothing: nothing runs beside them.
    const repeat = await appendEntry(models, req(id, 30, 'accrue:beside'), now, { whileProjecting: async (entry) => { seen.push(entry.seq); } });
    const refused = await appendEntry(models, req(id, -500, 'redeem:beside'), now, { whileProjecting: async (entry) => { seen.push(entry.seq); } });
    expect([repeat.status, refused.status]).to.deep.equal(['DUPLICATE', 'INSUFFICIENT']);
    expect(seen).to.deep.equal([1]);
    // Its failure is the append's, thrown once the projection too has moved: the entry stands.
    let thrown: unknown;
    await appendEntry(models, req(id, -10, 'redeem:beside-fails'), now, { whileProjecting: async () => { throw new Error('record failed'); } }).catch((err: unknown) => { thrown = err; });
    expect((thrown as Error | undefined)?.message).to.equal('record failed');
    expect(await assertChain(id)).to.equal(20);
  });
});
