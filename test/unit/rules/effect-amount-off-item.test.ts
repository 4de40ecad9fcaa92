import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, modifier, program, sel, toastCheck } from './helpers.js';

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

describe('reward AMOUNT_OFF_ITEM with "modifiers": "EXCLUDE"', () => {
  it('caps at the item price without its modifiers: $10 off a $8.99 burger with $1.50 bacon is $8.99', async () => {
    const ten: Reward = { ...twoOff, amountCents: 1000, modifiers: 'EXCLUDE' };
    const c = toastCheck([sel(ITEM.burger, 10.49, { guid: 'b', modifiers: [modifier(ITEM.bacon, 1.5)] })]);
    const [offer] = (await offers(program([ten]), ctx(c))).offers;
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'b', amountCents: 899 }]);
    const [included] = (await offers(program([{ ...ten, modifiers: 'INCLUDE' }]), ctx(c))).offers;
    expect(included?.amountCents).to.equal(1000);
  });
});
