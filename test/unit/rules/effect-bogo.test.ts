import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, program, sel, toastCheck } from './helpers.js';

const bogo: Reward = {
  id: 'bogo', name: 'BOGO Burgers', type: 'BOGO',
  buy: { items: { menuGroups: [GROUP.burgers] }, quantity: 1 }, get: { items: { menuGroups: [GROUP.burgers] }, quantity: 1 },
};
const price = async (reward: Reward, selections: Record<string, unknown>[]) => (await offers(program([reward]), ctx(toastCheck(selections)))).offers[0];

describe('reward BOGO (buy X get Y)', () => {
  it('a single selection of quantity 2 discounts exactly one unit', async () => {
    const offer = await price(bogo, [sel(ITEM.burger, 17.98, { qty: 2, guid: 'two' })]);
    expect(offer).to.include({ applicable: true, amountCents: 899 });
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'two', amountCents: 899 }]);
  });

  it('a single burger is shown but not applicable (BUY_ITEMS_MISSING)', async () => {
    const offer = await price(bogo, [sel(ITEM.burger, 8.99)]);
    expect(offer).to.include({ applicable: false });
    expect(offer?.reasons).to.deep.equal(['BUY_ITEMS_MISSING']);
  });

  it('discounts the cheaper of two selections', async () => {
    const offer = await price(bogo, [sel(ITEM.cheese, 9.99), sel(ITEM.burger, 8.99, { guid: 'cheap' })]);
    expect(offer?.itemApplication?.[0]).to.deep.equal({ selectionIdentifier: 'cheap', amountCents: 899 });
  });

  it('buy a burger, get fries at 50% off: separate buy and get sets', async () => {
    const half: Reward = { ...bogo, id: 'half-fries', buy: { items: { menuGroups: [GROUP.burgers] }, quantity: 1 }, get: { items: { menuItems: [ITEM.fries] }, quantity: 1 }, percentOff: 50 };
    expect((await price(half, [sel(ITEM.burger, 8.99), sel(ITEM.fries, 3.49)]))?.amountCents).to.equal(175);
    expect((await price(half, [sel(ITEM.fries, 3.49)]))?.reasons).to.deep.equal(['BUY_ITEMS_MISSING']);
  });

  it('buy 2 get 1: three units on one selection discount one, two units discount none', async () => {
    const b2g1: Reward = { ...bogo, buy: { items: { menuGroups: [GROUP.burgers] }, quantity: 2 } };
    expect((await price(b2g1, [sel(ITEM.burger, 26.97, { qty: 3 })]))?.amountCents).to.equal(899);
    expect((await price(b2g1, [sel(ITEM.burger, 17.98, { qty: 2 })]))?.applicable).to.equal(false);
  });

  it('voided burgers do not count towards the buy side', async () => {
    const offer = await price(bogo, [sel(ITEM.burger, 8.99), sel(ITEM.burger, 8.99, { voided: true })]);
    expect(offer?.applicable).to.equal(false);
  });
});
