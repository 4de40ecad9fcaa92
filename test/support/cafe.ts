/** The cafe program (rules/programs/cafe.json: PER_LOT expiry, a per-day limit) as Toast requests. */
import { randomUUID } from 'node:crypto';
import type { MemberRecord } from '../../server/loyalty/members/members.js';
import { check, loyaltyDiscount, redeemRequest, redemption, selection } from './toast-requests.js';

export const CAFE = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';
const DRINKS = 'c0ffee00-2001-4a6b-9c8d-000000002001';
const PASTRIES = 'c0ffee00-2002-4a6b-9c8d-000000002002';

/** A REDEEM of the limited "Gold: 20% Off a Pastry" (one per day) on a $5 croissant. */
export function pastryRedeem(member: Pick<MemberRecord, 'loyaltyIdentifier'>) {
  const discount = loyaltyDiscount('pastry-gold', 1);
  const croissant = selection({
    displayName: 'Croissant', price: 5, item: { guid: randomUUID(), entityType: 'MenuItem' },
    salesCategory: { guid: PASTRIES, entityType: 'SalesCategory' }, appliedDiscounts: [discount],
  });
  return redeemRequest(member.loyaltyIdentifier, {
    check: check({ selections: [croissant] }),
    redemptions: [redemption('pastry-gold', { selectionGuid: croissant.guid, appliedDiscountGuid: discount.guid })],
  });
}

/** A REDEEM of "Free Drink" (250 points) on a latte costing `price` dollars. */
export function drinkRedeem(member: Pick<MemberRecord, 'loyaltyIdentifier'>, price = 4) {
  const discount = loyaltyDiscount('free-drink', price);
  const latte = selection({
    displayName: 'Latte', price, item: { guid: randomUUID(), entityType: 'MenuItem' },
    salesCategory: { guid: DRINKS, entityType: 'SalesCategory' }, appliedDiscounts: [discount],
  });
  return redeemRequest(member.loyaltyIdentifier, {
    check: check({ selections: [latte] }),
    redemptions: [redemption('free-drink', { selectionGuid: latte.guid, appliedDiscountGuid: discount.guid })],
  });
}
