/**
 * Builders of the engine's own NormalizedCheck (cents, signed prices, quantities, units of
 * measure), for pricing tests that must not depend on how the Toast edge converts a check.
 */
import type { EvaluationContext, NormalizedCheck, NormalizedLine, NormalizedLoyaltyDiscount } from '../../../rules/index.js';
import { CATEGORY, GROUP, ITEM, LOC, member, NOW } from './helpers.js';

let seq = 0;
const next = (p: string): string => `${p}-${String(++seq).padStart(5, '0')}`;

export interface LineOptions {
  qty?: number; uom?: string | null; guid?: string; group?: string | null; net?: number;
  modifiers?: [item: string, cents: number][]; loyalty?: NormalizedLoyaltyDiscount[]; voided?: boolean;
}

/** A line of `cents` in all (modifiers included): a refund line has a negative price. */
export function line(item: string, cents: number, o: LineOptions = {}): NormalizedLine {
  const modifiers = (o.modifiers ?? []).map(([m, c]) => ({ menuItemGuid: m, menuGroupGuid: null, salesCategoryGuid: null, quantity: 1, preDiscountCents: c }));
  const loyalty = o.loyalty ?? [];
  const net = o.net ?? cents - loyalty.reduce((s, d) => s + d.amountCents, 0);
  // Like the Toast edge: the engine's prices clamped at zero, Toast's signed ones kept beside them.
  return {
    selectionGuid: o.guid ?? next('line'), menuItemGuid: item,
    menuGroupGuid: o.group === null ? null : o.group ?? (item === ITEM.burger || item === ITEM.cheese ? GROUP.burgers : GROUP.sides),
    salesCategoryGuid: CATEGORY.food, displayName: null, quantity: o.qty ?? 1, unitOfMeasure: o.uom ?? null,
    preDiscountCents: Math.max(0, cents), basePreDiscountCents: Math.max(0, cents - modifiers.reduce((s, m) => s + m.preDiscountCents, 0)),
    netCents: Math.max(0, net), toastPriceCents: net, toastPreDiscountPriceCents: cents, modifiers, voided: o.voided ?? false, deferred: false,
    hasNonLoyaltyItemDiscount: false, nonLoyaltyDiscountCents: 0, loyaltyDiscounts: loyalty,
  };
}

/** A loyalty discount of ours already on the check (Toast AppliedLoyaltyProviderDiscount). */
export function ours(referenceId: string, amountCents: number, guid = next('ad'), processingState = 'APPLIED'): NormalizedLoyaltyDiscount {
  return { appliedDiscountGuid: guid, referenceId, amountCents, processingState };
}

export function check(lines: NormalizedLine[], over: Partial<NormalizedCheck> = {}): NormalizedCheck {
  return {
    checkGuid: next('check'), lines, checkLoyaltyDiscounts: [], checkNonLoyaltyDiscountCents: 0, hasNonLoyaltyCheckDiscount: false,
    amountCents: null, taxCents: 0, totalCents: null, tipCents: 0, paymentStatus: null, voided: false,
    openedDate: null, paidDate: null, closedDate: null, ...over,
  };
}

export function at(c: NormalizedCheck, over: Partial<EvaluationContext> = {}): EvaluationContext {
  return { now: NOW, locationGuid: LOC, check: c, member: member(), ...over };
}
