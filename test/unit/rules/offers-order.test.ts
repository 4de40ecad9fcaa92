import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, ITEM, member, program, sel, toastCheck } from './helpers.js';

const r = (id: string, name: string, pointsCost: number): Reward => ({ id, name, type: 'AMOUNT_OFF_CHECK', amountCents: 100, pointsCost });

describe('offers: Toast display order and shape', () => {
  it('applicable first, then alphabetical by name; identifiers are reward ids', async () => {
    const p = program([r('z', 'Zebra', 0), r('a', 'Apple', 500), r('m', 'Mango', 0), r('b', 'Banana', 10)]);
    const result = await offers(p, ctx(toastCheck([sel(ITEM.burger, 8.99)]), { member: member({ pointsBalance: 100 }) }));
    expect(result.offers.map((o) => [o.name, o.applicable])).to.deep.equal([['Banana', true], ['Mango', true], ['Zebra', true], ['Apple', false]]);
    expect(result.offers.map((o) => o.identifier)).to.deep.equal(['b', 'm', 'z', 'a']);
  });

  it('is deterministic: the same input gives the same output', async () => {
    const p = program([r('a', 'A', 10), r('b', 'B', 20)]);
    const c = ctx(toastCheck([sel(ITEM.burger, 8.99)]));
    expect(await offers(p, c)).to.deep.equal(await offers(p, c));
  });

  it('accepts the clock as epoch milliseconds too', async () => {
    const p = program([r('a', 'A', 10)]);
    const iso = await offers(p, ctx(toastCheck([sel(ITEM.burger, 8.99)])));
    const ms = await offers(p, ctx(toastCheck([sel(ITEM.burger, 8.99)]), { now: Date.parse('2026-07-15T15:00:00Z') }));
    expect(ms).to.deep.equal(iso);
  });
});
