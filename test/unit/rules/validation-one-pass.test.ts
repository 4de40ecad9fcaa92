/**
 * Validation reports every problem of a file in one pass: schema and meaning together, each once,
 * in words that say what to write. The file is the coffee-shop program a reader of the old
 * rules/README.md wrote (issue 17): 14 documented mistakes and one wrong condition value.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { validateProgram } from '../../../rules/index.js';

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const errorsOf = (json: unknown): string[] => {
  const r = validateProgram(json);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
};

describe('validation in one pass', () => {
  it('lists the schema errors and the meaning errors of one file together, each once, none "undefined"', () => {
    const errors = errorsOf(read('test/fixtures/rules/coffee-as-documented.json'));
    expect(errors).to.have.members([
      '/promotions/0/kind is required: one of BONUS, ITEM_BONUS, MULTIPLIER (found "type": this list names it "kind")',
      '/promotions/1/pointsPerUnit is required',
      '/promotions/1/points is not a known property (known here: id, name, description, eligibility, schedule, locations, members, items, pointsPerUnit, kind)',
      '/tiers/levels/0/id is required',
      '/tiers/levels/1/id is required',
      '/shopWithPoints/rate must be an object {…} (got 100)',
      '/rewards/0/items is required',
      '/rewards/0/salesCategories is not a known property (known here: id, name, description, pointsCost, eligibility, schedule, locations, members, limits, expiresAt, combinesWithNonLoyaltyDiscounts, items, modifiers, type)',
      '/policies/membership is required',
      '/policies/reversal is required',
      '/policies/stacking/combineWithNonLoyaltyDiscounts is required',
      '/policies/visibility must be an object {…} (got "HIDE")',
      '/policies/expiry/mode is required',
      '/policies/expiry/type is not a known property (known here: mode, days)',
      '/rewards/1/eligibility/all/0/value must be a number for minuteOfDay lessThan',
    ]);
    expect(new Set(errors).size).to.equal(errors.length);
    for (const e of errors) expect(e).not.to.match(/undefined|null/);
  });

  it('a meaning check that cannot read a malformed part is skipped, and nothing is reported again below a refused path', () => {
    const demo = read('rules/programs/demo.json') as { rewards: unknown[]; promotions: unknown[] };
    demo.rewards[0] = { id: 'free-fries', name: 'Free Fries', type: 'FREE_ITEM', items: 'fries', eligibility: { all: 'yes' } };
    demo.promotions[0] = { id: 'free-fries', name: 'Clash', kind: 'BONUS', points: 5, schedule: { hours: [{ start: '09:00', end: '09:00' }] } };
    const errors = errorsOf(demo);
    expect(errors).to.include('/rewards/0/items must be an object {…} (got "fries")');
    expect(errors).to.include('/rewards/0/eligibility/all must be a list […] (got "yes")');
    // The promotion is well-formed, so its meaning is checked although the file has schema errors.
    expect(errors).to.include('/promotions/0/schedule/hours/0 start and end are equal: the window never occurs');
    expect(errors).to.include('/promotions/0/id "free-fries" is also a reward id: promotion and reward ids must differ');
    expect(errors.filter((e) => e.startsWith('/rewards/0/eligibility'))).to.have.length(1);
    expect(new Set(errors).size).to.equal(errors.length);
  });

  it('a file that is not an object gets one error', () => {
    expect(errorsOf([1, 2])).to.deep.equal([' must be an object {…} (got [1,2])']);
  });
});
