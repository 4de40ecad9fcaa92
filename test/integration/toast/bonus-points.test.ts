/**
 * Issue 8 §7: a BONUS_POINTS reward through the register — shown at INQUIRE as a $0 check-level
 * offer, recorded (and paid for) at REDEEM, credited when the check's ACCRUE posts, undone by
 * REVERSE. The cafe sample program's "Double Points This Visit" (100 points, checks of $25+).
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { balanceOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import {
  accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, reverseRequest, selection,
} from '../../support/toast-requests.js';

const CAFE = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';
const LATTE = { guid: 'c0ffee00-0001-4a6b-9c8d-000000000001', entityType: 'MenuItem' };
const DRINKS = { guid: 'c0ffee00-2001-4a6b-9c8d-000000002001', entityType: 'SalesCategory' };

describe('Toast webhook: BONUS_POINTS at the register', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'bonus' }); });
  after(async () => { await t.close(); });

  it('INQUIRE shows it at $0; REDEEM debits its cost; ACCRUE credits the bonus with the check; REVERSE undoes both', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe', points: 150 });
    const id = member.loyaltyIdentifier;
    const lines = [selection({ price: 25, item: LATTE, salesCategory: DRINKS, displayName: 'Catering carafe' })];
    const open = check({ selections: lines });
    const inquire = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(id, { check: open }), { restaurant: CAFE });
    expect(inquire.body.checkResponse?.offers?.find((o) => o.identifier === 'double-visit')).to.include({
      identifier: 'double-visit', name: 'Double Points This Visit', applicable: true, selectionType: 'CHECK', amount: 0,
      description: 'Doubles the points a check of $25 or more earns; credited when the check is paid',
    });
    const discount = loyaltyDiscount('double-visit', 0);
    const redeemGuid = randomUUID();
    const redeem = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(id, { check: { ...open, appliedDiscounts: [discount] }, redemptions: [redemption('double-visit')] }), { restaurant: CAFE, guid: redeemGuid });
    expect(redeem.body.checkResponse?.appliedRedemptions).to.deep.equal([{ identifier: 'double-visit', appliedDiscountGuid: discount.guid, quantity: 1, name: 'Double Points This Visit', amount: 0 }]);
    expect(await balanceOf(t.deps, member)).to.equal(50);
    const accrueGuid = randomUUID();
    const paid = paidCheck({ guid: open.guid, selections: lines, appliedDiscounts: [discount] });
    const accrue = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(id, { check: paid }), { restaurant: CAFE, guid: accrueGuid });
    expect(accrue.body.checkResponse?.userMessage).to.equal('You earned 500 points on this visit.');
    const acc = await t.deps.models.Accrual.findOne({ checkGuid: open.guid }).lean();
    expect(await postAccrual(t.deps, String(acc!._id), t.clock.now())).to.equal('POSTED');
    const posted = await t.deps.models.Accrual.findById(acc!._id).lean();
    expect((posted?.breakdown as { ruleId: string; points: number }[]).find((l) => l.ruleId === 'double-visit')?.points).to.equal(250);
    expect(await balanceOf(t.deps, member)).to.equal(550);
    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(accrueGuid, id), { restaurant: CAFE });
    expect(await balanceOf(t.deps, member)).to.equal(50);
    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(redeemGuid, id), { restaurant: CAFE });
    expect(await balanceOf(t.deps, member)).to.equal(150);
  });
});
