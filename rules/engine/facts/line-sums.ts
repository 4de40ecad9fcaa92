import type { NormalizedCheck, NormalizedLine } from '../types.js';

export function liveLines(check: NormalizedCheck): NormalizedLine[] {
  return check.lines.filter((l) => !l.voided);
}

/**
 * Pre-discount subtotal minus Toast-configured discounts: the base loyalty discounts work from.
 * Deferred lines (gift card sales) are not purchases of food and are left out.
 */
export function discountableSubtotalCents(check: NormalizedCheck): number {
  let total = 0;
  for (const line of liveLines(check)) if (!line.deferred) total += line.preDiscountCents - line.nonLoyaltyDiscountCents;
  return Math.max(0, total - check.checkNonLoyaltyDiscountCents);
}

/** Units on the check whose item (or a modifier's item) has the given GUID in the given field. */
export function quantityBy(check: NormalizedCheck, field: 'menuItemGuid' | 'menuGroupGuid' | 'salesCategoryGuid', guid: unknown): number {
  let total = 0;
  for (const line of liveLines(check)) {
    if (line[field] === guid) total += line.quantity;
    for (const m of line.modifiers) if (m[field] === guid) total += m.quantity;
  }
  return total;
}
