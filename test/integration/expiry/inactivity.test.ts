/**
 * INACTIVITY expiry end to end on the demo program (365 days, America/New_York): points survive
 * 364 idle days, expire at the first daily run after day 365, exactly once however often the job
 * runs that day; an ACCRUE keeps them alive; INQUIRE shows when they expire.
 */
import { expect } from 'chai';
import { appendEntry } from '../../../server/loyalty/ledger/ledger.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { projectedExpiryView, memberExpiryOutlook } from '../../../server/loyalty/expiry/member-expiry.js';
import { activeProgram } from '../../../server/loyalty/programs/program-cache.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { outlookAnswers, probe, viewAnswers } from '../../support/expiry-view.js';
import { balanceOf, entriesOf, ledgerInvariant, seedMember } from '../../support/members.js';
import { DAY_MS, DEMO, accrue, inquire, line, runExpiry } from './helpers.js';

describe('points expiry: INACTIVITY (demo)', () => {
  let t: TestApp;

  beforeEach(async () => { t = await startTestApp({ dbPrefix: 'expiry' }); });
  afterEach(async () => {
    const report = await verifyLedger(t.deps.models);
    expect(report.violations, JSON.stringify(report.byKind)).to.equal(0);
    await t.close();
  });

  it('expires all points after 365 idle days, not before, with one EXPIRE entry per day however often the job runs', async () => {
    const member = await seedMember(t.deps);
    expect((await accrue(t, member, DEMO, [line(40)])).points).to.equal(65); // 40 + the $30 bonus
    t.clock.advance(364 * DAY_MS);
    expect(await runExpiry(t, 'demo')).to.deep.include({ expiredMembers: 0, expiredPoints: 0 });
    expect(await balanceOf(t.deps, member)).to.equal(65);
    t.clock.set('2027-12-02T08:30:00Z'); // 03:30 in New York, the first run after 2027-12-01 10:00 local
    expect(await runExpiry(t, 'demo')).to.deep.include({ expiredMembers: 1, expiredPoints: 65 });
    t.clock.advance(3 * 3600 * 1000);
    expect(await runExpiry(t, 'demo')).to.deep.include({ expiredMembers: 0, expiredPoints: 0 });
    expect(await balanceOf(t.deps, member)).to.equal(0);
    const expired = await t.deps.models.LedgerEntry.find({ memberId: member._id, kind: 'EXPIRE' }).lean();
    expect(expired.map((e) => [e.delta, e.sourceKey])).to.deep.equal([[-65, `expire:demo:${String(member._id)}:2027-12-02`]]);
    const inv = await ledgerInvariant(t.deps, member);
    expect([inv.projection, inv.sum, inv.head]).to.deep.equal([0, 0, 0]);
  });

  it('counts an ACCRUE as activity: earlier points live on 365 days from it', async () => {
    const member = await seedMember(t.deps);
    await accrue(t, member, DEMO, [line(20)]);
    t.clock.advance(300 * DAY_MS);
    await accrue(t, member, DEMO, [line(10)]);
    t.clock.advance(100 * DAY_MS);
    expect(await runExpiry(t, 'demo')).to.deep.include({ expiredPoints: 0 });
    expect(await balanceOf(t.deps, member)).to.equal(30);
    t.clock.advance(266 * DAY_MS);
    expect(await runExpiry(t, 'demo')).to.deep.include({ expiredPoints: 30 });
    expect(await entriesOf(t.deps, member, 'EXPIRE')).to.equal(1);
  });

  it('shows the upcoming expiration on affordable banked rewards, and a hint on the check when it is near', async () => {
    const member = await seedMember(t.deps);
    await accrue(t, member, DEMO, [line(60)]); // 60 + 25 = 85 points at 2026-12-01 10:00 New York
    const first = await inquire(t, member, DEMO, [line(5)]);
    const offers = first.body.checkResponse!.offers!;
    const fries = offers.find((o) => o.identifier === 'free-fries');
    const burger = offers.find((o) => o.identifier === 'free-burger');
    expect(fries!.expiration).to.deep.equal([{ date: '2027-12-01T15:00:00.000Z' }]);
    expect(burger!.expiration ?? null).to.equal(null); // 100 points: not affordable, nothing to lose
    expect(first.body.checkResponse!.userMessage).not.to.include('expire');
    t.clock.set('2027-11-20T15:00:00Z');
    const near = await inquire(t, member, DEMO, [line(5)]);
    expect(near.body.checkResponse!.userMessage).to.include('85 points expire on Dec 1, 2027.');
  });
});

describe('points expiry: INQUIRE reads INACTIVITY from the member projection', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'expiryproj' }); });
  after(async () => { await t.close(); });

  it('gives the same outlook as replaying the ledger, after activity, bonuses and reversals', async () => {
    const program = (await activeProgram(t.deps.models, 'demo'))!.program;
    const member = await seedMember(t.deps, { points: 30 }); // first entry: a BONUS (no activity yet)
    const at = (days: number) => new Date(t.clock.now().getTime() + days * DAY_MS);
    const append = (delta: number, kind: 'ACCRUE' | 'REDEEM' | 'BONUS' | 'REVERSE_REDEEM', key: string, when: Date) =>
      appendEntry(t.deps.models, { programId: 'demo', memberId: member._id, delta, kind, sourceKey: key, floor: 'ALLOW_NEGATIVE' }, when);
    const compare = async (when: Date) => {
      const doc = (await t.deps.models.Member.findById(member._id).lean())!;
      expect(viewAnswers(await projectedExpiryView(t.deps.models, program, doc, when, probe(doc.pointsBalance)), doc.pointsBalance))
        .to.deep.equal(outlookAnswers(await memberExpiryOutlook(t.deps.models, program, member._id, when), when, doc.pointsBalance));
    };
    await compare(at(1));
    await append(20, 'ACCRUE', 'a1', at(10));
    await append(-10, 'REDEEM', 'r1', at(40));
    await append(5, 'BONUS', 'b1', at(50));
    await append(10, 'REVERSE_REDEEM', 'rr1', at(60));
    await compare(at(100));
    await compare(at(406)); // past 365 days after the last activity (the REDEEM on day 40)
    expect((await t.deps.models.Member.findById(member._id).lean())!.lastActivityAt!.getTime()).to.equal(at(40).getTime());
  });
});
