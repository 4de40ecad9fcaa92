import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, program, sel, toastCheck } from './helpers.js';

const twoOff: Reward = { id: 'two-off-burger', name: '$2 Off a Burger', type: 'AMOUNT_OFF_ITEM', amountCents: 200, items: { menuGroups: [GROUP.burgers] } };

describe('reward AMOUNT_OFF_ITEM', () => {
  it('takes a fixed amount off one matching selection', async () => {
    const [offer] = (await offers(program([twoOff]), ctx(toastCheck([sel(ITEM.burger, 8.99, { guid: 'b' })])))).offers;
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'b', amountCents: 200 }]);
  });

  it('never takes the selection below zero', async () => {
    const [offer] = (await offers(program([{ ...twoOff, amountCents: 5000 }]), ctx(toastCheck([sel(ITEM.burger, 8.99)])))).offers;
    expect(offer?.amountCents).to.equal(899);
  });
});
