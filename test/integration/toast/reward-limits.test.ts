/**
 * Per-period reward limits over HTTP: usage recorded by REDEEM counts against the limit, a
 * REVERSE restores it, and a REDEEM re-run after a crash does not count its own usage.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { check, loyaltyDiscount, redeemRequest, redemption, reverseRequest, selection } from '../../support/toast-requests.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';

const CAFE = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';

/** A REDEEM of "Gold: 20% Off a Pastry" (limit: one per day) on a $5 croissant. */
function pastryRedeem(member: MemberRecord) {
  const discount = loyaltyDiscount('pastry-gold', 1);
  const croissant = selection({
    displayName: 'Croissant', price: 5, item: { guid: randomUUID(), entityType: 'MenuItem' },
    salesCategory: { guid: 'c0ffee00-2002-4a6b-9c8d-000000002002', entityType: 'SalesCategory' }, appliedDiscounts: [discount],
  });
  return redeemRequest(member.loyaltyIdentifier, {
    check: check({ selections: [croissant] }),
    redemptions: [redemption('pastry-gold', { selectionGuid: croissant.guid, appliedDiscountGuid: discount.guid })],
  });
}

const appliedCount = (r: Awaited<ReturnType<typeof toast>>): number => r.body.checkResponse!.appliedRedemptions!.length;

describe('Toast webhook: reward usage limits', () => {
  let t: TestApp;
  let gold: MemberRecord;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'limits' });
    gold = await seedMember(t.deps, { programId: 'cafe', points: 1600 });
  });
  after(async () => { await t.close(); });

  it('allows one per day, again after the first is reversed, and again the next day', async () => {
    const guid = randomUUID();
    const first = await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(gold), { guid, restaurant: CAFE });
    expect(appliedCount(first)).to.equal(1);
    const second = await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(gold), { restaurant: CAFE });
    expect(appliedCount(second)).to.equal(0);
    expect(second.body.checkResponse!.rejectedRedemptions![0]!.message).to.match(/limit/i);

    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, gold.loyaltyIdentifier), { restaurant: CAFE });
    const third = await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(gold), { restaurant: CAFE });
    expect(appliedCount(third)).to.equal(1);

    t.clock.advance(24 * 3600 * 1000);
    const nextDay = await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(gold), { restaurant: CAFE });
    expect(appliedCount(nextDay)).to.equal(1);
  });

  it('lets exactly one of 20 concurrent REDEEMs use the last unit of a per-day limit', async () => {
    t.clock.advance(24 * 3600 * 1000);
    const member = await seedMember(t.deps, { programId: 'cafe', points: 1600 });
    const replies = await Promise.all(Array.from({ length: 20 }, () => toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(member), { restaurant: CAFE })));
    expect(replies.map(appliedCount).reduce((a, b) => a + b, 0)).to.equal(1);
    const rejected = replies.flatMap((r) => r.body.checkResponse!.rejectedRedemptions ?? []);
    expect(rejected).to.have.length(19);
    expect(rejected.every((r) => /limit/i.test(r.message ?? ''))).to.equal(true);
    expect(await t.deps.models.RewardRedemption.countDocuments({ memberId: String(member._id), reversedAt: null })).to.equal(1);
    const counters = (await t.deps.models.Member.findById(member._id, { usage: 1 }).lean())?.usage as Record<string, { n: number; h: string[] }>;
    expect(Object.values(counters).map((c) => c.n)).to.deep.equal([1]);
  });

  it('a REDEEM taken over after a crash does not count its own usage against the limit', async () => {
    t.clock.advance(24 * 3600 * 1000);
    const body = pastryRedeem(gold);
    const guid = randomUUID();
    expect(appliedCount(await toast(t.app, 'LOYALTY_REDEEM', body, { guid, restaurant: CAFE }))).to.equal(1);
    await t.deps.models.ToastTransaction.updateOne({ transactionGuid: guid }, {
      $set: { state: 'IN_PROGRESS', responseStatus: null, responseBody: null, leaseUntil: t.clock.now() },
    });
    t.clock.advance(60_000);
    expect(appliedCount(await toast(t.app, 'LOYALTY_REDEEM', body, { guid, restaurant: CAFE }))).to.equal(1);
    expect(await t.deps.models.RewardRedemption.countDocuments({ transactionGuid: guid })).to.equal(1);
  });
});
