import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, fiveOff, ITEM, program, sel, toastCheck } from './helpers.js';

describe('reward AMOUNT_OFF_CHECK', () => {
  it('is a CHECK offer of the fixed amount', async () => {
    const [offer] = (await offers(program([fiveOff]), ctx(toastCheck([sel(ITEM.burger, 8.99)])))).offers;
    expect(offer).to.include({ selectionType: 'CHECK', amountCents: 500, applicable: true, pointsCost: 100 });
    expect(offer?.itemApplication).to.equal(undefined);
  });

  it('never takes the check below zero', async () => {
    const [offer] = (await offers(program([fiveOff]), ctx(toastCheck([sel(ITEM.fries, 3.49)])))).offers;
    expect(offer?.amountCents).to.equal(349);
  });

  it('respects minSubtotalCents', async () => {
    const reward: Reward = { ...fiveOff, minSubtotalCents: 2000 };
    const [offer] = (await offers(program([reward]), ctx(toastCheck([sel(ITEM.burger, 8.99)])))).offers;
    expect(offer?.reasons).to.deep.equal(['MIN_SUBTOTAL:2000']);
  });
});
