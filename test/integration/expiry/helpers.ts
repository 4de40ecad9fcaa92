/**
 * Steps shared by the expiry and tier tests: a paid check sent as a Toast ACCRUE and posted the
 * way the accrual worker posts it, INQUIRE and REDEEM on the demo and cafe restaurants, and the
 * daily expiry job's processor run at the test clock.
 */
import { randomUUID } from 'node:crypto';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import type { Selection } from '../../../server/toast/schemas/index.js';
import { runExpiryJob } from '../../../workers/expiry.scheduler.js';
import type { TestApp } from '../../support/app.js';
import { toast, type ToastReply } from '../../support/toast-client.js';
import { accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, payment, redeemRequest, redemption, selection } from '../../support/toast-requests.js';

export const DEMO = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
export const CAFE = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';
export const DAY_MS = 24 * 3600 * 1000;

const cafeCategories = { drink: 'c0ffee00-2001-4a6b-9c8d-000000002001', pastry: 'c0ffee00-2002-4a6b-9c8d-000000002002' } as const;

/** A cafe line in a sales category (drinks earn; the Gold reward discounts pastries). */
export function cafeItem(kind: keyof typeof cafeCategories, price: number): Selection {
  return selection({
    displayName: kind === 'drink' ? 'Latte' : 'Croissant', price, preDiscountPrice: price,
    salesCategory: { guid: cafeCategories[kind], entityType: 'SalesCategory' },
  } as Partial<Selection>);
}

/** A plain $`dollars` line (demo: 1 point per $1). */
export function line(dollars: number): Selection {
  return selection({ displayName: 'Soda', price: dollars, preDiscountPrice: dollars });
}

/** ACCRUE of a check paid now with `selections`, then posted as the accrual worker would. */
export async function accrue(t: TestApp, member: MemberRecord, restaurant: string, selections: Selection[]): Promise<{ guid: string; points: number }> {
  const at = t.clock.now().toISOString().replace('Z', '+0000');
  const base = paidCheck({ selections });
  const paid = { ...base, paidDate: at, closedDate: at, payments: [payment(Number(base.totalAmount), { paidDate: at })] };
  const guid = randomUUID();
  await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }), { guid, restaurant });
  const acc = await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean();
  if (!acc) throw new Error('accrual not recorded');
  await postAccrual(t.deps, String(acc._id), t.clock.now());
  const posted = await t.deps.models.Accrual.findById(acc._id).lean();
  return { guid, points: posted?.points ?? 0 };
}

/** INQUIRE for `member` on a check of `selections`. */
export function inquire(t: TestApp, member: MemberRecord, restaurant: string, selections: Selection[]): Promise<ToastReply> {
  return toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: check({ selections }) }), { restaurant });
}

/** REDEEM of a check-level reward worth `dollars` (e.g. the cafe's `points-off-100`). */
export function redeemCheckReward(t: TestApp, member: MemberRecord, restaurant: string, rewardId: string, dollars: number): Promise<ToastReply> {
  const discount = loyaltyDiscount(rewardId, dollars);
  return toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, {
    check: check({ selections: [line(20)], appliedDiscounts: [discount] }),
    redemptions: [redemption(rewardId, { appliedDiscountGuid: discount.guid })],
  }), { restaurant });
}

/** Runs the daily expiry job's processor for `programId` at the test clock. */
export function runExpiry(t: TestApp, programId: string) {
  return runExpiryJob({ models: t.deps.models, logger: t.deps.logger, clock: t.clock }, { programId });
}
