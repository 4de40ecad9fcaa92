/**
 * Projections kept with the ledger (issue 11 §1): PER_LOT lots and reward usage counters on the
 * member, reward budget counters. They must equal what the ledger / redemptions say through
 * every kind of effect (accrual, redemption, their reversals, expiry, transfer, erase), be built
 * once for data from before them, keep budgets race-free, and be checked by ledger:verify.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Program } from '../../../rules/index.js';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { allLots, replayLots } from '../../../server/loyalty/policy/expiry-lots.js';
import { LotQueue } from '../../../server/loyalty/policy/lot-queue.js';
import { expireMember, projectedExpiryView, memberExpiryOutlook } from '../../../server/loyalty/expiry/member-expiry.js';
import { runProgramExpiry } from '../../../server/loyalty/expiry/program-expiry.js';
import { repairAll } from '../../../server/loyalty/ledger/ledger-repair.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { storedLots } from '../../../server/loyalty/ledger/lot-projection.js';
import { eraseMember } from '../../../server/loyalty/members/erase.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import { activeProgram } from '../../../server/loyalty/programs/program-cache.js';
import { publishProgram } from '../../../server/loyalty/programs/programs.js';
import { appendEntry } from '../../../server/loyalty/ledger/ledger.js';
import { resolveMember } from '../../../server/loyalty/members/members.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { commandCounter, describeCommands, type CommandCounter } from '../../support/command-counter.js';
import { outlookAnswers, probe, viewAnswers } from '../../support/expiry-view.js';
import { CAFE, drinkRedeem, pastryRedeem } from '../../support/cafe.js';
import { seedMember } from '../../support/members.js';
import { toast, type ToastReply } from '../../support/toast-client.js';
import { accrueRequest, inquireRequest, paidCheck, reverseRequest, selection, transferRequest } from '../../support/toast-requests.js';

const dayMs = 24 * 3600 * 1000;
const applied = (r: ToastReply): number => r.body.checkResponse?.appliedRedemptions?.length ?? 0;

describe('ledger projections: lots, usage and budget counters', () => {
  let t: TestApp;
  let cafe: Program;
  let counter: CommandCounter;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'projections', monitorCommands: true });
    counter = commandCounter(t.deps.conn);
    cafe = (await activeProgram(t.deps.models, 'cafe'))!.program;
  });
  after(async () => {
    counter.stop();
    await t.close();
  });

  const member = async (id: MemberRecord['_id']) => (await t.deps.models.Member.findById(id).lean())!;

  /** The member's stored lots equal a replay of its ledger, at its ledger head; the INQUIRE outlook equals the ledger's. */
  async function expectLotsMatchLedger(id: MemberRecord['_id']): Promise<void> {
    const m = await member(id);
    const entries = await t.deps.models.LedgerEntry.find({ memberId: id }).sort({ seq: 1 }).lean();
    expect(m.lotsSeq, 'lots at the ledger head').to.equal(entries[entries.length - 1]?.seq ?? 0);
    const replayed = replayLots(entries);
    const stored = storedLots(m)!;
    expect(allLots(stored).toArray().map((l) => [l.earnedAt.toISOString(), l.points])).to.deep.equal(allLots(replayed).toArray().map((l) => [l.earnedAt.toISOString(), l.points]));
    expect(stored.deficit).to.equal(replayed.deficit);
    const now = t.clock.now();
    expect(viewAnswers(await projectedExpiryView(t.deps.models, cafe, m, now, probe(m.pointsBalance)), m.pointsBalance))
      .to.deep.equal(outlookAnswers(await memberExpiryOutlook(t.deps.models, cafe, id, now), now, m.pointsBalance));
  }

  async function accrue(m: MemberRecord, dollars: number): Promise<string> {
    const guid = randomUUID();
    const reply = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(m.loyaltyIdentifier, { check: paidCheck({ selections: [selection({ price: dollars })] }) }), { guid, restaurant: CAFE });
    expect(reply.body.transactionStatus).to.equal('ACCEPT');
    const acc = await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean();
    expect(await postAccrual(t.deps, String(acc!._id), t.clock.now())).to.equal('POSTED');
    return guid;
  }

  async function expectVerifyClean(): Promise<void> {
    const found: string[] = [];
    const report = await verifyLedger(t.deps.models, { onViolation: (v) => found.push(`${v.kind}: ${v.detail}`) });
    expect(found).to.deep.equal([]);
    expect(report.ok).to.equal(true);
  }

  it('keeps PER_LOT lots equal to a ledger replay through accruals, a redemption, its reversal, an accrual reversal and expiry', async () => {
    const m = await seedMember(t.deps, { programId: 'cafe' });
    await accrue(m, 30); // 300 points, lot 1
    await expectLotsMatchLedger(m._id);
    t.clock.advance(10 * dayMs);
    await accrue(m, 20); // 200 points, lot 2
    const redeemGuid = randomUUID();
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', drinkRedeem(m), { guid: redeemGuid, restaurant: CAFE }))).to.equal(1);
    await expectLotsMatchLedger(m._id); // 250 taken from lot 1
    t.clock.advance(dayMs);
    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(redeemGuid, m.loyaltyIdentifier), { restaurant: CAFE });
    await expectLotsMatchLedger(m._id); // given back to lot 1, with its date
    expect(allLots(storedLots(await member(m._id))!).toArray().map((l) => l.points)).to.deep.equal([300, 200]);
    const voided = await accrue(m, 10);
    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(voided, m.loyaltyIdentifier), { restaurant: CAFE });
    await expectLotsMatchLedger(m._id);
    t.clock.advance(357 * dayMs); // lot 1 (day 0) is past 365 days, lot 2 (day 10) is not
    const run = await runProgramExpiry(t.deps.models, 'cafe', t.clock.now());
    expect(run?.expiredPoints).to.be.greaterThan(0);
    await expectLotsMatchLedger(m._id);
    // Lot 1 expired; lots 2 (day 10) and 3 (day 11) remain.
    const left = allLots(storedLots(await member(m._id))!).toArray();
    expect(left.map((l) => (l.earnedAt.getTime() - left[0]!.earnedAt.getTime()) / dayMs)).to.deep.equal([0, 1]);
    await expectVerifyClean();
  });

  it('keeps a regular guest\'s lots in pages: appends carry the head or the tail, a debit that empties the head reads and takes the oldest page', async () => {
    const m = await seedMember(t.deps, { programId: 'cafe' });
    const first = t.clock.now().getTime();
    for (let i = 0; i < 700; i++) {
      await appendEntry(t.deps.models, { programId: 'cafe', memberId: m._id, delta: 10, kind: 'ACCRUE', sourceKey: `visit:${i}`, floor: 'ALLOW_NEGATIVE' }, new Date(first + i * 3600_000));
    }
    const before = await member(m._id);
    expect(before.lotCount).to.equal(700);
    expect(before.lotPageCount).to.be.at.least(2);
    // As REDEEM starts: from the member as read at the register, without the pages.
    const read = (await resolveMember(t.deps.models, 'cafe', m.loyaltyIdentifier))!;
    expect(read.lotPages).to.equal(undefined);
    const { result: outcome, commands } = await counter.during(() => appendEntry(t.deps.models, {
      programId: 'cafe', memberId: m._id, delta: -(storedLots(before)!.head.totalPoints + 30), kind: 'REDEEM', sourceKey: 'redeem:big', floor: 'ALLOW_NEGATIVE',
    }, new Date(first + 700 * 3600_000), { start: read }));
    expect(outcome.status).to.equal('APPLIED');
    // Insert, the oldest page, the guarded update: no catch-up from the ledger.
    expect(describeCommands(commands)).to.equal('insert ledger, find members, update members');
    const after = await member(m._id);
    expect(after.lotPageCount).to.equal(before.lotPageCount! - 1);
    expect(after.lotsSeq).to.equal(after.ledgerSeq);
    await expectLotsMatchLedger(m._id);
    await expectVerifyClean();
  });

  it('daily expiry reads what is due from the lots, unless the ledger holds an entry the projection does not: then from the ledger', async () => {
    const m = await seedMember(t.deps, { programId: 'cafe' });
    const day0 = t.clock.now().getTime();
    const at = (day: number): Date => new Date(day0 + day * dayMs);
    const credit = (points: number, day: number, key: string) => appendEntry(t.deps.models, { programId: 'cafe', memberId: m._id, delta: points, kind: 'ACCRUE', sourceKey: key, floor: 'ALLOW_NEGATIVE' }, at(day));
    await credit(100, 0, 'visit:a'); // lot 1, due on day 365
    await credit(50, 200, 'visit:b'); // lot 2, due on day 565
    const projected = await member(m._id);
    // A REDEEM spent lot 1 and crashed before its projection: the ledger holds it, the lots do not.
    const last = (await t.deps.models.LedgerEntry.findOne({ memberId: m._id, seq: projected.ledgerSeq }).lean())!;
    await t.deps.models.LedgerEntry.collection.insertOne({
      programId: 'cafe', memberId: m._id, seq: last.seq + 1, delta: -100, balanceAfter: last.balanceAfter - 100, lifetimeAfter: last.lifetimeAfter,
      kind: 'REDEEM', sourceKey: 'redeem:crashed', requestedDelta: null, refs: {}, provenance: {}, cause: null, createdAt: at(201),
    });
    expect((await member(m._id)).lotsSeq).to.equal(last.seq);
    // Day 366: the stale lots say 100 due; the ledger says lot 1 is spent, nothing is due.
    const stale = await counter.during(() => expireMember(t.deps.models, cafe, m._id, at(366)));
    expect(stale.result.expired).to.equal(0);
    expect(describeCommands(stale.commands)).to.match(/^find members, find ledger, find ledger/);
    expect(await t.deps.models.LedgerEntry.countDocuments({ memberId: m._id, kind: 'EXPIRE' })).to.equal(0);
    // Projected again (a later entry catches the lots up), day 566: lot 2 is due, read from the lots' head.
    await credit(10, 400, 'visit:c');
    await expectLotsMatchLedger(m._id);
    const due = (await memberExpiryOutlook(t.deps.models, cafe, m._id, at(566))).due;
    expect(due).to.equal(50);
    const fresh = await counter.during(() => expireMember(t.deps.models, cafe, m._id, at(566)));
    expect(fresh.result.expired).to.equal(50);
    // The lots, the probe past their seq, then the EXPIRE append (no read of the whole ledger).
    expect(describeCommands(fresh.commands)).to.match(/^find members, find ledger, find members, insert ledger, update members, /);
    expect(allLots(storedLots(await member(m._id))!).toArray().map((l) => l.points)).to.deep.equal([10]);
    await expectVerifyClean();
  });

  it('builds lots and usage counters once for a member from before the projections', async () => {
    const now = t.clock.now();
    const m = await t.deps.models.Member.create({ programId: 'cafe', loyaltyIdentifier: randomUUID(), status: 'REGISTERED', tier: 'gold', createdAt: now });
    // An old ledger (two earn lots, one redemption) and today's pastry redemption, written as before the projections.
    const lines = [
      { kind: 'BONUS', delta: 2000, at: -40 }, { kind: 'ACCRUE', delta: 300, at: -20 }, { kind: 'REDEEM', delta: -250, at: -5 },
    ];
    let balance = 0;
    await t.deps.models.LedgerEntry.insertMany(lines.map((l, i) => {
      balance += l.delta;
      return {
        programId: 'cafe', memberId: m._id, seq: i + 1, delta: l.delta, balanceAfter: balance, lifetimeAfter: 2300, kind: l.kind,
        sourceKey: `old:${i}`, createdAt: new Date(now.getTime() + l.at * dayMs),
      };
    }));
    await t.deps.models.Member.updateOne({ _id: m._id }, { $set: { ledgerSeq: 3, pointsBalance: balance, lifetimePoints: 2300 }, $unset: { usageBuilt: '', lotHead: '', lotTail: '', lotPages: '', lotsSeq: '' } });
    await t.deps.models.RewardRedemption.create({
      _id: `${String(m._id)}:redeem:old-pastry`, programId: 'cafe', memberId: String(m._id), rewardId: 'pastry-gold', quantity: 1, amountCents: 100,
      transactionGuid: randomUUID(), redeemedAt: new Date(now.getTime() - 60_000), sourceKey: 'redeem:old-pastry', restaurantGuid: CAFE,
    });
    const before = await member(m._id);
    expect(before.lotsSeq ?? null).to.equal(null);
    expect(before.usageBuilt ?? null).to.equal(null);

    const inquiry = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(m.loyaltyIdentifier), { restaurant: CAFE });
    expect(inquiry.status).to.equal(200);
    await expectLotsMatchLedger(m._id);
    // Today's earlier pastry (from the old records) counts against the one-per-day limit.
    const refused = await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(m), { restaurant: CAFE });
    expect(applied(refused)).to.equal(0);
    expect(refused.body.checkResponse!.rejectedRedemptions![0]!.message).to.match(/limit/i);
    expect((await member(m._id)).usageBuilt).to.equal(true);
    await expectVerifyClean();
  });

  it('lets exactly one of two concurrent REDEEMs take the last of a reward budget; a REVERSE gives it back', async () => {
    const budgeted = { ...cafe, rewards: cafe.rewards.map((r) => (r.id === 'free-drink' ? { ...r, limits: { budgetCents: 700 } } : r)) };
    const b = await startTestApp({ dbPrefix: 'budget' });
    try {
      await publishProgram(b.deps.models, budgeted, 'test', b.clock.now());
      const [first, second, third] = await Promise.all([1, 2, 3].map(() => seedMember(b.deps, { programId: 'cafe', points: 1000 })));
      // $4 taken of $7: $3 left, so of two concurrent $3 drinks only one fits.
      expect(applied(await toast(b.app, 'LOYALTY_REDEEM', drinkRedeem(first!, 4), { restaurant: CAFE }))).to.equal(1);
      const guids = [randomUUID(), randomUUID()];
      const raced = await Promise.all([second!, third!].map((m, i) => toast(b.app, 'LOYALTY_REDEEM', drinkRedeem(m, 3), { guid: guids[i], restaurant: CAFE })));
      expect(raced.map(applied).sort()).to.deep.equal([0, 1]);
      expect((await b.deps.models.RewardBudget.findById('cafe|free-drink').lean())!.spentCents).to.equal(700);
      const winner = raced.findIndex((r) => applied(r) === 1);
      const loser = [second!, third!][1 - winner]!;
      await toast(b.app, 'LOYALTY_REVERSE', reverseRequest(guids[winner]!, [second!, third!][winner]!.loyaltyIdentifier), { restaurant: CAFE });
      expect((await b.deps.models.RewardBudget.findById('cafe|free-drink').lean())!.spentCents).to.equal(400);
      expect(applied(await toast(b.app, 'LOYALTY_REDEEM', drinkRedeem(loser, 3), { restaurant: CAFE }))).to.equal(1);
      const found: string[] = [];
      expect((await verifyLedger(b.deps.models, { onViolation: (v) => found.push(v.kind) })).ok, found.join()).to.equal(true);
    } finally {
      await b.close();
    }
  });

  it('keeps usage and lots with the account through a TRANSFER and an erase', async () => {
    t.clock.advance(2 * dayMs);
    const m = await seedMember(t.deps, { programId: 'cafe', points: 1600 });
    await accrue(m, 12);
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(m), { restaurant: CAFE }))).to.equal(1);
    const newId = `card-${randomUUID()}`;
    expect((await toast(t.app, 'LOYALTY_TRANSFER', transferRequest(m.loyaltyIdentifier, newId), { restaurant: CAFE })).body.transactionStatus).to.equal('ACCEPT');
    // The same day's limit still holds under the new identifier.
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem({ loyaltyIdentifier: newId }), { restaurant: CAFE }))).to.equal(0);
    await expectLotsMatchLedger(m._id);
    expect((await eraseMember(t.deps.models, 'cafe', newId, t.clock.now())).status).to.equal('ERASED');
    await expectLotsMatchLedger(m._id);
    await expectVerifyClean();
  });

  it('ledger:verify reports tampered lots, usage and budget counters, and ledger:repair rebuilds them', async () => {
    const m = await seedMember(t.deps, { programId: 'cafe', points: 1600 });
    t.clock.advance(dayMs);
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(m), { restaurant: CAFE }))).to.equal(1);
    const usage = (await member(m._id)).usage as Record<string, { n: number; h: string[] }>;
    const key = Object.keys(usage)[0]!;
    const tampered = allLots(storedLots(await member(m._id))!).toArray();
    tampered[0]!.points = 499;
    await t.deps.models.Member.updateOne({ _id: m._id }, { $set: { lotHead: LotQueue.of(tampered).pack(), lotTail: LotQueue.empty().pack(), [`usage.${key}.n`]: 0 } });
    await t.deps.models.RewardBudget.create({ _id: 'cafe|pastry-gold', programId: 'cafe', rewardId: 'pastry-gold', spentCents: 5, builtAt: t.clock.now() });
    const kinds: string[] = [];
    await verifyLedger(t.deps.models, { onViolation: (v) => kinds.push(v.kind) });
    expect(kinds.sort()).to.deep.equal(['BUDGET_MISMATCH', 'LOTS_MISMATCH', 'USAGE_MISMATCH']);
    const report = await repairAll(t.deps.models);
    expect(report.budgets).to.equal(1);
    // Rebuilt on next use: the limit is still reached, the lots replay the ledger again.
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(m), { restaurant: CAFE }))).to.equal(0);
    await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(m.loyaltyIdentifier), { restaurant: CAFE });
    await expectLotsMatchLedger(m._id);
    await expectVerifyClean();
  });
});
