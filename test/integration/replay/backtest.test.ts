/**
 * Backtest over seeded stored checks on the real store: a draft doubling the earning rate gives
 * exactly double points (totals and every day), a draft without a reward loses its redemptions,
 * an empty range is a clear empty report, a faster-earning draft moves a member up a tier where the
 * current rules did not, and memory stays bounded while 20,000 checks stream.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import type mongoose from 'mongoose';
import type { Program } from '../../../rules/index.js';
import { parseRange } from '../../../server/replay/backtest-range.js';
import { runBacktest } from '../../../server/replay/backtest.js';
import { activeRuleSet, draftRuleSet, type RuleSet } from '../../../server/replay/rule-sets.js';
import { readFileSync } from 'node:fs';
import { publishProgramsFromDir } from '../../../server/loyalty/programs/programs.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';
import { SMALL_CHECKS, demoCheck, seedStoredChecks } from '../../support/stored-checks.js';
import { Types } from 'mongoose';

const NY = 'America/New_York';

function draftOf(current: RuleSet, change: (p: Program) => Program): RuleSet {
  return { program: change(structuredClone(current.program)), label: 'draft (test)', contentHash: null };
}

describe('backtest', function () {
  this.timeout(180_000);
  let conn: mongoose.Connection;
  let models: Models;
  let current: RuleSet;

  before(async () => {
    conn = await connectTestDb('backtest');
    models = await registerModels(conn);
    await publishProgramsFromDir(models, 'rules/programs', new Date('2026-10-01T00:00:00Z'));
    const r = await activeRuleSet(models, 'demo');
    if (!r.ok) throw new Error(r.message);
    current = r.ruleSet;
    // October 2026: 600 checks of 12 members over 30 days, all under $30.
    await seedStoredChecks(models, { count: 600, from: new Date('2026-10-01T04:00:00Z'), days: 30, members: 12, templates: SMALL_CHECKS });
  });
  after(async () => { await dropTestDb(conn); });

  const october = () => {
    const r = parseRange('2026-10-01', '2026-10-31', NY);
    if (!r.ok) throw new Error(r.message);
    return r.range;
  };

  it('a draft doubling the earning rate issues exactly double the points, in total and on every day', async () => {
    const draft = draftOf(current, (p) => ({ ...p, earning: { ...p.earning, points: p.earning.points * 2 } }));
    const report = await runBacktest(models, { programId: 'demo', current, draft, range: october(), rate: 10_000 });
    expect(report.totals.current.checks).to.equal(600);
    expect(report.totals.draft.checks).to.equal(600);
    expect(report.totals.current.pointsIssued).to.be.greaterThan(0);
    expect(report.totals.draft.pointsIssued).to.equal(2 * report.totals.current.pointsIssued);
    expect(report.totals.change.percent).to.equal(100);
    expect(report.days.length).to.be.within(30, 31);
    for (const d of report.days) expect(d.draft.pointsIssued, d.date).to.equal(2 * d.current.pointsIssued);
    // $0.01 a point: liability in dollars is points / 100.
    expect(report.totals.current.liabilityDollars).to.equal(report.totals.current.pointsIssued / 100);
    expect(report.totals.current.rewardsAffordable).to.be.greaterThan(0);
    expect(report.totals.draft.rewardsAffordable).to.be.at.least(report.totals.current.rewardsAffordable);
    expect(report.totals.draft.discountsIfRedeemedDollars).to.be.at.least(report.totals.current.discountsIfRedeemedDollars);
    expect(report.pointsPerMember.draft.p50).to.equal(2 * report.pointsPerMember.current.p50!);
    expect(report.pointsPerMember.current.members).to.equal(12);
    expect(report.largestChanges).to.have.length(10);
    expect(report.largestChanges[0]!.change).to.equal(report.largestChanges[0]!.current);
  });

  it('the draft equal to the active rule set changes nothing', async () => {
    const report = await runBacktest(models, { programId: 'demo', current, draft: current, range: october() });
    expect(report.totals.draft).to.deep.equal(report.totals.current);
    expect(report.largestChanges).to.deep.equal([]);
    expect(report.totals.current.liabilityDollars).to.equal(null); // the demo has no shop-with-points rate
  });

  it('a draft without a reward shows its redemptions in the range as lost', async () => {
    const memberId = '0000000000000000000000aa';
    await models.ToastTransaction.create({
      restaurantGuid: '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01', transactionGuid: randomUUID(), type: 'LOYALTY_REDEEM', loyaltyIdentifier: 'x',
      programId: 'demo', state: 'DONE', requestHash: 'h', claimToken: 't', leaseUntil: new Date('2026-10-10T16:00:00Z'),
      createdAt: new Date('2026-10-10T16:00:00Z'), completedAt: new Date('2026-10-10T16:00:00Z'), responseStatus: 200, responseBody: '{}',
      memberId, redemptions: [{ rewardId: 'free-fries', appliedDiscountGuid: randomUUID(), quantity: 1, points: 50, amountCents: 349, sourceKey: `redeem:${randomUUID()}` }],
    });
    const draft = draftOf(current, (p) => ({ ...p, rewards: p.rewards.filter((r) => r.id !== 'free-fries') }));
    const report = await runBacktest(models, { programId: 'demo', current, draft, range: october() });
    expect(report.lostRedemptions).to.deep.include({ count: 1, points: 50, discountDollars: 3.49, byReason: { UNKNOWN_REWARD: 1 }, byReward: { 'free-fries': 1 } });
    expect(report.totals.current.redemptions).to.equal(1);
    expect(report.totals.draft.redemptions).to.equal(0);
    expect(report.days.find((d) => d.date === '2026-10-10')!.lostRedemptions).to.equal(1);
    expect(report.rewardsAffordable.draft['free-fries']).to.equal(undefined);
    expect(report.rewardsAffordable.current['free-fries']).to.be.greaterThan(0);
  });

  it('tier moves: a draft that earns faster lifts a member over Silver where the current rules did not', async () => {
    // The cafe program: Silver at 500 lifetime points, 10 points a dollar (FLOOR), no promotions.
    const cafe = await activeRuleSet(models, 'cafe');
    if (!cafe.ok) throw new Error(cafe.message);
    const restaurantGuid = cafe.ruleSet.program.locations[0]!.guid;
    const memberId = new Types.ObjectId();
    const accrual = (lifetime: number, dollars: number, at: string) => {
      const check = demoCheck([dollars]);
      return {
        _id: new Types.ObjectId(), programId: 'cafe', restaurantGuid, checkGuid: check.checkGuid, orderGuid: null,
        activeCheckKey: `${restaurantGuid}|${check.checkGuid}`, transactionGuids: [randomUUID()], memberId, state: 'POSTED',
        ruleSetHash: cafe.ruleSet.contentHash, check, checkTime: new Date(at), acceptedAt: new Date(at),
        memberSnapshot: { status: 'REGISTERED', tier: null, pointsBalance: lifetime, lifetimePoints: lifetime, visits: 3, usage: {} },
        expectedPoints: dollars * 10, points: dollars * 10, breakdown: null, ruleSetVersion: cafe.ruleSet.program.version,
        postedAt: new Date(at), reversedAt: null, reverseTransactionGuid: null, claimedAt: null,
      };
    };
    // 440 → 470 → 490 lifetime points today: never Silver. Doubled: 440 → 500 (Silver) → 550.
    await models.Accrual.collection.insertMany([accrual(440, 3, '2026-10-14T15:00:00Z'), accrual(470, 2, '2026-10-15T15:00:00Z')]);
    const draft = draftOf(cafe.ruleSet, (p) => ({ ...p, earning: { ...p.earning, points: p.earning.points * 2 } }));
    const report = await runBacktest(models, { programId: 'cafe', current: cafe.ruleSet, draft, range: october() });
    expect(report.totals.current.pointsIssued).to.equal(50);
    // Draft: 60, then Silver's 1.25× on the second check (2 × 20 × 1.25 = 50).
    expect(report.totals.draft.pointsIssued).to.equal(110);
    expect(report.totals.current.tierMoves).to.equal(0);
    // The first check crosses 500 in the draft; the second starts there (the draft's running difference), so it moves no tier.
    expect(report.totals.draft.tierMoves).to.equal(1);
    expect(report.days.find((d) => d.date === '2026-10-14')!.draft.tierMoves).to.equal(1);
    expect(report.days.find((d) => d.date === '2026-10-15')!.draft.tierMoves).to.equal(0);
    expect(report.tierMoves).to.deep.equal({ membersOnAnotherTier: 1, byTier: { 'none→silver': 1 } });
  });

  it('a range without checks is a clear empty report', async () => {
    const r = parseRange('2025-01-01', '2025-01-31', NY);
    if (!r.ok) throw new Error(r.message);
    const report = await runBacktest(models, { programId: 'demo', current, draft: current, range: r.range });
    expect(report.meta.empty).to.equal(true);
    expect(report.totals.current.checks).to.equal(0);
    expect(report.days).to.deep.equal([]);
  });

  it("reproduces the README's worked example (double points on Tuesdays, October 2026)", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = readme.slice(readme.indexOf('**Worked example'));
    const seeded = /--checks (\d+)\s+--members (\d+) --days (\d+)/.exec(example)!;
    const points = /points issued\s+(\d+)\s+(\d+)/.exec(example)!;
    const liability = /liability\s+\$([\d.]+)\s+\$([\d.]+)/.exec(example)!;
    const db = await connectTestDb('backtestreadme');
    try {
      const m = await registerModels(db);
      await publishProgramsFromDir(m, 'rules/programs', new Date('2026-10-01T00:00:00Z'));
      await seedStoredChecks(m, { count: Number(seeded[1]), members: Number(seeded[2]), days: Number(seeded[3]), from: new Date('2026-10-01T04:00:00Z') });
      const draft = await draftRuleSet('rules/drafts/demo-double-tuesdays.json', 'demo');
      if (!draft.ok) throw new Error(draft.message);
      const report = await runBacktest(m, { programId: 'demo', current, draft: draft.ruleSet, range: october(), rate: 10_000 });
      expect([report.totals.current.pointsIssued, report.totals.draft.pointsIssued]).to.deep.equal([Number(points[1]), Number(points[2])]);
      expect([report.totals.current.liabilityDollars, report.totals.draft.liabilityDollars]).to.deep.equal([Number(liability[1]), Number(liability[2])]);
      const tuesdays = report.days.filter((d) => d.draft.pointsIssued !== d.current.pointsIssued).map((d) => d.date);
      expect(tuesdays).to.deep.equal(['2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27']);
    } finally {
      await dropTestDb(db);
    }
  });

  it('memory stays bounded while 20,000 stored checks stream', async () => {
    const big = await connectTestDb('backtestmem');
    try {
      const m = await registerModels(big);
      await publishProgramsFromDir(m, 'rules/programs', new Date('2026-10-01T00:00:00Z'));
      // Heavy checks (20 lines of $1 each, under the $30 bonus): held at once they would take
      // about 200 MB; streamed, the live heap stays within a few MB (members, days, report).
      const heavy = [Array.from({ length: 20 }, () => 1)];
      await seedStoredChecks(m, { count: 20_000, from: new Date('2026-11-01T04:00:00Z'), days: 30, members: 500, templates: heavy });
      const r = parseRange('2026-11-01', '2026-11-30', NY);
      if (!r.ok) throw new Error(r.message);
      // Live heap, not garbage V8 has not collected yet: collect before each sample.
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as () => void;
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const draft = draftOf(current, (p) => ({ ...p, earning: { ...p.earning, points: 3 } }));
      const report = await runBacktest(m, {
        programId: 'demo', current, draft, range: r.range, progressEvery: 2500,
        onProgress: () => { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); },
      });
      expect(report.totals.current.checks).to.equal(20_000);
      expect(report.totals.draft.pointsIssued).to.equal(3 * report.totals.current.pointsIssued);
      const grownMb = (peak - baseline) / 1e6;
      expect(grownMb, `heap grew ${grownMb.toFixed(1)} MB`).to.be.below(24);
    } finally {
      await dropTestDb(big);
    }
  });
});
