import { expect } from 'chai';
import { validateProgram, type Reward } from '../../../rules/index.js';
import { freeFries, LOC } from './helpers.js';

/** A valid program body (plain JSON, so a test can make it wrong anywhere). */
function body(over: Record<string, unknown> = {}, stacking: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test', name: 'Test', version: 't1', currency: 'USD',
    locations: [{ guid: LOC, name: 'Test', timezone: 'America/New_York', tags: [] }],
    earning: { points: 1, perCents: 100 }, promotions: [], rewards: [freeFries],
    policies: {
      stacking: { maxRewardsPerCheck: 1, combineWithNonLoyaltyDiscounts: true, ...stacking },
      visibility: { unaffordableRewards: 'SHOW_WITH_PROGRESS' },
      membership: { starterMayEarn: true, starterMayRedeem: true, autoEnrolOnPhoneLookup: true },
      reversal: { clamp: 'ZERO' }, expiry: { mode: 'NONE' },
    },
    fixtures: [], ...over,
  };
}
const errorsOf = (json: unknown): string[] => {
  const r = validateProgram(json);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
};
const when = (all: Record<string, unknown>[]): Reward => ({ ...freeFries, eligibility: { all } as unknown as Reward['eligibility'] });

describe('validateProgram: rule files that cannot mean anything are refused with a path', () => {
  it('a promotion id equal to a reward id', () => {
    const promotions = [{ id: 'free-fries', name: 'Bonus', kind: 'BONUS', points: 10 }];
    expect(errorsOf(body({ promotions }))).to.deep.equal(['/promotions/0/id "free-fries" is also a reward id: promotion and reward ids must differ']);
  });

  it('two tiers with the same minPoints', () => {
    const tiers = { basis: 'LIFETIME', levels: [{ id: 'silver', name: 'Silver', minPoints: 0 }, { id: 'gold', name: 'Gold', minPoints: 500 }, { id: 'plat', name: 'Platinum', minPoints: 500 }] };
    expect(errorsOf(body({ tiers }))).to.deep.equal(['/tiers/levels/2/minPoints same minPoints as tier "gold": which tier applies would be arbitrary']);
  });

  it('a condition that can never be true: minuteOfDay beyond 1439, a negative count, a fractional minute', () => {
    const rewards = [when([
      { fact: 'minuteOfDay', operator: 'greaterThan', value: 1439 },
      { fact: 'itemCount', operator: 'lessThan', value: 0 },
      { fact: 'minuteOfDay', operator: 'equal', value: 600.5 },
      { fact: 'minuteOfDay', operator: 'in', value: [1440, 2000] },
    ])];
    expect(errorsOf(body({ rewards }))).to.have.members([
      '/rewards/0/eligibility/all/0/value minuteOfDay greaterThan 1439 can never be true',
      '/rewards/0/eligibility/all/1/value itemCount lessThan 0 can never be true',
      '/rewards/0/eligibility/all/2/value minuteOfDay equal 600.5 can never be true',
      '/rewards/0/eligibility/all/3/value minuteOfDay in [1440,2000] can never be true',
    ]);
  });

  it('an "all" whose conditions on one fact leave no value', () => {
    const rewards = [when([
      { fact: 'checkSubtotalCents', operator: 'greaterThan', value: 5000 },
      { fact: 'checkSubtotalCents', operator: 'lessThanInclusive', value: 3000 },
    ])];
    expect(errorsOf(body({ rewards }))).to.deep.equal(['/rewards/0/eligibility/all the conditions on checkSubtotalCents can never all be true']);
  });

  it('conditions that can be true pass: the edges of minuteOfDay, a window, quantities of weighed items', () => {
    const rewards = [when([
      { fact: 'minuteOfDay', operator: 'greaterThanInclusive', value: 1439 },
      { fact: 'checkSubtotalCents', operator: 'greaterThan', value: 3000 },
      { fact: 'checkSubtotalCents', operator: 'lessThan', value: 3002 },
      { fact: 'itemCount', operator: 'lessThan', value: 0.5 },
    ])];
    expect(errorsOf(body({ rewards }))).to.deep.equal([]);
  });

  it('maxRewardsPerCheck 0 only with rewardsOff: true (and rewardsOff only with 0)', () => {
    expect(errorsOf(body({}, { maxRewardsPerCheck: 0 }))).to.deep.equal([
      '/policies/stacking/maxRewardsPerCheck 0 allows no reward on any check: set "rewardsOff": true to say rewards are off, or allow at least 1',
    ]);
    expect(errorsOf(body({}, { maxRewardsPerCheck: 0, rewardsOff: true }))).to.deep.equal([]);
    expect(errorsOf(body({}, { maxRewardsPerCheck: 2, rewardsOff: true }))).to.deep.equal(['/policies/stacking/rewardsOff rewards are off only with maxRewardsPerCheck 0']);
  });
});
