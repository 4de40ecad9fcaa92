import { expect } from 'chai';
import { offers, validateRedemptions, type Reward } from '../../../rules/index.js';
import { freeBurger, ITEM, program } from './helpers.js';
import { at, check, line, ours } from './lines.js';

const tenPercent: Reward = { id: 'ten-pct', name: '10% Off', type: 'PERCENT_OFF_CHECK', percent: 10 };
const all: Reward = { id: 'all-off', name: '100% Off', type: 'PERCENT_OFF_CHECK', percent: 100 };
/** $40.00: a $10 burger and a $30 platter. */
const lines = (burgerDiscount: ReturnType<typeof ours>[] = []) => [line(ITEM.burger, 1000, { guid: 'b', loyalty: burgerDiscount }), line('item-platter', 3000, { group: null })];

describe('pricing: check percentages come after item-level loyalty discounts', () => {
  it('an offer on a check whose burger is already free is 10% of what remains ($3.00, not $4.00)', async () => {
    const { offers: [offer] } = await offers(program([tenPercent, freeBurger]), at(check(lines([ours('free-burger', 1000)]))));
    expect(offer).to.include({ identifier: 'ten-pct', amountCents: 300 });
  });

  it('in one request the item reward is priced first whatever the submitted order', async () => {
    const { applied } = await validateRedemptions(program([tenPercent, freeBurger]), at(check(lines())), [
      { identifier: 'ten-pct', appliedDiscountGuid: 'p' }, { identifier: 'free-burger', selectionGuid: 'b', appliedDiscountGuid: 'f' },
    ]);
    expect(applied.map((a) => [a.identifier, a.amountCents])).to.deep.equal([['ten-pct', 300], ['free-burger', 1000]]);
  });

  it('the guest never gets more than the check: 100% off after a free burger is the remaining $30.00', async () => {
    const { applied } = await validateRedemptions(program([all, freeBurger]), at(check(lines())), [
      { identifier: 'all-off', appliedDiscountGuid: 'p' }, { identifier: 'free-burger', selectionGuid: 'b', appliedDiscountGuid: 'f' },
    ]);
    expect(applied.map((a) => a.amountCents)).to.deep.equal([3000, 1000]);
  });
});
