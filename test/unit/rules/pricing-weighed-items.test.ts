import { expect } from 'chai';
import { accrual, offers, validateRedemptions, type Reward } from '../../../rules/index.js';
import { ITEM, program } from './helpers.js';
import { at, check, line } from './lines.js';

/** A steak sold by the pound at $20.00/LB. */
const STEAK = 'item-steak';
const steaks = { menuItems: [STEAK] };
const freeSteak: Reward = { id: 'free-steak', name: 'A Pound Free', type: 'FREE_ITEM', items: steaks };
const bogo: Reward = { id: 'bogo-steak', name: 'Pound for Pound', type: 'BOGO', buy: { items: steaks, quantity: 1 }, get: { items: steaks, quantity: 1 } };
const fifteen: Reward = { id: 'steak-15', name: 'Steak at $15/LB', type: 'PRICE_ADJUSTMENT', priceCents: 1500, items: steaks };
const lb = (qty: number, guid?: string) => line(STEAK, Math.round(qty * 2000), { qty, uom: 'LB', group: null, ...(guid ? { guid } : {}) });
const offerOf = async (reward: Reward, lines: ReturnType<typeof lb>[]) => (await offers(program([reward]), at(check(lines)))).offers[0];

describe('pricing: weighed items (one unit = one unit of measure at the line unit price)', () => {
  it('FREE_ITEM on a 2.5 LB line gives one pound ($20.00), not the whole $50 line', async () => {
    expect(await offerOf(freeSteak, [lb(2.5, 's')])).to.deep.include({ applicable: true, amountCents: 2000, itemApplication: [{ selectionIdentifier: 's', amountCents: 2000 }] });
  });

  it('a line under one unit counts as its fraction: FREE_ITEM on 0.5 LB gives the $10.00 line', async () => {
    expect((await offerOf(freeSteak, [lb(0.5)]))?.amountCents).to.equal(1000);
  });

  it('BOGO on one 2.01 LB line gives one pound ($20.00), not the whole $40.20', async () => {
    expect((await offerOf(bogo, [lb(2.01)]))?.amountCents).to.equal(2000);
  });

  it('BOGO on one 1.5 LB line: one pound bought, the remaining half pound given ($10.00); 1 LB alone gets nothing', async () => {
    expect((await offerOf(bogo, [lb(1.5)]))?.amountCents).to.equal(1000);
    expect((await offerOf(bogo, [lb(1)]))?.reasons).to.deep.equal(['BUY_ITEMS_MISSING']);
  });

  it('BOGO across two weighed lines discounts one pound of the cheaper line', async () => {
    const cheap = line(STEAK, 1800, { qty: 1.2, uom: 'LB', group: null, guid: 'cheap' });
    expect((await offerOf(bogo, [lb(1.5), cheap]))?.itemApplication).to.deep.equal([{ selectionIdentifier: 'cheap', amountCents: 1500 }]);
  });

  it('PRICE_ADJUSTMENT sets the price of one pound, or of the fraction on a line under one pound', async () => {
    expect((await offerOf(fifteen, [lb(2.5)]))?.amountCents).to.equal(500);
    expect((await offerOf(fifteen, [lb(0.5)]))?.amountCents).to.equal(250);
  });

  it('redemption validation prices the same way as the offer', async () => {
    const { applied } = await validateRedemptions(program([freeSteak]), at(check([lb(2.5, 'w')])), [{ identifier: 'free-steak', selectionGuid: 'w', appliedDiscountGuid: 'd' }]);
    expect(applied[0]).to.include({ amountCents: 2000, selectionGuid: 'w' });
  });

  it('ITEM_BONUS multiplies the fraction and rounds with the program rounding', async () => {
    const earn = async (rounding: string, qty: number) => (await accrual(program([], {
      earning: { points: 1, perCents: 100, rounding },
      promotions: [{ id: 'steak-bonus', name: 'Steak bonus', kind: 'ITEM_BONUS', items: steaks, pointsPerUnit: 10 }],
    }), at(check([lb(qty)])))).breakdown.find((l) => l.ruleId === 'steak-bonus')?.points ?? 0;
    expect(await earn('FLOOR', 2.5)).to.equal(25);
    expect([await earn('FLOOR', 0.25), await earn('NEAREST', 0.25), await earn('CEIL', 0.25)]).to.deep.equal([2, 3, 3]);
  });

  it('itemCount and menuItemQuantity count a weighed line as its quantity', async () => {
    const p = program([{ ...freeSteak, eligibility: { all: [{ fact: 'menuItemQuantity', params: { guid: STEAK }, operator: 'greaterThanInclusive', value: 2 }] } }]);
    expect((await offers(p, at(check([lb(1.25), lb(0.8)])))).offers[0]?.applicable).to.equal(true);
    expect((await offers(p, at(check([lb(1.25), lb(0.7), line(ITEM.fries, 349)])))).offers[0]?.reasons).to.deep.equal(['CONDITIONS_NOT_MET:menuItemQuantity']);
  });
});
