import { expect } from 'chai';
import { accrual, offers, validateProgram, validateRedemptions } from '../../../rules/index.js';
import type { BonusPointsReward } from '../../../rules/index.js';
import { ctx, ITEM, loyaltyDiscount, program, sel, toastCheck } from './helpers.js';

const fifty: BonusPointsReward = { id: 'bonus-50', name: '+50 Bonus Points', type: 'BONUS_POINTS', pointsCost: 20, points: 50 };
const double: BonusPointsReward = { id: 'double', name: 'Double Points', type: 'BONUS_POINTS', pointsCost: 30, multiplier: 2 };

describe('reward BONUS_POINTS', () => {
  it('is a $0 check-level offer, applicable like any other', async () => {
    const result = await offers(program([fifty, double]), ctx(toastCheck([sel(ITEM.burger, 12)])));
    expect(result.offers.map((o) => [o.identifier, o.selectionType, o.amountCents, o.applicable])).to.deep.equal([
      ['bonus-50', 'CHECK', 0, true], ['double', 'CHECK', 0, true],
    ]);
  });

  it('a redemption is applied at $0 and costs its points', async () => {
    const { applied } = await validateRedemptions(program([fifty]), ctx(toastCheck([sel(ITEM.burger, 12)])), [{ identifier: 'bonus-50', appliedDiscountGuid: 'd1' }]);
    expect(applied.map((a) => [a.identifier, a.amountCents, a.pointsCost])).to.deep.equal([['bonus-50', 0, 20]]);
  });

  it("is credited with the check's accrual when the discount is on the paid check: fixed points, or a multiplier on this check's points", async () => {
    const p = program([fifty, double]);
    const plain = await accrual(p, ctx(toastCheck([sel(ITEM.burger, 12.5)])));
    expect(plain.points).to.equal(12);
    const withFifty = await accrual(p, ctx(toastCheck([sel(ITEM.burger, 12.5)], { appliedDiscounts: [loyaltyDiscount('bonus-50', 0)] })));
    expect(withFifty.points).to.equal(62);
    expect(withFifty.breakdown.at(-1)).to.deep.equal({ ruleId: 'bonus-50', kind: 'BONUS', points: 50, detail: 'reward' });
    const both = await accrual(p, ctx(toastCheck([sel(ITEM.burger, 12.5, { discounts: [loyaltyDiscount('double', 0)] })], { appliedDiscounts: [loyaltyDiscount('bonus-50', 0)] })));
    expect(both.points).to.equal(12 + 50 + 12);
  });

  it('the same applied discount counts once; a voided one, or one naming another reward type, not at all', async () => {
    const p = program([fifty]);
    const d = loyaltyDiscount('bonus-50', 0, 'same-guid');
    const twice = await accrual(p, ctx(toastCheck([sel(ITEM.burger, 10, { discounts: [d] })], { appliedDiscounts: [d] })));
    expect(twice.points).to.equal(60);
    const voided = await accrual(p, ctx(toastCheck([sel(ITEM.burger, 10)], { appliedDiscounts: [{ ...loyaltyDiscount('bonus-50', 0), processingState: 'VOID' }] })));
    expect(voided.points).to.equal(10);
  });

  it('validation: exactly one of points or multiplier, multiplier above 1 with two decimals', () => {
    const base = JSON.parse(JSON.stringify(program([]))) as Record<string, unknown>;
    const check = (reward: Record<string, unknown>) => validateProgram({ ...base, rewards: [{ id: 'b', name: 'B', type: 'BONUS_POINTS', ...reward }] });
    expect(check({ points: 10 }).ok).to.equal(true);
    expect(check({ multiplier: 1.5 }).ok).to.equal(true);
    for (const bad of [{}, { points: 10, multiplier: 2 }, { points: 0 }, { multiplier: 1 }, { multiplier: 1.255 }]) {
      expect(check(bad).ok, JSON.stringify(bad)).to.equal(false);
    }
  });
});
