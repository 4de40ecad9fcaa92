import { expect } from 'chai';
import { offers } from '../../../rules/index.js';
import { ctx, freeBurger, ITEM, member, program, sel, toastCheck } from './helpers.js';

const policies = (unaffordableRewards: string) => ({
  policies: {
    stacking: { maxRewardsPerCheck: null, combineWithNonLoyaltyDiscounts: true }, visibility: { unaffordableRewards },
    membership: { starterMayEarn: true, starterMayRedeem: true, autoEnrolOnPhoneLookup: true }, reversal: { clamp: 'ZERO' }, expiry: { mode: 'NONE' },
  },
});
const c = () => ctx(toastCheck([sel(ITEM.burger, 8.99)]), { member: member({ pointsBalance: 60 }) });

describe('policy: visibility of unaffordable banked rewards', () => {
  it('SHOW_WITH_PROGRESS lists them greyed out with NEEDS_POINTS:<missing>', async () => {
    const result = await offers(program([freeBurger], policies('SHOW_WITH_PROGRESS')), c());
    expect(result.offers[0]).to.include({ applicable: false, quantity: 0 });
    expect(result.offers[0]?.reasons).to.deep.equal(['NEEDS_POINTS:40']);
  });

  it('HIDE leaves them out and reports why in notOffered', async () => {
    const result = await offers(program([freeBurger], policies('HIDE')), c());
    expect(result.offers).to.deep.equal([]);
    expect(result.notOffered).to.deep.equal([{ rewardId: 'free-burger', reasons: ['NEEDS_POINTS:40'] }]);
  });

  it('Offer.quantity is how many the balance can buy', async () => {
    const result = await offers(program([freeBurger]), ctx(toastCheck([sel(ITEM.burger, 8.99)]), { member: member({ pointsBalance: 250 }) }));
    expect(result.offers[0]?.quantity).to.equal(2);
  });
});
