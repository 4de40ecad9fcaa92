/**
 * Go-live plan, across requests: what real registers do to a check between REDEEM and payment.
 * The same redemption sent again (1), a second reward against the per-check limit (2), a redeemed
 * discount gone from the paid check (3), a check paid again after a partial reverse (4), and a
 * REDEEM answer showing the state after its debit (5). Demo program: free fries cost 50 points,
 * free burger 100, one reward per check.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import {
  accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, reverseRequest,
} from '../../support/toast-requests.js';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import type { AppliedDiscount, Check, Selection } from '../../../server/toast/schemas/index.js';

const ACCEPT = '{"transactionStatus":"ACCEPT"}';
const PAID_AT = '2026-12-01T15:00:00.000+0000';

describe('Toast go-live plan across requests: one check, several requests', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'golive3' }); });
  after(async () => { await t.close(); });

  /** A check of a $10 burger and $3.49 fries, the fries carrying discount `d` (when given). */
  function friesCheck(d?: AppliedDiscount, guid = randomUUID()): { c: Check; friesSel: Selection } {
    const friesSel = fries(3.49, d ? { appliedDiscounts: [d] } : {});
    return { c: check({ guid, selections: [burger(10), friesSel] }), friesSel };
  }

  /** The same check later: its fries now carrying `discounts` (e.g. D as APPLIED, VOID, or none). */
  function later(c: Check, friesSel: Selection, discounts: AppliedDiscount[]): Check {
    return { ...c, selections: c.selections!.map((s) => (s.guid === friesSel.guid ? { ...friesSel, appliedDiscounts: discounts } : s)) };
  }

  async function redeem(member: MemberRecord, c: Check, redemptions: ReturnType<typeof redemption>[]) {
    return toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, { check: c, redemptions }));
  }

  /** Pays `c` (ACCRUE, paid at 10 am New York: no double points), then posts its points. */
  async function pay(member: MemberRecord, c: Check, overrides: Partial<Check> = {}) {
    const guid = randomUUID();
    const paid = { ...paidCheck(c), paidDate: PAID_AT, closedDate: PAID_AT, ...overrides };
    const reply = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }), { guid });
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    if (stored?.accrualId) await postAccrual(t.deps, stored.accrualId, t.clock.now());
    return { reply, guid };
  }

  describe('1. a reward already redeemed on this check is not charged again', () => {
    it('REDEEM #2 (new GUID, same check, D now APPLIED, same redemption) answers it applied without a second debit', async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      const r = redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid });
      expect((await redeem(member, c, [r])).body.checkResponse!.appliedRedemptions).to.have.length(1);
      expect(await balanceOf(t.deps, member)).to.equal(10);
      const again = await redeem(member, later(c, friesSel, [{ ...d, processingState: 'APPLIED' }]), [r]);
      expect(again.body.checkResponse!.appliedRedemptions).to.deep.equal([{
        identifier: 'free-fries', selectionGuid: friesSel.guid, quantity: 1, name: 'Free Fries', appliedDiscountGuid: d.guid, amount: 3.49,
      }]);
      expect(again.body.checkResponse!.rejectedRedemptions).to.deep.equal([]);
      expect(await balanceOf(t.deps, member)).to.equal(10);
      expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    });

    it("Toast's real shape (no appliedDiscountGuid on the redemption, matched by loyaltyDetails.referenceId): one debit; INQUIRE answers it applied too", async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      const r = redemption('free-fries', { selectionGuid: friesSel.guid });
      await redeem(member, c, [r]);
      const second = await redeem(member, later(c, friesSel, [{ ...d, processingState: 'APPLIED' }]), [r]);
      expect(second.body.checkResponse!.appliedRedemptions!.map((a) => a.appliedDiscountGuid)).to.deep.equal([d.guid]);
      const inquire = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: later(c, friesSel, [{ ...d, processingState: 'APPLIED' }]), redemptions: [r] }));
      expect(inquire.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
      expect(inquire.body.checkResponse!.rejectedRedemptions).to.deep.equal([]);
      expect(await balanceOf(t.deps, member)).to.equal(10);
      expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    });

    it('two REDEEMs of one discount racing each other debit once', async () => {
      const member = await seedMember(t.deps, { points: 200 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      const r = redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid });
      const replies = await Promise.all([redeem(member, c, [r]), redeem(member, c, [r]), redeem(member, c, [r])]);
      for (const reply of replies) expect(reply.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
      expect(await balanceOf(t.deps, member)).to.equal(150);
      expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    });
  });

  describe('2. the per-check limit counts rewards already on the check', () => {
    it('with maxRewardsPerCheck 1, a check holding an APPLIED reward refuses a second one in a later REDEEM, and INQUIRE greys it out', async () => {
      const member = await seedMember(t.deps, { points: 500 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      await redeem(member, c, [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid })]);
      expect(await balanceOf(t.deps, member)).to.equal(450);
      const e = loyaltyDiscount('free-burger', 10);
      const burgerSel = burger(10, { appliedDiscounts: [e] });
      const held = check({ guid: c.guid, selections: [burgerSel, { ...friesSel, appliedDiscounts: [{ ...d, processingState: 'APPLIED' }] }] });
      const second = await redeem(member, held, [redemption('free-burger', { selectionGuid: burgerSel.guid, appliedDiscountGuid: e.guid })]);
      expect(second.body.checkResponse!.appliedRedemptions).to.deep.equal([]);
      expect(second.body.checkResponse!.rejectedRedemptions!.map((x) => [x.redemption.appliedDiscountGuid, x.message])).to.deep.equal([[e.guid, 'Too many rewards on this check']]);
      expect(await balanceOf(t.deps, member)).to.equal(450);
      const inquire = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, {
        check: check({ guid: c.guid, selections: [burger(10), { ...friesSel, appliedDiscounts: [{ ...d, processingState: 'APPLIED' }] }] }),
      }));
      const offers = Object.fromEntries(inquire.body.checkResponse!.offers!.map((o) => [o.identifier, o.applicable]));
      expect(offers).to.include({ 'free-fries': true, 'free-burger': false, 'ten-off': false });
    });
  });

  describe('3. a redeemed reward gone from the paid check is reversed at ACCRUE', () => {
    for (const how of ['removed', 'VOID'] as const) {
      it(`discount ${how} on the paid check: the 50 points come back, with the cause on the ledger entry`, async () => {
        const member = await seedMember(t.deps, { points: 60 });
        const d = loyaltyDiscount('free-fries', 3.49);
        const { c, friesSel } = friesCheck(d);
        await redeem(member, c, [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid })]);
        expect(await balanceOf(t.deps, member)).to.equal(10);
        await pay(member, later(c, friesSel, how === 'removed' ? [] : [{ ...d, processingState: 'VOID' }]));
        expect(await balanceOf(t.deps, member)).to.equal(10 + 50 + 13);
        const credit = await t.deps.models.LedgerEntry.findOne({ memberId: member._id, kind: 'REVERSE_REDEEM' }).lean();
        expect(credit).to.deep.include({ delta: 50, cause: 'DISCOUNT_GONE_AT_ACCRUE' });
        expect(credit?.refs?.appliedDiscountGuids).to.deep.equal([d.guid]);
      });
    }

    it('a REVERSE before or after the ACCRUE does not credit the points a second time', async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      const guid = randomUUID();
      await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, {
        check: c, redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid })],
      }), { guid });
      expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier))).text).to.equal(ACCEPT);
      await pay(member, later(c, friesSel, []));
      expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier))).text).to.equal(ACCEPT);
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(60 + 13);
    });

    it('a discount still on the paid check stays redeemed', async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      await redeem(member, c, [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid })]);
      await pay(member, later(c, friesSel, [{ ...d, processingState: 'APPLIED' }]), { amount: 10, totalAmount: 10 });
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(0);
      expect(await balanceOf(t.deps, member)).to.equal(20);
    });
  });

  describe('4. paying again after a partial reverse', () => {
    it('a new ACCRUE of the check with a new amount supersedes the old accrual: points and receipt tell the new number', async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      const redeemGuid = randomUUID();
      await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, {
        check: c, redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid })],
      }), { guid: redeemGuid });
      const first = await pay(member, later(c, friesSel, [{ ...d, processingState: 'APPLIED' }]), { amount: 10, totalAmount: 10 });
      expect(first.reply.body.checkResponse!.userMessage).to.equal('You earned 10 points on this visit.');
      expect(await balanceOf(t.deps, member)).to.equal(20);
      const partial = reverseRequest(redeemGuid, member.loyaltyIdentifier, [redemption('free-fries', { appliedDiscountGuid: d.guid })]);
      expect((await toast(t.app, 'LOYALTY_REVERSE', partial)).text).to.equal(ACCEPT);
      expect(await balanceOf(t.deps, member)).to.equal(70);
      const again = await pay(member, later(c, friesSel, []));
      expect(again.reply.body.checkResponse!.userMessage).to.equal('You earned 13 points on this visit.');
      expect(await balanceOf(t.deps, member)).to.equal(60 + 13);
      expect(await entriesOf(t.deps, member, 'REVERSE_ACCRUE')).to.equal(1);
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
    });

    it('the same amount paid again is a retry: the first accrual stands', async () => {
      const member = await seedMember(t.deps, {});
      const c = check({ selections: [burger(15)] });
      const a = await pay(member, c);
      const b = await pay(member, c);
      expect([a.reply.body.checkResponse!.userMessage, b.reply.body.checkResponse!.userMessage]).to.deep.equal(['You earned 15 points on this visit.', 'You earned 15 points on this visit.']);
      expect(await balanceOf(t.deps, member)).to.equal(15);
      expect(await entriesOf(t.deps, member, 'REVERSE_ACCRUE')).to.equal(0);
    });
  });

  describe('5. a REDEEM answer shows the state after the debit', () => {
    it('balance and offers after the debit: free fries no longer affordable at 10 points', async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const d = loyaltyDiscount('free-fries', 3.49);
      const { c, friesSel } = friesCheck(d);
      const reply = await redeem(member, c, [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: d.guid })]);
      const body = reply.body.checkResponse!;
      expect(body.accountInfo!.pointsBalance).to.equal('10');
      const fries = body.offers!.find((o) => o.identifier === 'free-fries')!;
      expect([fries.applicable, fries.quantity]).to.deep.equal([false, 0]);
    });
  });
});
