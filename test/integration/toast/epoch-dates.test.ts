/**
 * Issue 8 acceptance: a check with every date field as epoch milliseconds (as Toast's own 003
 * example sends `openedDate`) goes through INQUIRE → REDEEM → ACCRUE → REVERSE with the right
 * points; numeric-string dates and `+0000` offsets likewise.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { balanceOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import {
  accrueRequest, inquireRequest, loyaltyDiscount, payment, redeemRequest, redemption, reverseRequest, selection,
} from '../../support/toast-requests.js';

const FRIES = 'a1f0c3d2-0010-4b5e-9c1a-000000000010';
const BURGER = 'a1f0c3d2-0001-4b5e-9c1a-000000000001';
/** 2026-12-01T15:00:00Z, the test clock (10 am in New York: no afternoon double points). */
const AT = Date.parse('2026-12-01T15:00:00Z');

/** Every date field Toast defines, in one of the tolerated forms; business dates as numbers or strings. */
function datedCheck(form: (ms: number) => number | string, paid: boolean) {
  const d = (offsetMin: number) => form(AT + offsetMin * 60_000);
  const line = (price: number, item: string, extra: Record<string, unknown> = {}) => ({
    ...selection({ price, menuItemGuid: item, ...extra }), createdDate: d(-30), modifiedDate: d(-29), voidDate: null, voidBusinessDate: null,
  });
  return {
    guid: randomUUID(), entityType: 'Check', displayNumber: '7', selections: [line(12.99, BURGER), line(3.49, FRIES)],
    openedDate: d(-30), modifiedDate: d(-1), createdDate: d(-30), deletedDate: null, closedDate: paid ? d(0) : null, paidDate: paid ? d(0) : null,
    voidDate: null, voidBusinessDate: null, deleted: false, voided: false, amount: 16.48, taxAmount: 0, totalAmount: 16.48,
    paymentStatus: paid ? 'CLOSED' : 'OPEN', appliedDiscounts: [],
    payments: paid ? [payment(16.48, { paidDate: d(0), paidBusinessDate: '20261201' as never, refund: null, voidInfo: { voidDate: null, voidBusinessDate: null } })] : [],
  };
}

describe('Toast webhook: a visit with epoch-millisecond (and numeric-string) dates', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'epoch' }); });
  after(async () => { await t.close(); });

  for (const [label, form] of [['epoch-ms numbers', (ms: number) => ms], ['numeric strings', (ms: number) => String(ms)],
    ['ISO with +0000', (ms: number) => new Date(ms).toISOString().replace('Z', '+0000')]] as const) {
    it(`${label}: INQUIRE → REDEEM → ACCRUE → REVERSE with the right points`, async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const id = member.loyaltyIdentifier;
      const open = datedCheck(form, false);
      const inquire = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(id, { check: open }));
      expect(inquire.body.checkResponse?.offers?.find((o) => o.identifier === 'free-fries')).to.include({ applicable: true, amount: 3.49 });
      const fries = open.selections[1]!;
      const withReward = { ...open, selections: [open.selections[0]!, { ...fries, appliedDiscounts: [loyaltyDiscount('free-fries', 3.49)] }] };
      const redeemGuid = randomUUID();
      const redeem = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(id, { check: withReward, redemptions: [redemption('free-fries', { selectionGuid: fries.guid })] }), { guid: redeemGuid });
      expect(redeem.body.checkResponse?.appliedRedemptions?.map((a) => a.identifier)).to.deep.equal(['free-fries']);
      expect(await balanceOf(t.deps, member)).to.equal(10);
      const paid = { ...datedCheck(form, true), guid: open.guid, selections: withReward.selections, amount: 12.99, totalAmount: 12.99 };
      const accrueGuid = randomUUID();
      const accrue = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(id, { check: paid }), { guid: accrueGuid });
      expect(accrue.body.checkResponse?.userMessage).to.equal('You earned 12 points on this visit.');
      const acc = await t.deps.models.Accrual.findOne({ checkGuid: open.guid }).lean();
      expect(acc?.checkTime.toISOString()).to.equal('2026-12-01T15:00:00.000Z');
      expect(await postAccrual(t.deps, String(acc!._id), t.clock.now())).to.equal('POSTED');
      expect(await balanceOf(t.deps, member)).to.equal(22);
      await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(accrueGuid, id));
      expect(await balanceOf(t.deps, member)).to.equal(10);
      await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(redeemGuid, id));
      expect(await balanceOf(t.deps, member)).to.equal(60);
    });
  }
});
