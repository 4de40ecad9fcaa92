import { expect } from 'chai';
import { offers, validateRedemptions } from '../../../rules/index.js';
import { fiveOff, freeBurger, freeFries, ITEM, program } from './helpers.js';
import { at, check, line, ours } from './lines.js';

const limitOne = {
  policies: {
    stacking: { maxRewardsPerCheck: 1, combineWithNonLoyaltyDiscounts: true },
    visibility: { unaffordableRewards: 'SHOW_WITH_PROGRESS' },
    membership: { starterMayEarn: true, starterMayRedeem: true, autoEnrolOnPhoneLookup: true },
    reversal: { clamp: 'ZERO' }, expiry: { mode: 'NONE' },
  },
};
/** A check already holding an APPLIED free-fries reward from an earlier REDEEM. */
const holding = () => check([line(ITEM.burger, 899, { guid: 'b' }), line(ITEM.fries, 349, { guid: 'f', loyalty: [ours('free-fries', 349, 'D1')] })]);

describe('redemptions: rewards already on the check count, whatever their request', () => {
  it('maxRewardsPerCheck 1: a second reward in a later request is REDEMPTION_LIMIT_EXCEEDED', async () => {
    const { applied, rejected } = await validateRedemptions(program([freeFries, freeBurger], limitOne), at(holding()), [
      { identifier: 'free-burger', selectionGuid: 'b', appliedDiscountGuid: 'D2' },
    ]);
    expect(applied).to.deep.equal([]);
    expect(rejected.map((r) => r.reason)).to.deep.equal(['REDEMPTION_LIMIT_EXCEEDED']);
  });

  it('the reward that holds the place is still valid when submitted again (matched by its discount GUID or its offer)', async () => {
    const p = program([freeFries, freeBurger], limitOne);
    for (const r of [{ identifier: 'free-fries', appliedDiscountGuid: 'D1' }, { identifier: 'free-fries', selectionGuid: 'f' }]) {
      const { applied } = await validateRedemptions(p, at(holding()), [r]);
      expect(applied.map((a) => a.identifier)).to.deep.equal(['free-fries']);
    }
  });

  it('INQUIRE offers show the limit is used: other rewards greyed out with REDEMPTION_LIMIT_EXCEEDED', async () => {
    const result = await offers(program([freeFries, freeBurger, fiveOff], limitOne), at(holding()));
    const reasons = Object.fromEntries(result.offers.map((o) => [o.identifier, o.reasons]));
    expect(reasons).to.deep.equal({ 'free-fries': [], 'free-burger': ['REDEMPTION_LIMIT_EXCEEDED'], 'five-off': ['REDEMPTION_LIMIT_EXCEEDED'] });
  });

  it('money already taken by a standing reward is not given twice: $5 off a $12.48 check holding free fries is capped at what remains', async () => {
    const big = { ...fiveOff, amountCents: 1200 };
    const { applied } = await validateRedemptions(program([freeFries, big]), at(holding()), [{ identifier: 'five-off', appliedDiscountGuid: 'D3' }]);
    expect(applied[0]?.amountCents).to.equal(899);
  });
});
