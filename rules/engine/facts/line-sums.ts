import type { NormalizedCheck, NormalizedLine } from '../types.js';
import { asQuantity, isPurchase, milliUnits, signedGrossCents } from '../units.js';

export function liveLines(check: NormalizedCheck): NormalizedLine[] {
  return check.lines.filter((l) => !l.voided);
}

/** Lines the guest is buying: no voided, refund or quantity-0 lines. */
export function purchaseLines(check: NormalizedCheck): NormalizedLine[] {
  return check.lines.filter(isPurchase);
}

/**
 * The net of the check: pre-discount subtotal minus Toast-configured discounts, refund lines
 * (negative prices) included, never below zero. Loyalty discounts work from it; gates, minimums
 * and caps compare against it. Deferred lines (gift card sales) are not purchases of food.
 */
export function discountableSubtotalCents(check: NormalizedCheck): number {
  let total = 0;
  for (const line of liveLines(check)) if (!line.deferred) total += signedGrossCents(line) - line.nonLoyaltyDiscountCents;
  return Math.max(0, total - check.checkNonLoyaltyDiscountCents);
}

/** Units bought (a weighed line counts its fraction), to the thousandth of a unit. */
export function unitsBought(check: NormalizedCheck): number {
  return asQuantity(purchaseLines(check).reduce((s, l) => s + milliUnits(l), 0));
}

/** Units bought whose item (or a modifier's item) has the given GUID in the given field. */
export function quantityBy(check: NormalizedCheck, field: 'menuItemGuid' | 'menuGroupGuid' | 'salesCategoryGuid', guid: unknown): number {
  let milli = 0;
  for (const line of purchaseLines(check)) {
    if (line[field] === guid) milli += milliUnits(line);
    for (const m of line.modifiers) if (m[field] === guid) milli += Math.max(0, Math.round(m.quantity * 1000));
  }
  return asQuantity(milli);
}
