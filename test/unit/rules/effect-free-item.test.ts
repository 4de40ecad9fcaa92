import { expect } from 'chai';
import { offers } from '../../../rules/index.js';
import { ctx, freeBurger, ITEM, modifier, program, sel, toastCheck } from './helpers.js';

describe('reward FREE_ITEM', () => {
  it('discounts one unit of the matching selection, identified by its selection GUID', async () => {
    const check = toastCheck([sel(ITEM.burger, 8.99, { guid: 'sel-b' }), sel(ITEM.fries, 3.49)]);
    const [offer] = (await offers(program([freeBurger]), ctx(check))).offers;
    expect(offer).to.include({ identifier: 'free-burger', applicable: true, selectionType: 'ITEM', amountCents: 899 });
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'sel-b', amountCents: 899 }]);
  });

  it('on a selection of quantity 3 discounts one unit (rounded half away from zero)', async () => {
    const check = toastCheck([sel(ITEM.burger, 26.96, { qty: 3 })]);
    const [offer] = (await offers(program([freeBurger]), ctx(check))).offers;
    expect(offer?.amountCents).to.equal(899); // 2696 / 3 = 898.67
  });

  it('includes priced modifiers by default and excludes them with modifiers: EXCLUDE', async () => {
    const check = toastCheck([sel(ITEM.burger, 10.49, { modifiers: [modifier(ITEM.bacon, 1.5)] })]);
    const include = (await offers(program([freeBurger]), ctx(check))).offers[0];
    const exclude = (await offers(program([{ ...freeBurger, modifiers: 'EXCLUDE' }]), ctx(check))).offers[0];
    expect(include?.amountCents).to.equal(1049);
    expect(exclude?.amountCents).to.equal(899);
  });

  it('picks the priciest matching selection', async () => {
    const check = toastCheck([sel(ITEM.burger, 8.99), sel(ITEM.cheese, 9.99, { guid: 'sel-cheese' })]);
    const [offer] = (await offers(program([freeBurger]), ctx(check))).offers;
    expect(offer?.itemApplication?.[0]?.selectionIdentifier).to.equal('sel-cheese');
  });

  it('is not applicable with ITEM_NOT_ON_CHECK when nothing matches', async () => {
    const [offer] = (await offers(program([freeBurger]), ctx(toastCheck([sel(ITEM.fries, 3.49)])))).offers;
    expect(offer).to.include({ applicable: false, amountCents: 0 });
    expect(offer?.reasons).to.deep.equal(['ITEM_NOT_ON_CHECK']);
    expect(offer?.itemApplication).to.equal(undefined);
  });
});
