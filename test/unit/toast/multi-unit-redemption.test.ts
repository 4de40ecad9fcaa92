/**
 * Issue 9 §4: Toast applies an applied redemption as `amount × quantity` (003 note 3), so the
 * per-unit amount we answer must multiply back to exactly the discount we record. "$5 off" × 3
 * on an $11 check used to be recorded as $11.00 and answered as 3 × $3.67 = $11.01.
 */
import { expect } from 'chai';
import { validateRedemptions } from '../../../rules/index.js';
import { dollarsToCents } from '../../../server/toast/money.js';
import { appliedRedemption } from '../../../server/toast/present.js';
import { ctx, fiveOff, ITEM, program, sel, toastCheck } from '../rules/helpers.js';

describe('multi-unit redemptions: answered per unit, exactly what is recorded', () => {
  for (const [checkDollars, quantity] of [[11, 3], [11, 2], [10.01, 3], [15.01, 3], [12.34, 3], [5.02, 2], [5.03, 2]] as const) {
    it(`$5 off × ${quantity} on a $${checkDollars} check`, async () => {
      const check = toastCheck([sel(ITEM.burger, checkDollars)]);
      const { applied } = await validateRedemptions(program([fiveOff]), ctx(check), [{ identifier: 'five-off', appliedDiscountGuid: 'd', quantity }]);
      const recorded = applied[0];
      if (!recorded) throw new Error('not applied');
      const answered = appliedRedemption(recorded);
      const toastApplies = dollarsToCents(answered.amount as number) * (answered.quantity as number);
      expect(toastApplies, JSON.stringify(answered)).to.equal(recorded.amountCents);
      expect(recorded.amountCents).to.be.at.most(Math.min(500 * quantity, dollarsToCents(checkDollars)));
      expect(recorded.amountCents % quantity).to.equal(0);
    });
  }

  it('the $11 case: 3 × $3.66, $10.98 recorded (rounded down to whole cents per unit, never up)', async () => {
    const { applied } = await validateRedemptions(program([fiveOff]), ctx(toastCheck([sel(ITEM.burger, 11)])), [{ identifier: 'five-off', appliedDiscountGuid: 'd', quantity: 3 }]);
    expect(applied[0]?.amountCents).to.equal(1098);
    expect(appliedRedemption(applied[0]!)).to.include({ amount: 3.66, quantity: 3 });
  });
});
