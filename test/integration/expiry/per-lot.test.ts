/**
 * PER_LOT expiry end to end on the cafe program (365 days per lot, America/Chicago): each
 * earned lot expires on its own date, a redemption spends the oldest lot first, and INQUIRE
 * dates a banked reward by the lot that makes it unaffordable.
 */
import { expect } from 'chai';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { balanceOf, ledgerInvariant, seedMember } from '../../support/members.js';
import { CAFE, DAY_MS, accrue, inquire, line, redeemCheckReward, runExpiry } from './helpers.js';

describe('points expiry: PER_LOT (cafe)', () => {
  let t: TestApp;

  before(async () => { t = await startTestApp({ dbPrefix: 'expiry' }); });
  after(async () => { await t.close(); });

  it('expires what is left of each lot on its own date, oldest lot spent first', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe' });
    expect((await accrue(t, member, CAFE, [line(30)])).points).to.equal(300); // lot A: 2026-12-01
    t.clock.advance(100 * DAY_MS);
    expect((await accrue(t, member, CAFE, [line(20)])).points).to.equal(200); // lot B: 2027-03-11
    t.clock.advance(100 * DAY_MS);
    const redeemed = await redeemCheckReward(t, member, CAFE, 'points-off-100', 1);
    expect(redeemed.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['points-off-100']);
    expect(await balanceOf(t.deps, member)).to.equal(400); // A 200 + B 200

    t.clock.set('2027-11-10T15:00:00Z');
    const reply = await inquire(t, member, CAFE, [line(5)]);
    const one = reply.body.checkResponse!.offers!.find((o) => o.identifier === 'points-off-100');
    // After A's 200 expire, 200 remain: the $1 reward lasts until B expires.
    expect(one!.expiration).to.deep.equal([{ date: '2028-03-10T15:00:00.000Z' }]);
    expect(reply.body.checkResponse!.userMessage).to.include('200 points expire on Dec 1, 2027.');

    t.clock.set('2027-12-01T14:00:00Z'); // 08:00 Chicago: A not yet 365 days old
    expect(await runExpiry(t, 'cafe')).to.deep.include({ expiredPoints: 0 });
    t.clock.set('2027-12-02T09:30:00Z'); // 03:30 Chicago the next day
    expect(await runExpiry(t, 'cafe')).to.deep.include({ expiredMembers: 1, expiredPoints: 200 });
    expect(await runExpiry(t, 'cafe')).to.deep.include({ expiredPoints: 0 });
    expect(await balanceOf(t.deps, member)).to.equal(200);

    t.clock.set('2028-03-11T09:30:00Z');
    expect(await runExpiry(t, 'cafe')).to.deep.include({ expiredPoints: 200 });
    expect(await balanceOf(t.deps, member)).to.equal(0);
    const expired = await t.deps.models.LedgerEntry.find({ memberId: member._id, kind: 'EXPIRE' }).sort({ seq: 1 }).lean();
    expect(expired.map((e) => e.sourceKey)).to.deep.equal([
      `expire:cafe:${String(member._id)}:2027-12-02`, `expire:cafe:${String(member._id)}:2028-03-11`,
    ]);
    const inv = await ledgerInvariant(t.deps, member);
    expect([inv.projection, inv.sum, inv.head]).to.deep.equal([0, 0, 0]);
    expect((await verifyLedger(t.deps.models)).violations).to.equal(0);
  });
});
