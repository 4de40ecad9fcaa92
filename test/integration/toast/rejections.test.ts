/**
 * Issue 8 §3: every invalid redemption is answered (003: "you must include a
 * RejectedRedemption"). Whatever shape Toast sent — `itemId`, `selectionGuid`,
 * `appliedDiscountGuid`, a MULTI_ITEM bundle, or no reference at all — the rejection echoes what
 * was sent so the POS can remove it; nothing is dropped because its discount is not on the check.
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { check, inquireRequest, redeemRequest, redemption, selection } from '../../support/toast-requests.js';

describe('Toast webhook: every invalid redemption is answered', () => {
  let t: TestApp;
  let memberId: string;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'rejections' });
    memberId = (await seedMember(t.deps, { points: 1000 })).loyaltyIdentifier;
  });
  after(async () => { await t.close(); });

  const submitted = [
    redemption('gone-1', { itemId: 'item-77', amount: 5, quantity: 2 }),
    redemption('free-fries', { selectionGuid: 'sel-not-on-check', amount: '3.49' }),
    redemption('gone-2', { appliedDiscountGuid: 'ad-unknown', amount: 1.005 }),
    redemption('combo', {
      multiItemDiscountGuid: 'multi-9', quantity: 1,
      itemApplication: [{ selectionIdentifier: 'sel-a', amount: 9.5, appliedDiscountIdentifier: 'ad-a' }, { selectionIdentifier: 'sel-b', amount: 0, appliedDiscountIdentifier: 'ad-b' }],
    }),
    { identifier: 'gone-3' },
    { identifier: null, amount: null, quantity: null },
  ];
  const echoed = [
    { identifier: 'gone-1', itemId: 'item-77', amount: 5, quantity: 2 },
    { identifier: 'free-fries', selectionGuid: 'sel-not-on-check', amount: 3.49, quantity: 1 },
    { identifier: 'gone-2', appliedDiscountGuid: 'ad-unknown', amount: 1.01, quantity: 1 },
    { identifier: 'combo', multiItemDiscountGuid: 'multi-9', quantity: 1, itemApplication: [
      { selectionIdentifier: 'sel-a', amount: 9.5, appliedDiscountIdentifier: 'ad-a' }, { selectionIdentifier: 'sel-b', amount: 0, appliedDiscountIdentifier: 'ad-b' },
    ] },
    { identifier: 'gone-3' },
    {},
  ];

  for (const type of ['LOYALTY_INQUIRE', 'LOYALTY_REDEEM'] as const) {
    it(`${type}: one rejection per submitted redemption, in order, echoing each shape as sent`, async () => {
      const build = type === 'LOYALTY_INQUIRE' ? inquireRequest : redeemRequest;
      const r = await toast(t.app, type, build(memberId, { check: check({ selections: [selection({ price: 20 })] }), redemptions: submitted as never }));
      expect([r.status, r.body.transactionStatus]).to.deep.equal([200, 'ACCEPT']);
      const rejected = r.body.checkResponse?.rejectedRedemptions ?? [];
      expect(rejected.map((x) => x.redemption)).to.deep.equal(echoed);
      expect(rejected.every((x) => typeof x.message === 'string' && x.message.length > 0)).to.equal(true);
      expect(r.body.checkResponse?.appliedRedemptions).to.deep.equal([]);
    });
  }
});
