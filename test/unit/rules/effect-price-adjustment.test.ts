import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, program, sel, toastCheck } from './helpers.js';

const fiveDollarBurger: Reward = { id: 'burger-5', name: 'Any Burger for $5', type: 'PRICE_ADJUSTMENT', priceCents: 500, items: { menuGroups: [GROUP.burgers] } };
const first = async (selections: Record<string, unknown>[]) => (await offers(program([fiveDollarBurger]), ctx(toastCheck(selections)))).offers[0];

describe('reward PRICE_ADJUSTMENT', () => {
  it('sells one unit at the set price: the discount is the difference', async () => {
    expect((await first([sel(ITEM.cheese, 9.99)]))?.amountCents).to.equal(499);
  });

  it('on a selection of quantity 2 adjusts one unit only', async () => {
    expect((await first([sel(ITEM.burger, 17.98, { qty: 2 })]))?.amountCents).to.equal(399);
  });

  it('never raises a price: an item already cheaper gives no discount', async () => {
    const offer = await first([sel(ITEM.burger, 4.5)]);
    expect(offer).to.include({ applicable: false, amountCents: 0 });
    expect(offer?.reasons).to.deep.equal(['NOTHING_TO_DISCOUNT']);
  });
});
