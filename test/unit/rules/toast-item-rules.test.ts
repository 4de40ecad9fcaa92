import { expect } from 'chai';
import { offers, validateRedemptions, type Reward } from '../../../rules/index.js';
import { ctx, freeBurger, freeFries, ITEM, loyaltyDiscount, modifier, program, sel, toastCheck, toastDiscount } from './helpers.js';

const twoOff: Reward = { id: 'two-off', name: '$2 Off Fries', type: 'AMOUNT_OFF_ITEM', amountCents: 200, items: { menuItems: [ITEM.fries] } };

describe("Toast's item-level pricing rules", () => {
  it('one item-level discount per selection: a second item reward cannot use the same selection', async () => {
    const check = toastCheck([sel(ITEM.fries, 3.49, { guid: 'f' })]);
    const { applied, rejected } = await validateRedemptions(program([freeFries, twoOff]), ctx(check), [
      { identifier: 'free-fries', appliedDiscountGuid: 'ad1' }, { identifier: 'two-off', appliedDiscountGuid: 'ad2' },
    ]);
    expect(applied.map((a) => a.selectionGuid)).to.deep.equal(['f']);
    expect(rejected.map((r) => [r.reason, r.redemption.appliedDiscountGuid])).to.deep.equal([['ITEM_ALREADY_DISCOUNTED', 'ad2']]);
  });

  it('a selection with another reward already on it is not offered to a different item reward', async () => {
    const check = toastCheck([sel(ITEM.fries, 3.49, { discounts: [loyaltyDiscount('free-fries', 3.49)] })]);
    const result = await offers(program([freeFries, twoOff]), ctx(check));
    expect(result.offers.find((o) => o.identifier === 'two-off')?.reasons).to.deep.equal(['ITEM_ALREADY_DISCOUNTED']);
    expect(result.offers.find((o) => o.identifier === 'free-fries')?.applicable).to.equal(true);
  });

  it('no loyalty item discount on a selection carrying a Toast-configured item discount', async () => {
    const check = toastCheck([sel(ITEM.fries, 3.49, { price: 2.49, discounts: [toastDiscount(1)] })]);
    const [offer] = (await offers(program([freeFries]), ctx(check))).offers;
    expect(offer?.reasons).to.deep.equal(['ITEM_HAS_NON_LOYALTY_DISCOUNT']);
  });

  it('another, undiscounted selection of the same item is used instead', async () => {
    const check = toastCheck([sel(ITEM.fries, 3.49, { discounts: [toastDiscount(1)] }), sel(ITEM.fries, 3.49, { guid: 'clean' })]);
    const [offer] = (await offers(program([freeFries]), ctx(check))).offers;
    expect(offer?.itemApplication?.[0]?.selectionIdentifier).to.equal('clean');
  });

  it('voided selections are ignored', async () => {
    const [offer] = (await offers(program([freeFries]), ctx(toastCheck([sel(ITEM.fries, 3.49, { voided: true })])))).offers;
    expect(offer?.reasons).to.deep.equal(['ITEM_NOT_ON_CHECK']);
  });

  it('modifiers count through their parent: a reward matching a modifier attaches to the parent selection', async () => {
    const viaMod: Reward = { ...freeFries, items: { menuItems: [ITEM.fries], matchModifiers: true } };
    const check = toastCheck([sel(ITEM.burger, 11.48, { guid: 'parent', modifiers: [modifier(ITEM.fries, 2.49)] })]);
    const [offer] = (await offers(program([viaMod]), ctx(check))).offers;
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'parent', amountCents: 249 }]);
    const [plain] = (await offers(program([freeFries]), ctx(check))).offers;
    expect(plain?.reasons).to.deep.equal(['ITEM_NOT_ON_CHECK']);
  });

  it('item redemptions target the selection Toast names, and reject it when it is gone', async () => {
    const check = toastCheck([sel(ITEM.burger, 8.99, { guid: 'b1' }), sel(ITEM.cheese, 9.99, { guid: 'b2' })]);
    const p = program([freeBurger]);
    const ok = await validateRedemptions(p, ctx(check), [{ identifier: 'free-burger', selectionGuid: 'b1', appliedDiscountGuid: 'x' }]);
    expect(ok.applied[0]).to.include({ selectionGuid: 'b1', amountCents: 899 });
    const gone = await validateRedemptions(p, ctx(check), [{ identifier: 'free-burger', selectionGuid: 'b9', appliedDiscountGuid: 'y' }]);
    expect(gone.rejected[0]).to.include({ reason: 'ITEM_NOT_ON_CHECK' });
  });

  it('nothing below zero: check-level redemptions stop at the check total', async () => {
    const p = program([freeFries, { id: 'ten', name: '$10 Off', type: 'AMOUNT_OFF_CHECK', amountCents: 1000 }]);
    const check = toastCheck([sel(ITEM.fries, 3.49), sel(ITEM.burger, 8.99)]);
    const { applied, rejected } = await validateRedemptions(p, ctx(check), [
      { identifier: 'free-fries', appliedDiscountGuid: 'a' }, { identifier: 'ten', appliedDiscountGuid: 'b' }, { identifier: 'ten', appliedDiscountGuid: 'c' },
    ]);
    expect(applied.map((a) => a.amountCents)).to.deep.equal([349, 899]);
    expect(rejected.map((r) => r.reason)).to.deep.equal(['NOTHING_TO_DISCOUNT']);
  });
});
