/**
 * Replay of real webhook transactions (INQUIRE with a rejected redemption, REDEEM, ACCRUE posted
 * by the worker's code): under their own rule set each reproduces what was answered and posted;
 * a tampered answer or posting is a mismatch; another rule set shows its differences; bad input
 * gets a clear answer. The recorded evaluation carries no guest data.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import { recordedEvaluationOf } from '../../../server/loyalty/offers/recorded-evaluation.js';
import { replayTransaction } from '../../../server/replay/replay.js';
import { draftRuleSet, ruleSetByVersion } from '../../../server/replay/rule-sets.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { playVisit, type Visit } from '../../support/replay-visit.js';
import { toast } from '../../support/toast-client.js';
import { searchRequest } from '../../support/toast-requests.js';

describe('replay of stored transactions', function () {
  this.timeout(60_000);
  let t: TestApp;
  let member: MemberRecord;
  let visit: Visit;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'replay' });
    member = await seedMember(t.deps, { points: 60, phone: '6175550123', email: 'guest@example.com', firstName: 'Ada', lastName: 'Guest' });
    visit = await playVisit(t, member);
  });
  after(async () => { await t.close(); });

  for (const [type, key] of [['LOYALTY_INQUIRE', 'inquire'], ['LOYALTY_REDEEM', 'redeem'], ['LOYALTY_REDEEM', 'redeemAgain'], ['LOYALTY_ACCRUE', 'accrue']] as const) {
    it(`a ${type}${key === 'redeemAgain' ? ' repeating an earlier redemption' : ''} reproduces what was answered and posted under its own rule set`, async () => {
      const result = await replayTransaction(t.deps.models, visit[key]);
      if (!result.ok) throw new Error(result.message);
      expect(result.report.type).to.equal(type);
      expect(result.report.mismatches).to.deep.equal([]);
      expect(result.report.reproduced).to.equal(true);
    });
  }

  it('the replayed INQUIRE decided its offers and the rejected redemption with reasons; the ACCRUE its double points', async () => {
    const inquire = await replayTransaction(t.deps.models, visit.inquire);
    if (!inquire.ok) throw new Error(inquire.message);
    const outcome = inquire.report.outcome as { rejected: { identifier: string; reason: string }[]; offers: { identifier: string; reasons: string[] }[] };
    expect(outcome.rejected).to.deep.equal([{ identifier: 'ten-off', reason: 'NEEDS_POINTS:90' }]);
    expect(outcome.offers.find((o) => o.identifier === 'free-burger')!.reasons).to.include('NEEDS_POINTS:40');
    const accrue = await replayTransaction(t.deps.models, visit.accrue);
    if (!accrue.ok) throw new Error(accrue.message);
    const points = accrue.report.outcome as { points: number; breakdown: { ruleId: string }[] };
    expect(points.breakdown.map((b) => b.ruleId)).to.include('double-afternoon');
  });

  it('records no guest data with the evaluation', async () => {
    for (const guid of [visit.inquire, visit.redeem]) {
      const doc = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
      const text = doc!.evaluation;
      expect(text).to.be.a('string');
      expect((text as string).length).to.be.greaterThan(100);
      for (const pii of ['6175550123', 'guest@example.com', 'Ada', 'Guest', member.loyaltyIdentifier]) expect(text).not.to.include(pii);
    }
  });

  it('stores the evaluation as its JSON text, and still replays a record holding it as a nested document (stored before)', async () => {
    for (const guid of [visit.inquire, visit.redeem]) {
      const doc = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
      const recorded = recordedEvaluationOf(doc!.evaluation)!;
      expect(recorded.check.lines.length).to.be.greaterThan(0);
      expect(JSON.parse(JSON.stringify(recorded))).to.deep.equal(recorded);
      await t.deps.models.ToastTransaction.updateOne({ _id: doc!._id }, { $set: { evaluation: recorded } });
      try {
        const nested = await t.deps.models.ToastTransaction.findOne({ _id: doc!._id }).lean();
        expect(nested!.evaluation).to.be.an('object');
        const result = await replayTransaction(t.deps.models, guid);
        if (!result.ok) throw new Error(result.message);
        expect(result.report.mismatches).to.deep.equal([]);
      } finally {
        await t.deps.models.ToastTransaction.updateOne({ _id: doc!._id }, { $set: { evaluation: doc!.evaluation } });
      }
    }
  });

  it('a tampered answer or posting is a mismatch, with the place it differs', async () => {
    const inquire = await t.deps.models.ToastTransaction.findOne({ transactionGuid: visit.inquire }).lean();
    const body = JSON.parse(inquire!.responseBody!) as { checkResponse: { offers: { identifier: string; amount: number }[] } };
    const fries = body.checkResponse.offers.find((o) => o.identifier === 'free-fries')!;
    fries.amount = 1.23; // answered 2.48: $12.48 less the $10 ten-off already on the check
    await t.deps.models.ToastTransaction.updateOne({ _id: inquire!._id }, { $set: { responseBody: JSON.stringify(body) } });
    const r1 = await replayTransaction(t.deps.models, visit.inquire);
    if (!r1.ok) throw new Error(r1.message);
    expect(r1.report.reproduced).to.equal(false);
    expect(r1.report.mismatches).to.deep.equal([{ path: '/offers/free-fries/amount', before: 1.23, after: 2.48 }]);
    await t.deps.models.ToastTransaction.updateOne({ _id: inquire!._id }, { $set: { responseBody: inquire!.responseBody } });

    const accrue = await t.deps.models.ToastTransaction.findOne({ transactionGuid: visit.accrue }).lean();
    const acc = await t.deps.models.Accrual.findById(accrue!.accrualId).lean();
    await t.deps.models.Accrual.updateOne({ _id: acc!._id }, { $set: { points: acc!.points! + 1 } });
    const r2 = await replayTransaction(t.deps.models, visit.accrue);
    if (!r2.ok) throw new Error(r2.message);
    expect(r2.report.mismatches.map((m) => m.path)).to.deep.equal(['/posted/points']);
    await t.deps.models.Accrual.updateOne({ _id: acc!._id }, { $set: { points: acc!.points } });
  });

  it('against its own published version nothing differs; against a draft the differences are listed', async () => {
    const same = await replayTransaction(t.deps.models, visit.redeem, { against: (p) => ruleSetByVersion(t.deps.models, p, '2026.11.0') });
    if (!same.ok) throw new Error(same.message);
    expect(same.report.against!.differences).to.deep.equal([]);
    const demo = JSON.parse(await readFile('rules/programs/demo.json', 'utf8')) as { rewards: { id: string; pointsCost?: number }[]; version: string };
    demo.version = 'draft-dear-fries';
    demo.rewards.find((r) => r.id === 'free-fries')!.pointsCost = 500;
    const file = path.join(os.tmpdir(), `draft-${randomUUID()}.json`);
    await writeFile(file, JSON.stringify(demo));
    const other = await replayTransaction(t.deps.models, visit.redeem, { against: (p) => draftRuleSet(file, p) });
    if (!other.ok) throw new Error(other.message);
    expect(other.report.reproduced).to.equal(true);
    const paths = other.report.against!.differences.map((d) => d.path);
    expect(paths).to.include('/applied/free-fries');
    expect(paths).to.include('/rejected/free-fries');
  });

  it('bad input: unknown GUID, unknown version, a non-replayable type, a record from before evaluations were stored', async () => {
    const unknown = await replayTransaction(t.deps.models, randomUUID());
    expect(unknown).to.deep.include({ ok: false });
    expect((unknown as { message: string }).message).to.match(/^unknown transaction/);
    const version = await replayTransaction(t.deps.models, visit.redeem, { against: (p) => ruleSetByVersion(t.deps.models, p, 'no-such') });
    expect((version as { message: string }).message).to.match(/has no published version "no-such"/);
    const searchGuid = randomUUID();
    await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550123' }), { guid: searchGuid });
    const search = await replayTransaction(t.deps.models, searchGuid);
    expect((search as { message: string }).message).to.match(/is a LOYALTY_SEARCH: only INQUIRE, REDEEM and ACCRUE/);
    await t.deps.models.ToastTransaction.updateOne({ transactionGuid: visit.inquire }, { $set: { evaluation: null } });
    const old = await replayTransaction(t.deps.models, visit.inquire);
    expect((old as { message: string }).message).to.match(/recorded before evaluations were stored/);
  });
});
