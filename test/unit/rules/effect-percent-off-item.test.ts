import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, ITEM, modifier, program, sel, toastCheck } from './helpers.js';

const pct: Reward = { id: 'fries-20', name: '20% Off Fries', type: 'PERCENT_OFF_ITEM', percent: 20, items: { menuItems: [ITEM.fries] } };
const first = async (reward: Reward, selections: Record<string, unknown>[]) => (await offers(program([reward]), ctx(toastCheck(selections)))).offers[0];

describe('reward PERCENT_OFF_ITEM', () => {
  it('takes the percentage of the whole selection (all units), as an ITEM offer', async () => {
    const offer = await first(pct, [sel(ITEM.fries, 6.98, { qty: 2, guid: 'f2' })]);
    expect(offer).to.include({ selectionType: 'ITEM', amountCents: 140 }); // 139.6 → 140
    expect(offer?.itemApplication).to.deep.equal([{ selectionIdentifier: 'f2', amountCents: 140 }]);
  });

  it('rounds half away from zero', async () => {
    expect((await first(pct, [sel(ITEM.fries, 3.99)]))?.amountCents).to.equal(80); // 79.8
    expect((await first({ ...pct, percent: 50 }, [sel(ITEM.fries, 0.05)]))?.amountCents).to.equal(3); // 2.5
  });

  it('excludes priced modifiers when asked', async () => {
    const line = sel(ITEM.fries, 5, { modifiers: [modifier(ITEM.cheese, 1)] });
    expect((await first({ ...pct, modifiers: 'EXCLUDE' }, [line]))?.amountCents).to.equal(80);
    expect((await first(pct, [line]))?.amountCents).to.equal(100);
  });
});
