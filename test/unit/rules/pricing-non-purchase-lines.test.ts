import { expect } from 'chai';
import { accrual, offers, validateRedemptions, type Reward } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, program, sel, toastCheck } from './helpers.js';
import { at, check, line } from './lines.js';

const PLATTER = 'item-platter';
const tenOff: Reward = { id: 'ten-off', name: '$10 Off', type: 'AMOUNT_OFF_CHECK', amountCents: 1000 };
const tenOffOver20: Reward = { ...tenOff, id: 'ten-off-20', name: '$10 Off $20', minSubtotalCents: 2000 };
const half: Reward = { id: 'half', name: '50% Off', type: 'PERCENT_OFF_CHECK', percent: 50 };
const bogo: Reward = {
  id: 'bogo', name: 'BOGO Burgers', type: 'BOGO',
  buy: { items: { menuGroups: [GROUP.burgers] }, quantity: 1 }, get: { items: { menuGroups: [GROUP.burgers] }, quantity: 1 },
};
const freeBurger: Reward = { id: 'free-burger', name: 'Free Burger', type: 'FREE_ITEM', items: { menuGroups: [GROUP.burgers] } };
/** A $22 platter and a −$15 refund line: $7.00 is due. */
const refunded = () => check([line(PLATTER, 2200, { group: null }), line(PLATTER, -1500, { group: null, guid: 'refund' })]);

describe('pricing: refund and quantity-0 lines are not purchases; money uses the net of the check', () => {
  it('a check-level discount never exceeds the net: $10 off a $22 − $15 check is $7.00', async () => {
    const { offers: [offer] } = await offers(program([tenOff]), at(refunded()));
    expect(offer).to.include({ applicable: true, amountCents: 700 });
    const { applied } = await validateRedemptions(program([tenOff]), at(refunded()), [{ identifier: 'ten-off', appliedDiscountGuid: 'd' }]);
    expect(applied[0]?.amountCents).to.equal(700);
  });

  it('through the Toast edge: a −$15.00 refund selection (signed as Toast sends it) nets the check', async () => {
    const raw = toastCheck([sel(PLATTER, 22, { group: null }), sel(PLATTER, -15, { group: null })]);
    const result = await offers(program([tenOff, tenOffOver20]), ctx(raw));
    expect(result.offers.map((o) => [o.identifier, o.amountCents, o.reasons])).to.deep.equal([['ten-off', 700, []], ['ten-off-20', 0, ['MIN_SUBTOTAL:2000']]]);
    expect((await accrual(program([]), ctx(raw))).points).to.equal(7);
  });

  it('a $20 minimum is judged on the net ($7.00): MIN_SUBTOTAL', async () => {
    expect((await offers(program([tenOffOver20]), at(refunded()))).offers[0]?.reasons).to.deep.equal(['MIN_SUBTOTAL:2000']);
  });

  it('percentages are of the net: 50% of $7.00 is $3.50', async () => {
    expect((await offers(program([half]), at(refunded()))).offers[0]?.amountCents).to.equal(350);
  });

  it('checkSubtotalCents is the net: an "$8 or more" bonus does not fire on $7.00, and base points are on $7.00', async () => {
    const p = program([], { promotions: [{ id: 'over-8', name: 'Over $8', kind: 'BONUS', points: 100, eligibility: { all: [{ fact: 'checkSubtotalCents', operator: 'greaterThanInclusive', value: 800 }] } }] });
    const result = await accrual(p, at(refunded()));
    expect(result.points).to.equal(7);
    expect(result.breakdown.map((l) => l.ruleId)).to.deep.equal(['earning']);
  });

  it('BOGO never picks a refund line as the "cheapest": it discounts the cheaper real burger', async () => {
    const c = check([line(ITEM.burger, 899, { guid: 'b1' }), line(ITEM.cheese, 999, { guid: 'b2' }), line(ITEM.burger, -899, { guid: 'r' })]);
    const { offers: [offer] } = await offers(program([bogo]), at(c));
    expect(offer).to.deep.include({ applicable: true, itemApplication: [{ selectionIdentifier: 'b1', amountCents: 899 }] });
  });

  it('a refunded burger does not count towards the buy side', async () => {
    const c = check([line(ITEM.burger, 899), line(ITEM.burger, -899)]);
    expect((await offers(program([bogo]), at(c))).offers[0]?.reasons).to.deep.equal(['BUY_ITEMS_MISSING']);
  });

  it('a quantity-0 line is never a unit to discount', async () => {
    const c = check([line(ITEM.burger, 0, { qty: 0, guid: 'zero' }), line(ITEM.fries, 349)]);
    expect((await offers(program([freeBurger]), at(c))).offers[0]?.reasons).to.deep.equal(['ITEM_NOT_ON_CHECK']);
    const { rejected } = await validateRedemptions(program([freeBurger]), at(c), [{ identifier: 'free-burger', selectionGuid: 'zero', appliedDiscountGuid: 'd' }]);
    expect(rejected[0]?.reason).to.equal('ITEM_NOT_ON_CHECK');
  });

  it('a quantity-0 burger earns no per-unit bonus, a refunded one neither', async () => {
    const p = program([], { promotions: [{ id: 'burger-bonus', name: 'Burger bonus', kind: 'ITEM_BONUS', items: { menuGroups: [GROUP.burgers] }, pointsPerUnit: 10 }] });
    const result = await accrual(p, at(check([line(ITEM.burger, 0, { qty: 0 }), line(ITEM.burger, -899), line(ITEM.fries, 1200)])));
    expect(result.breakdown.find((l) => l.ruleId === 'burger-bonus')).to.equal(undefined);
    expect(result.points).to.equal(3);
  });

  it('item counts leave refund and quantity-0 lines out', async () => {
    const p = program([{ ...freeBurger, eligibility: { all: [{ fact: 'itemCount', operator: 'greaterThanInclusive', value: 2 }] } }]);
    const c = check([line(ITEM.burger, 899), line(ITEM.fries, 0, { qty: 0 }), line(ITEM.fries, -349)]);
    expect((await offers(p, at(c))).offers[0]?.reasons).to.deep.equal(['CONDITIONS_NOT_MET:itemCount']);
  });
});
