import { expect } from 'chai';
import { offers, validateRedemptions, type Reward } from '../../../rules/index.js';
import { ctx, freeFries, ITEM, member, program, sel, toastCheck } from './helpers.js';

const limited: Reward = { ...freeFries, limits: { perDay: 1, perWeek: 2, perMonth: 3, total: 10 } };
const usage = (day: number, week: number, month: number, total: number) => ({ 'free-fries': { day, week, month, total } });
const check = () => toastCheck([sel(ITEM.fries, 3.49), sel(ITEM.fries, 3.49)]);

describe('reward limits and budgets', () => {
  for (const [label, u] of [['day', usage(1, 1, 1, 1)], ['week', usage(0, 2, 2, 2)], ['month', usage(0, 0, 3, 3)], ['total', usage(0, 0, 0, 10)]] as const) {
    it(`per-member ${label} limit reached → LIMIT_REACHED`, async () => {
      const [offer] = (await offers(program([limited]), ctx(check(), { member: member({ usage: u }) }))).offers;
      expect(offer?.reasons).to.deep.equal(['LIMIT_REACHED']);
    });
  }

  it('the limit also counts redemptions earlier in the same request', async () => {
    const { applied, rejected } = await validateRedemptions(program([limited]), ctx(check()), [
      { identifier: 'free-fries', appliedDiscountGuid: 'a' }, { identifier: 'free-fries', appliedDiscountGuid: 'b' },
    ]);
    expect(applied).to.have.length(1);
    expect(rejected[0]?.reason).to.equal('LIMIT_REACHED');
  });

  it('points are debited across redemptions of one request', async () => {
    const { applied, rejected } = await validateRedemptions(program([freeFries]), ctx(check(), { member: member({ pointsBalance: 60 }) }), [
      { identifier: 'free-fries', appliedDiscountGuid: 'a' }, { identifier: 'free-fries', appliedDiscountGuid: 'b' },
    ]);
    expect(applied.map((a) => a.pointsCost)).to.deep.equal([50]);
    expect(rejected[0]?.reason).to.equal('NEEDS_POINTS:40');
  });

  it('a budget caps the amount and hides the reward once spent', async () => {
    const budgeted: Reward = { ...freeFries, limits: { budgetCents: 10000 } };
    const low = await offers(program([budgeted]), ctx(check(), { member: member({ budgetUsed: { 'free-fries': 9800 } }) }));
    expect(low.offers[0]?.amountCents).to.equal(200);
    const spent = await offers(program([budgeted]), ctx(check(), { member: member({ budgetUsed: { 'free-fries': 10000 } }) }));
    expect(spent.notOffered).to.deep.equal([{ rewardId: 'free-fries', reasons: ['BUDGET_EXHAUSTED'] }]);
  });
});
