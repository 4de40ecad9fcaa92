import { expect } from 'chai';
import { accrual, offers, validateRedemptions } from '../../../rules/index.js';
import { ctx, freeBurger, ITEM, member, program, sel, toastCheck } from './helpers.js';

const membership = (m: Record<string, boolean>) => ({
  policies: {
    stacking: { maxRewardsPerCheck: null, combineWithNonLoyaltyDiscounts: true }, visibility: { unaffordableRewards: 'SHOW_WITH_PROGRESS' },
    membership: { starterMayEarn: true, starterMayRedeem: true, autoEnrolOnPhoneLookup: true, ...m }, reversal: { clamp: 'ZERO' }, expiry: { mode: 'NONE' },
  },
});
const check = () => toastCheck([sel(ITEM.burger, 8.99)]);

describe('policy: membership', () => {
  it('starters must register to redeem when starterMayRedeem is false', async () => {
    const p = program([freeBurger], membership({ starterMayRedeem: false }));
    const starter = ctx(check(), { member: member({ status: 'STARTER' }) });
    expect((await offers(p, starter)).offers[0]?.reasons).to.deep.equal(['REQUIRES_REGISTRATION']);
    expect((await validateRedemptions(p, starter, [{ identifier: 'free-burger', appliedDiscountGuid: 'a' }])).rejected[0]?.reason).to.equal('REQUIRES_REGISTRATION');
    expect((await offers(p, ctx(check()))).offers[0]?.applicable).to.equal(true);
  });

  it('starters may redeem when allowed', async () => {
    const p = program([freeBurger], membership({ starterMayRedeem: true }));
    expect((await offers(p, ctx(check(), { member: member({ status: 'STARTER' }) }))).offers[0]?.applicable).to.equal(true);
  });

  it('starterMayEarn false: starters accrue nothing, with the reason in the breakdown', async () => {
    const p = program([], membership({ starterMayEarn: false }));
    const result = await accrual(p, ctx(check(), { member: member({ status: 'STARTER' }) }));
    expect(result.points).to.equal(0);
    expect(result.breakdown[0]?.detail).to.equal('STARTER_MAY_NOT_EARN');
  });

  it('suspended members get no offers and no points; anonymous checks get no offers but do accrue (for a later claim)', async () => {
    const p = program([freeBurger]);
    const suspended = ctx(check(), { member: member({ status: 'SUSPENDED' }) });
    expect((await offers(p, suspended)).notOffered).to.deep.equal([{ rewardId: 'free-burger', reasons: ['MEMBER_SUSPENDED'] }]);
    expect((await accrual(p, suspended)).points).to.equal(0);
    const anonymous = ctx(check(), { member: null });
    expect((await offers(p, anonymous)).notOffered[0]?.reasons).to.deep.equal(['NO_MEMBER']);
    expect((await accrual(p, anonymous)).points).to.equal(8);
  });

  it('exposes autoEnrolOnPhoneLookup, reversal clamp and expiry for the services', () => {
    const p = program([], { ...membership({ autoEnrolOnPhoneLookup: false }) });
    expect(p.policies.membership.autoEnrolOnPhoneLookup).to.equal(false);
    expect(p.policies.reversal.clamp).to.equal('ZERO');
    expect(p.policies.expiry.mode).to.equal('NONE');
  });
});
