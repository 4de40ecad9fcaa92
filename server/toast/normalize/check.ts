/**
 * A Toast `Check` → the engine's {@link NormalizedCheck}, once, at the Toast edge: dollars become
 * integer cents through the one converter (../money.ts), dates become canonical UTC ISO text
 * (./dates.ts), nulls and absent members get their documented defaults. Nothing else in
 * Perkwire reads a raw Toast check: the engine evaluates this, and `accruals` stores this.
 *
 * Engine semantics use the clamped values (`preDiscountCents`, `netCents` never below zero);
 * what Toast sent is kept alongside, signed and unclamped (`toastPriceCents`,
 * `toastPreDiscountPriceCents`, fractional `quantity`, `unitOfMeasure`), so line-level rules
 * (refund lines with a negative price, weighed items, quantity-0 lines) can be decided later
 * without going back to the raw check.
 */
import type { NormalizedCheck, NormalizedLine, NormalizedLoyaltyDiscount, NormalizedModifier } from '../../../rules/index.js';
import { toQuantity, tryDollarsToCents } from '../money.js';
import { toastInstant } from './dates.js';
import { arr, obj, refGuid, str, type Json } from './values.js';

/** A quantity as sent (number or numeric string), or null. */
function quantityOf(value: unknown): number | null {
  return typeof value === 'number' || typeof value === 'string' ? toQuantity(value) : null;
}

/** Loyalty discounts carry loyaltyDetails (or Toast's AppliedLoyaltyProviderDiscount entity type). */
function isLoyalty(discount: Json): boolean {
  return discount.loyaltyDetails != null || discount.entityType === 'AppliedLoyaltyProviderDiscount';
}

interface SplitDiscounts {
  loyalty: NormalizedLoyaltyDiscount[];
  nonLoyaltyCents: number;
  nonLoyaltyCount: number;
}

function splitDiscounts(value: unknown): SplitDiscounts {
  const out: SplitDiscounts = { loyalty: [], nonLoyaltyCents: 0, nonLoyaltyCount: 0 };
  for (const d of arr(value)) {
    const amountCents = Math.max(0, tryDollarsToCents(d.discountAmount) ?? 0);
    if (isLoyalty(d)) {
      const processingState = str(d.processingState);
      // A voided loyalty discount is no longer on the check.
      if (processingState === 'VOID' || processingState === 'PENDING_VOID') continue;
      out.loyalty.push({
        appliedDiscountGuid: str(d.guid),
        referenceId: str(obj(d.loyaltyDetails).referenceId),
        amountCents,
        processingState,
      });
    } else {
      out.nonLoyaltyCents += amountCents;
      out.nonLoyaltyCount += 1;
    }
  }
  return out;
}

/** Modifiers are flattened (they may nest); their prices are already in the parent's gross price. */
function flattenModifiers(value: unknown, into: NormalizedModifier[] = []): NormalizedModifier[] {
  for (const m of arr(value)) {
    if (m.voided === true) continue;
    into.push({
      menuItemGuid: refGuid(m.item),
      menuGroupGuid: refGuid(m.itemGroup),
      salesCategoryGuid: refGuid(m.salesCategory),
      quantity: quantityOf(m.quantity) ?? 1,
      preDiscountCents: Math.max(0, tryDollarsToCents(m.preDiscountPrice) ?? tryDollarsToCents(m.price) ?? 0),
    });
    flattenModifiers(m.modifiers, into);
  }
  return into;
}

function normalizeLine(sel: Json, index: number): NormalizedLine {
  const discounts = splitDiscounts(sel.appliedDiscounts);
  const loyaltyCents = discounts.loyalty.reduce((s, d) => s + d.amountCents, 0);
  const price = tryDollarsToCents(sel.price);
  const preDiscountPrice = tryDollarsToCents(sel.preDiscountPrice);
  const preDiscountCents = Math.max(0, preDiscountPrice
    ?? (price === null ? 0 : price + discounts.nonLoyaltyCents + loyaltyCents));
  const modifiers = flattenModifiers(sel.modifiers);
  const modifierCents = modifiers.reduce((s, m) => s + m.preDiscountCents, 0);
  return {
    selectionGuid: str(sel.guid) ?? `selection-${index}`,
    menuItemGuid: refGuid(sel.item),
    menuGroupGuid: refGuid(sel.itemGroup),
    salesCategoryGuid: refGuid(sel.salesCategory),
    displayName: str(sel.displayName),
    quantity: quantityOf(sel.quantity) ?? 1,
    unitOfMeasure: str(sel.unitOfMeasure),
    preDiscountCents,
    basePreDiscountCents: Math.max(0, preDiscountCents - modifierCents),
    netCents: Math.max(0, price ?? preDiscountCents - discounts.nonLoyaltyCents - loyaltyCents),
    toastPriceCents: price,
    toastPreDiscountPriceCents: preDiscountPrice,
    modifiers,
    voided: sel.voided === true,
    deferred: sel.deferred === true,
    hasNonLoyaltyItemDiscount: discounts.nonLoyaltyCount > 0,
    nonLoyaltyDiscountCents: discounts.nonLoyaltyCents,
    loyaltyDiscounts: discounts.loyalty,
  };
}

function tipCents(payments: unknown): number {
  let total = 0;
  for (const p of arr(payments)) {
    if (p.paymentStatus === 'VOIDED' || p.paymentStatus === 'CANCELLED') continue;
    total += Math.max(0, tryDollarsToCents(p.tipAmount) ?? 0);
  }
  return total;
}

/** Pure conversion of a Toast `Check` (validated, or any JSON for the rules CLI) to a {@link NormalizedCheck}. */
export function normalizeToastCheck(toastCheck: unknown): NormalizedCheck {
  const check = obj(toastCheck);
  const discounts = splitDiscounts(check.appliedDiscounts);
  return {
    checkGuid: str(check.guid),
    lines: arr(check.selections).map(normalizeLine),
    checkLoyaltyDiscounts: discounts.loyalty,
    checkNonLoyaltyDiscountCents: discounts.nonLoyaltyCents,
    hasNonLoyaltyCheckDiscount: discounts.nonLoyaltyCount > 0,
    amountCents: tryDollarsToCents(check.amount),
    taxCents: tryDollarsToCents(check.taxAmount) ?? 0,
    totalCents: tryDollarsToCents(check.totalAmount),
    tipCents: tipCents(check.payments),
    paymentStatus: str(check.paymentStatus),
    voided: check.voided === true,
    openedDate: toastInstant(check.openedDate),
    paidDate: toastInstant(check.paidDate),
    closedDate: toastInstant(check.closedDate),
  };
}
