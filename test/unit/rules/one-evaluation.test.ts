/**
 * One evaluation per check (issue 11 §3): offers, redemption validation and accrual come from one
 * json-rules-engine run, with the same answers the three separate calls give; a changed state of
 * the same check (REDEEM's offers after its debits) runs the conditions again only when a fact
 * they read changed.
 */
import { expect } from 'chai';
import { Engine } from 'json-rules-engine';
import { accrual, checkAnswers, offers, offersOf, restate, validateRedemptions, type Reward } from '../../../rules/index.js';
import { ctx, freeFries, ITEM, loyaltyDiscount, member, program, sel, toastCheck } from './helpers.js';

/** Counts json-rules-engine runs while `fn` runs. */
async function engineRuns<T>(fn: () => Promise<T>): Promise<{ runs: number; result: T }> {
  const original = Engine.prototype.run;
  let runs = 0;
  Engine.prototype.run = function counted(this: Engine, ...args: Parameters<Engine['run']>) {
    runs++;
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), runs };
  } finally {
    Engine.prototype.run = original;
  }
}

const bigSpender: Reward = {
  ...freeFries, id: 'big-spender', name: 'Big spender fries',
  eligibility: { all: [{ fact: 'checkSubtotalCents', operator: 'greaterThanInclusive', value: 1000 }] },
};
const richMember: Reward = {
  ...freeFries, id: 'rich-member', name: 'Rich member fries',
  eligibility: { all: [{ fact: 'pointsBalance', operator: 'greaterThanInclusive', value: 500 }] },
};

describe('one evaluation per check (issue 11 §3)', () => {
  it('checkAnswers runs the conditions once and answers what offers, validateRedemptions and accrual answer', async () => {
    const p = program([bigSpender, richMember]);
    const fries = sel(ITEM.fries, 3.49);
    const c = ctx(toastCheck([fries, sel(ITEM.burger, 8.99)]));
    const submitted = [{ identifier: 'big-spender', appliedDiscountGuid: 'ad-1', multiItemDiscountGuid: null, selectionGuid: String(fries.guid), quantity: 1 }];
    const one = await engineRuns(() => checkAnswers(p, c, submitted));
    expect(one.runs).to.equal(1);
    const three = await engineRuns(async () => ({
      offers: await offers(p, c), validation: await validateRedemptions(p, c, submitted), earn: await accrual(p, c),
    }));
    expect(three.runs).to.equal(3);
    expect(one.result.offers).to.deep.equal(three.result.offers);
    expect(one.result.validation).to.deep.equal(three.result.validation);
    expect(one.result.earn).to.deep.equal(three.result.earn);
    expect(one.result.validation.applied.map((a) => a.identifier)).to.deep.equal(['big-spender']);
  });

  it('restate keeps the condition outcomes when only what no condition reads changed (a discount added, usage)', async () => {
    const p = program([bigSpender]);
    const fries = sel(ITEM.fries, 3.49);
    const before = ctx(toastCheck([fries, sel(ITEM.burger, 8.99)]));
    const { evaluation } = await checkAnswers(p, before, []);
    const after = ctx(toastCheck([{ ...fries, appliedDiscounts: [loyaltyDiscount('big-spender', 3.49)] }, sel(ITEM.burger, 8.99)]), {
      member: member({ pointsBalance: 10, usage: { 'big-spender': { day: 1, week: 1, month: 1, total: 1 } } }),
    });
    const { runs, result } = await engineRuns(async () => offersOf(await restate(evaluation, after)));
    expect(runs).to.equal(0);
    expect(result).to.deep.equal(await offers(p, after));
  });

  it('restate runs the conditions again when a fact they read changed (the balance after a debit)', async () => {
    const p = program([richMember]);
    const check = toastCheck([sel(ITEM.fries, 3.49)]);
    const { evaluation, offers: first } = await checkAnswers(p, ctx(check, { member: member({ pointsBalance: 600 }) }), []);
    expect(first.offers.find((o) => o.identifier === 'rich-member')?.reasons).to.deep.equal([]);
    const after = ctx(check, { member: member({ pointsBalance: 400 }) });
    const { runs, result } = await engineRuns(async () => offersOf(await restate(evaluation, after)));
    expect(runs).to.equal(1);
    expect(result.offers.find((o) => o.identifier === 'rich-member')?.reasons).to.deep.equal(['CONDITIONS_NOT_MET:pointsBalance']);
    expect(result).to.deep.equal(await offers(p, after));
  });
});
