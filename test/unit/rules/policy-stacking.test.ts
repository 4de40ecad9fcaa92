import { expect } from 'chai';
import { offers, validateRedemptions } from '../../../rules/index.js';
import { ctx, fiveOff, freeBurger, freeFries, ITEM, loyaltyDiscount, program, sel, toastCheck, toastDiscount } from './helpers.js';

const stacking = (s: Record<string, unknown>) => ({
  policies: {
    stacking: { maxRewardsPerCheck: null, combineWithNonLoyaltyDiscounts: true, ...s },
    visibility: { unaffordableRewards: 'SHOW_WITH_PROGRESS' },
    membership: { starterMayEarn: true, starterMayRedeem: true, autoEnrolOnPhoneLookup: true },
    reversal: { clamp: 'ZERO' }, expiry: { mode: 'NONE' },
  },
});
const check = () => toastCheck([sel(ITEM.burger, 8.99), sel(ITEM.fries, 3.49)]);
const red = (identifier: string, appliedDiscountGuid: string, quantity = 1) => ({ identifier, appliedDiscountGuid, quantity });

describe('policy: stacking', () => {
  it('maxRewardsPerCheck becomes Toast redemptionLimit (null = unlimited)', async () => {
    expect((await offers(program([freeFries], stacking({ maxRewardsPerCheck: 2 })), ctx(check()))).redemptionLimit).to.equal(2);
    expect((await offers(program([freeFries]), ctx(check()))).redemptionLimit).to.equal(null);
  });

  it('redemptions over the limit are rejected in submitted order, counting quantity', async () => {
    const p = program([freeFries, freeBurger, fiveOff], stacking({ maxRewardsPerCheck: 2 }));
    const { applied, rejected } = await validateRedemptions(p, ctx(check()), [red('five-off', 'a', 2), red('free-fries', 'b')]);
    expect(applied.map((a) => [a.identifier, a.quantity, a.amountCents, a.pointsCost])).to.deep.equal([['five-off', 2, 1000, 200]]);
    expect(rejected.map((r) => [r.reason, r.redemption.appliedDiscountGuid])).to.deep.equal([['REDEMPTION_LIMIT_EXCEEDED', 'b']]);
  });

  it('exclusivity groups: a reward in the same group as an applied one is EXCLUSIVE_WITH', async () => {
    const p = program([freeFries, freeBurger, fiveOff], stacking({ exclusivityGroups: [{ id: 'freebies', rewards: ['free-fries', 'free-burger'] }] }));
    const { applied, rejected } = await validateRedemptions(p, ctx(check()), [red('free-burger', 'a'), red('free-fries', 'b'), red('five-off', 'c')]);
    expect(applied.map((a) => a.identifier)).to.deep.equal(['free-burger', 'five-off']);
    expect(rejected.map((r) => r.reason)).to.deep.equal(['EXCLUSIVE_WITH:free-burger']);
    const onCheck = toastCheck([sel(ITEM.burger, 8.99, { discounts: [loyaltyDiscount('free-burger', 8.99)] }), sel(ITEM.fries, 3.49)]);
    const shown = await offers(p, ctx(onCheck));
    expect(shown.offers.find((o) => o.identifier === 'free-fries')?.reasons).to.deep.equal(['EXCLUSIVE_WITH:free-burger']);
  });

  it('combineWithNonLoyaltyDiscounts false: any Toast discount blocks rewards; a reward may override', async () => {
    const discounted = toastCheck([sel(ITEM.burger, 8.99)], { appliedDiscounts: [toastDiscount(1)] });
    const p = program([fiveOff, { ...freeBurger, combinesWithNonLoyaltyDiscounts: true }], stacking({ combineWithNonLoyaltyDiscounts: false }));
    const result = await offers(p, ctx(discounted));
    expect(result.offers.find((o) => o.identifier === 'five-off')?.reasons).to.deep.equal(['NON_LOYALTY_DISCOUNT_PRESENT']);
    expect(result.offers.find((o) => o.identifier === 'free-burger')?.applicable).to.equal(true);
    const rejected = (await validateRedemptions(p, ctx(discounted), [red('five-off', 'z')])).rejected;
    expect(rejected[0]).to.include({ reason: 'NON_LOYALTY_DISCOUNT_PRESENT', message: 'This reward cannot be combined with other discounts' });
  });
});
