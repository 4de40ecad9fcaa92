/**
 * Toast's loyalty go-live test plan (contract §6.1), cases 14–30: item, check and BOGO
 * redemptions carried to payment, accrual, voids (reversals) and a partial redemption reverse.
 * "Payment succeeds" = the ACCRUE of the paid check is accepted and its points are posted.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import {
  accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, reverseRequest, selection,
} from '../../support/toast-requests.js';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import type { Check, Selection } from '../../../server/toast/schemas/index.js';

const ACCEPT = '{"transactionStatus":"ACCEPT"}';
const CAFE = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';
const PAID_AT = '2026-12-01T15:00:00.000+0000';

describe('Toast go-live plan 14–30: redemption, accrual and reversal', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'golive2' }); });
  after(async () => { await t.close(); });

  /** Redeems `rewardId` on `selections` (the discount applied to `target` when given). */
  async function redeemOn(member: MemberRecord, rewardId: string, selections: Selection[], target?: Selection, amount = 0) {
    const discount = loyaltyDiscount(rewardId, amount);
    const sels = selections.map((s) => (s === target ? { ...s, appliedDiscounts: [discount] } : s));
    const c = check({ selections: sels, appliedDiscounts: target ? [] : [discount] });
    const guid = randomUUID();
    const reply = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, {
      check: c, redemptions: [redemption(rewardId, { selectionGuid: target?.guid ?? null, appliedDiscountGuid: discount.guid })],
    }), { guid });
    return { reply, guid, check: c, discount };
  }

  /** Pays the check: ACCRUE accepted, then the worker's job posts the points. */
  async function pay(member: MemberRecord | null, c: Check) {
    const guid = randomUUID();
    // Paid at 10 am in New York: outside the demo's double-points hours.
    const paid = { ...paidCheck(c), paidDate: PAID_AT, closedDate: PAID_AT };
    const reply = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member?.loyaltyIdentifier ?? null, { check: paid }), { guid });
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    if (stored?.accrualId) await postAccrual(t.deps, stored.accrualId, t.clock.now());
    return { reply, guid };
  }

  it('14–16. item-level reward: applied to the target item with the right amount, carried to payment, paid', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const friesSel = fries(3.49);
    const { reply, check: c } = await redeemOn(member, 'free-fries', [burger(), friesSel], friesSel, 3.49);
    expect(reply.body.checkResponse!.appliedRedemptions).to.deep.equal([{
      identifier: 'free-fries', selectionGuid: friesSel.guid, quantity: 1, name: 'Free Fries',
      appliedDiscountGuid: reply.body.checkResponse!.appliedRedemptions![0]!.appliedDiscountGuid, amount: 3.49,
    }]);
    expect(await balanceOf(t.deps, member)).to.equal(10);
    const paid = await pay(member, c);
    expect(paid.reply.body.checkResponse!.userMessage).to.match(/You earned \d+ points?/);
    expect(await balanceOf(t.deps, member)).to.be.greaterThan(10);
  });

  it('17–19. check-level reward: $10 off, carried to payment, paid', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const { reply, check: c } = await redeemOn(member, 'ten-off', [burger(8.99), burger(8.99)], undefined, 10);
    expect(reply.body.checkResponse!.appliedRedemptions![0]).to.include({ identifier: 'ten-off', amount: 10 });
    expect(await balanceOf(t.deps, member)).to.equal(50);
    expect((await pay(member, c)).reply.status).to.equal(200);
  });

  it('20–24. BOGO: unavailable with one burger, redeemable with two, applied to the target, paid', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const one = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: check({ selections: [burger()] }) }));
    expect(one.body.checkResponse!.offers!.find((o) => o.identifier === 'bogo-burger-tuesday')!.applicable).to.equal(false);
    const [a, b] = [burger(8.99), burger(7.99)];
    const two = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: check({ selections: [a, b] }) }));
    const bogo = two.body.checkResponse!.offers!.find((o) => o.identifier === 'bogo-burger-tuesday')!;
    expect(bogo.applicable).to.equal(true);
    expect(bogo.itemApplication).to.deep.equal([{ selectionIdentifier: b.guid, amount: 7.99 }]);
    const { reply, check: c } = await redeemOn(member, 'bogo-burger-tuesday', [a, b], b, 7.99);
    expect(reply.body.checkResponse!.appliedRedemptions![0]).to.include({ selectionGuid: b.guid, amount: 7.99 });
    expect((await pay(member, c)).reply.status).to.equal(200);
  });

  it('25. accrual without a reward: the accrual message is shown and the points posted', async () => {
    const member = await seedMember(t.deps, {});
    const { reply } = await pay(member, check({ selections: [burger(12)] }));
    expect(reply.body.checkResponse!.userMessage).to.equal('You earned 12 points on this visit.');
    expect(await balanceOf(t.deps, member)).to.equal(12);
  });

  it('26. voiding the order reverses the accrual', async () => {
    const member = await seedMember(t.deps, {});
    const { guid } = await pay(member, check({ selections: [burger(20)] }));
    expect(await balanceOf(t.deps, member)).to.equal(20);
    const r = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier));
    expect(r.text).to.equal(ACCEPT);
    expect(await balanceOf(t.deps, member)).to.equal(0);
  });

  it('27–28. accrual plus redemption; voiding reverses the redemption (points back once)', async () => {
    const member = await seedMember(t.deps, { points: 100 });
    const friesSel = fries(3.49);
    const { guid, check: c } = await redeemOn(member, 'free-fries', [burger(10), friesSel], friesSel, 3.49);
    await pay(member, c);
    const afterPay = await balanceOf(t.deps, member);
    const reverse = reverseRequest(guid, member.loyaltyIdentifier);
    const reverseGuid = randomUUID();
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverse, { guid: reverseGuid })).text).to.equal(ACCEPT);
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverse, { guid: reverseGuid })).text).to.equal(ACCEPT);
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverse)).text).to.equal(ACCEPT);
    expect(await balanceOf(t.deps, member)).to.equal(afterPay + 50);
    expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
  });

  it('29–30. multiple rewards on one check; a partial reverse credits only the listed one, once', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe', points: 1500 });
    const latte = selection({ displayName: 'Latte', price: 20, item: { guid: 'c0ffee00-0001-4a6b-9c8d-000000000001', entityType: 'MenuItem' } });
    const [five, one] = [loyaltyDiscount('points-off-500', 5), loyaltyDiscount('points-off-100', 1)];
    const guid = randomUUID();
    const r = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, {
      check: check({ selections: [latte], appliedDiscounts: [five, one] }),
      redemptions: [redemption('points-off-500', { appliedDiscountGuid: five.guid }), redemption('points-off-100', { appliedDiscountGuid: one.guid })],
    }), { guid, restaurant: CAFE });
    expect(r.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['points-off-500', 'points-off-100']);
    expect(await balanceOf(t.deps, member)).to.equal(900);
    const listed = [redemption('points-off-100', { appliedDiscountGuid: one.guid }), redemption('points-off-100', { appliedDiscountGuid: one.guid })];
    const partial = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier, listed), { restaurant: CAFE });
    expect(partial.text).to.equal(ACCEPT);
    expect(await balanceOf(t.deps, member)).to.equal(1000);
    const unknown = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier, [redemption('x', { appliedDiscountGuid: randomUUID() })]), { restaurant: CAFE });
    expect([unknown.status, unknown.body.transactionStatus]).to.deep.equal([400, 'ERROR_TRANSACTION_DOES_NOT_EXIST']);
    const rest = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier), { restaurant: CAFE });
    expect(rest.text).to.equal(ACCEPT);
    expect(await balanceOf(t.deps, member)).to.equal(1500);
  });

  it('a REVERSE with a null loyaltyIdentifier is ACCEPT, even for an unknown transaction', async () => {
    const r = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(randomUUID(), null));
    expect([r.status, r.text]).to.deep.equal([200, ACCEPT]);
  });

  it('an ACCRUE retried with a new GUID posts the points once', async () => {
    const member = await seedMember(t.deps, {});
    const c = check({ selections: [burger(15)] });
    await pay(member, c);
    await pay(member, c);
    expect(await balanceOf(t.deps, member)).to.equal(15);
  });
});
