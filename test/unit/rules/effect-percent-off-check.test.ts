import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, ITEM, loyaltyDiscount, program, sel, toastCheck, toastDiscount } from './helpers.js';

const tenPct: Reward = { id: 'ten-pct', name: '10% Off', type: 'PERCENT_OFF_CHECK', percent: 10 };
const amount = async (reward: Reward, check: Record<string, unknown>) => (await offers(program([reward]), ctx(check))).offers[0]?.amountCents;

describe('reward PERCENT_OFF_CHECK', () => {
  it('is a CHECK offer with a percentage of the subtotal, rounded half away from zero', async () => {
    expect(await amount(tenPct, toastCheck([sel(ITEM.burger, 8.95)]))).to.equal(90); // 89.5 → 90
    expect(await amount(tenPct, toastCheck([sel(ITEM.burger, 8.94)]))).to.equal(89); // 89.4 → 89
  });

  it('is recomputed from the current check and excludes voided lines', async () => {
    const before = await amount(tenPct, toastCheck([sel(ITEM.burger, 10)]));
    const after = await amount(tenPct, toastCheck([sel(ITEM.burger, 10), sel(ITEM.fries, 5)]));
    const voided = await amount(tenPct, toastCheck([sel(ITEM.burger, 10), sel(ITEM.fries, 5, { voided: true })]));
    expect([before, after, voided]).to.deep.equal([100, 150, 100]);
  });

  it('works from the subtotal after Toast discounts but before its own loyalty discount', async () => {
    const check = toastCheck([sel(ITEM.burger, 20, { price: 16 })], { appliedDiscounts: [toastDiscount(2), loyaltyDiscount('ten-pct', 2)] });
    // 20.00 gross − 2.00 check-level Toast discount = 18.00 → 10% = 1.80 (its own 2.00 is not subtracted)
    expect(await amount(tenPct, check)).to.equal(180);
  });

  it('honours maxDiscountCents and supports fractional percentages', async () => {
    expect(await amount({ ...tenPct, maxDiscountCents: 300 }, toastCheck([sel(ITEM.burger, 50)]))).to.equal(300);
    expect(await amount({ ...tenPct, percent: 12.5 }, toastCheck([sel(ITEM.burger, 9.99)]))).to.equal(125); // 124.875
  });

  it('on an empty check is not applicable (NOTHING_TO_DISCOUNT)', async () => {
    const [offer] = (await offers(program([tenPct]), ctx(toastCheck([])))).offers;
    expect(offer?.reasons).to.deep.equal(['NOTHING_TO_DISCOUNT']);
  });
});
