import { expect } from 'chai';
import { offers, validateRedemptions, type Reward } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, program, sel, toastCheck } from './helpers.js';

const combo: Reward = {
  id: 'combo', name: 'Burger + Free Fries', type: 'MULTI_ITEM',
  components: [{ items: { menuGroups: [GROUP.burgers] }, percentOff: 0 }, { items: { menuItems: [ITEM.fries] }, percentOff: 100 }],
};

describe('reward MULTI_ITEM (bundle)', () => {
  it('spreads one offer over separate selections; amount = sum of itemApplication', async () => {
    const check = toastCheck([sel(ITEM.burger, 8.99, { guid: 'b' }), sel(ITEM.fries, 3.49, { guid: 'f' })]);
    const [offer] = (await offers(program([combo]), ctx(check))).offers;
    expect(offer).to.include({ selectionType: 'MULTI_ITEM', applicable: true, amountCents: 349 });
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'b', amountCents: 0 }, { selectionIdentifier: 'f', amountCents: 349 }]);
  });

  it('needs one selection of quantity 1 per item: a quantity-2 selection does not qualify', async () => {
    const check = toastCheck([sel(ITEM.burger, 8.99), sel(ITEM.fries, 6.98, { qty: 2 })]);
    const [offer] = (await offers(program([combo]), ctx(check))).offers;
    expect(offer?.reasons).to.deep.equal(['MULTI_ITEM_NEEDS_SEPARATE_SELECTIONS']);
  });

  it('never uses one selection for two components', async () => {
    const twoBurgers: Reward = { ...combo, id: 'two', components: [{ items: { menuGroups: [GROUP.burgers] }, percentOff: 50 }, { items: { menuGroups: [GROUP.burgers] }, percentOff: 50 }] };
    const one = (await offers(program([twoBurgers]), ctx(toastCheck([sel(ITEM.burger, 8)])))).offers[0];
    const two = (await offers(program([twoBurgers]), ctx(toastCheck([sel(ITEM.burger, 8), sel(ITEM.cheese, 10)])))).offers[0];
    expect(one?.reasons).to.deep.equal(['MULTI_ITEM_NEEDS_SEPARATE_SELECTIONS']);
    expect(two?.amountCents).to.equal(900);
  });

  it('redemption keeps multiItemDiscountGuid and per-selection appliedDiscountIdentifier', async () => {
    const check = toastCheck([sel(ITEM.burger, 8.99, { guid: 'b' }), sel(ITEM.fries, 3.49, { guid: 'f' })]);
    const { applied } = await validateRedemptions(program([combo]), ctx(check), [{
      identifier: 'combo', multiItemDiscountGuid: 'multi-1', quantity: 1, amountCents: null,
      itemApplication: [{ selectionIdentifier: 'b', amountCents: 0, appliedDiscountIdentifier: 'ad-b' }, { selectionIdentifier: 'f', amountCents: 349, appliedDiscountIdentifier: 'ad-f' }],
    }]);
    expect(applied[0]).to.include({ multiItemDiscountGuid: 'multi-1', amountCents: 349, selectionGuid: null });
    expect(applied[0]?.itemApplication).to.deep.equal([
      { selectionIdentifier: 'b', amountCents: 0, appliedDiscountIdentifier: 'ad-b' },
      { selectionIdentifier: 'f', amountCents: 349, appliedDiscountIdentifier: 'ad-f' },
    ]);
  });
});
