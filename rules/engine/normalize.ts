/**
 * Converts a raw Toast Check into the engine's cents model, once, at the edge. Lenient like Toast's
 * own payloads: nulls anywhere, numeric strings for amounts, missing optional members.
 */
import { toCents, toNumber } from './money.js';
import type { NormalizedCheck, NormalizedLine, NormalizedLoyaltyDiscount, NormalizedModifier } from './types.js';

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}
function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}
function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
function refGuid(value: unknown): string | null {
  return str(obj(value).guid);
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
    const amountCents = Math.max(0, toCents(d.discountAmount) ?? 0);
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
      quantity: toNumber(m.quantity) ?? 1,
      preDiscountCents: Math.max(0, toCents(m.preDiscountPrice) ?? toCents(m.price) ?? 0),
    });
    flattenModifiers(m.modifiers, into);
  }
  return into;
}

function normalizeLine(sel: Json, index: number): NormalizedLine {
  const discounts = splitDiscounts(sel.appliedDiscounts);
  const loyaltyCents = discounts.loyalty.reduce((s, d) => s + d.amountCents, 0);
  const price = toCents(sel.price);
  const preDiscountCents = Math.max(0, toCents(sel.preDiscountPrice)
    ?? (price === null ? 0 : price + discounts.nonLoyaltyCents + loyaltyCents));
  const modifiers = flattenModifiers(sel.modifiers);
  const modifierCents = modifiers.reduce((s, m) => s + m.preDiscountCents, 0);
  return {
    selectionGuid: str(sel.guid) ?? `selection-${index}`,
    menuItemGuid: refGuid(sel.item),
    menuGroupGuid: refGuid(sel.itemGroup),
    salesCategoryGuid: refGuid(sel.salesCategory),
    displayName: str(sel.displayName),
    quantity: toNumber(sel.quantity) ?? 1,
    preDiscountCents,
    basePreDiscountCents: Math.max(0, preDiscountCents - modifierCents),
    netCents: Math.max(0, price ?? preDiscountCents - discounts.nonLoyaltyCents - loyaltyCents),
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
    total += Math.max(0, toCents(p.tipAmount) ?? 0);
  }
  return total;
}

/** Pure conversion of a Toast `Check` (as received) to a {@link NormalizedCheck}. */
export function normalizeToastCheck(toastCheck: unknown): NormalizedCheck {
  const check = obj(toastCheck);
  const discounts = splitDiscounts(check.appliedDiscounts);
  return {
    checkGuid: str(check.guid),
    lines: arr(check.selections).map(normalizeLine),
    checkLoyaltyDiscounts: discounts.loyalty,
    checkNonLoyaltyDiscountCents: discounts.nonLoyaltyCents,
    hasNonLoyaltyCheckDiscount: discounts.nonLoyaltyCount > 0,
    amountCents: toCents(check.amount),
    taxCents: toCents(check.taxAmount) ?? 0,
    totalCents: toCents(check.totalAmount),
    tipCents: tipCents(check.payments),
    paymentStatus: str(check.paymentStatus),
    voided: check.voided === true,
    openedDate: str(check.openedDate),
    paidDate: str(check.paidDate),
    closedDate: str(check.closedDate),
  };
}
