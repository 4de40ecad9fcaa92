/**
 * One demo visit through the webhook for replay tests: INQUIRE (ten-off submitted without the
 * points, so it is rejected), REDEEM free fries, the same REDEEM again under a new GUID (answered
 * from the first one's record), ACCRUE of the paid check (posted at once).
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { postAccrual } from '../../server/loyalty/accrual/accrual.js';
import type { MemberRecord } from '../../server/loyalty/members/members.js';
import type { TestApp } from './app.js';
import { burger, fries } from './demo-menu.js';
import { toast } from './toast-client.js';
import { accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption } from './toast-requests.js';

export interface Visit {
  inquire: string;
  redeem: string;
  /** The same REDEEM sent again with a new GUID: answered from the first one's record. */
  redeemAgain: string;
  accrue: string;
}

/** One visit through the webhook: INQUIRE (ten-off submitted without the points), REDEEM free fries, ACCRUE. */
export async function playVisit(t: TestApp, member: MemberRecord): Promise<Visit> {
  const friesSel = fries(3.49);
  const tenOff = loyaltyDiscount('ten-off', 10);
  const ids = { inquire: randomUUID(), redeem: randomUUID(), redeemAgain: randomUUID(), accrue: randomUUID() };
  await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, {
    check: check({ selections: [burger(), friesSel], appliedDiscounts: [tenOff] }),
    redemptions: [redemption('ten-off', { appliedDiscountGuid: tenOff.guid })],
  }), { guid: ids.inquire });
  const friesOff = loyaltyDiscount('free-fries', 3.49);
  const sels = [burger(), { ...friesSel, appliedDiscounts: [friesOff] }];
  const redeemBody = redeemRequest(member.loyaltyIdentifier, {
    check: check({ selections: sels }),
    redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: friesOff.guid })],
  });
  const redeemed = await toast(t.app, 'LOYALTY_REDEEM', redeemBody, { guid: ids.redeem });
  expect(redeemed.body.checkResponse!.appliedRedemptions).to.have.length(1);
  const again = await toast(t.app, 'LOYALTY_REDEEM', redeemBody, { guid: ids.redeemAgain });
  expect(again.body.checkResponse!.appliedRedemptions).to.have.length(1);
  const paidAt = '2026-12-01T20:00:00.000+0000'; // 3 pm in New York: double points
  await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, {
    check: { ...paidCheck({ selections: sels }), paidDate: paidAt, closedDate: paidAt },
  }), { guid: ids.accrue });
  const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: ids.accrue }).lean();
  await postAccrual(t.deps, stored!.accrualId!, t.clock.now());
  return ids;
}
