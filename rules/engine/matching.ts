/**
 * Which check lines an item-level discount may attach to, under Toast's item rules:
 * voided lines never; one item-level discount per selection; none on a selection carrying a
 * Toast-configured item discount; modifiers count through their parent. Refund and quantity-0
 * lines are never candidates (see units.ts); weighed lines are priced per unit of measure.
 */
import type { ItemApplication, ItemSelector, ModifierPolicy, NormalizedCheck, NormalizedLine, NormalizedModifier } from './types.js';
import { isPurchase, milliUnits, oneUnit, priceOfUnits } from './units.js';

/** Everything pricing needs besides the reward itself. */
export interface PricingInput {
  check: NormalizedCheck;
  /** Selections already holding a loyalty item discount (from another redemption). */
  taken: ReadonlySet<string>;
  /** Discount the check can still absorb (loyalty discounts never take it below zero). */
  remainingCents: number;
  /** Net of the check (pre-discount subtotal minus Toast-configured discounts): minimums use it. */
  discountableCents: number;
  /**
   * What the check still owes before this reward: the net minus every loyalty discount priced
   * before it (item-level ones first). Check percentages are computed on it.
   */
  baseCents: number;
  /** Selection GUIDs Toast asked for (Redemption.selectionGuid / itemApplication). */
  targets?: string[];
}

export type Pricing =
  | { ok: true; amountCents: number; itemApplication?: ItemApplication[] }
  | { ok: false; reason: string };

export interface ItemCandidate {
  line: NormalizedLine;
  /** Gross price of the whole line as the reward sees it (modifier policy applied). */
  grossCents: number;
  /** The line's quantity in milli-units. */
  milli: number;
  /** Milli-units of "one unit" (1000, or the line's fraction when it is under one unit). */
  unit: number;
  /** Gross price of one unit (its fraction on a line under one unit). */
  unitCents: number;
  /** The most a discount on this line may take (the item alone when modifiers are excluded). */
  capCents: number;
}

function selects(sel: ItemSelector, x: { menuItemGuid: string | null; menuGroupGuid: string | null; salesCategoryGuid: string | null }): boolean {
  return (!!x.menuItemGuid && !!sel.menuItems?.includes(x.menuItemGuid))
    || (!!x.menuGroupGuid && !!sel.menuGroups?.includes(x.menuGroupGuid))
    || (!!x.salesCategoryGuid && !!sel.salesCategories?.includes(x.salesCategoryGuid));
}

function viaModifier(line: NormalizedLine, sel: ItemSelector): NormalizedModifier | null {
  if (!sel.matchModifiers) return null;
  return line.modifiers.find((m) => selects(sel, m)) ?? null;
}

function candidate(line: NormalizedLine, grossCents: number, capCents: number): ItemCandidate {
  const milli = milliUnits(line);
  const unit = oneUnit(line);
  return { line, grossCents, milli, unit, unitCents: priceOfUnits(grossCents, unit, milli), capCents };
}

/** Whether a line matches the selector, directly or (with `matchModifiers`) through a modifier. */
export function matches(line: NormalizedLine, sel: ItemSelector): boolean {
  return selects(sel, line) || viaModifier(line, sel) !== null;
}

/** The candidate for a purchase line, or null when the line is not one or the selector does not match it. */
export function candidateFor(line: NormalizedLine, sel: ItemSelector, policy: ModifierPolicy = 'INCLUDE'): ItemCandidate | null {
  if (!isPurchase(line)) return null;
  if (selects(sel, line)) {
    const gross = policy === 'EXCLUDE' ? line.basePreDiscountCents : line.preDiscountCents;
    return candidate(line, gross, gross);
  }
  const mod = viaModifier(line, sel);
  if (!mod) return null;
  // Matched through a modifier: the discount is the modifier's price, attached to the parent.
  return candidate(line, mod.preDiscountCents, line.preDiscountCents);
}

export interface CandidateSearch {
  candidates: ItemCandidate[];
  /** Why nothing is available, when `candidates` is empty. */
  reason: string;
}

/**
 * Lines a discount matching `sel` may attach to, in check order. When Toast named targets, only
 * those are considered. The reason explains the most specific obstacle found.
 */
export function findCandidates(input: PricingInput, sel: ItemSelector, policy?: ModifierPolicy): CandidateSearch {
  const candidates: ItemCandidate[] = [];
  let reason = 'ITEM_NOT_ON_CHECK';
  for (const line of input.check.lines) {
    if (!isPurchase(line)) continue;
    if (input.targets && !input.targets.includes(line.selectionGuid)) continue;
    const c = candidateFor(line, sel, policy);
    if (!c) continue;
    if (line.hasNonLoyaltyItemDiscount) { reason = 'ITEM_HAS_NON_LOYALTY_DISCOUNT'; continue; }
    if (input.taken.has(line.selectionGuid)) { if (reason === 'ITEM_NOT_ON_CHECK') reason = 'ITEM_ALREADY_DISCOUNTED'; continue; }
    candidates.push(c);
  }
  return { candidates, reason };
}

/** The candidate giving the largest discount (first in check order on ties). */
export function best<T>(items: T[], amount: (t: T) => number): T | null {
  let top: T | null = null;
  let topAmount = -1;
  for (const item of items) {
    const a = amount(item);
    if (a > topAmount) { top = item; topAmount = a; }
  }
  return top;
}

/** Prices a one-selection item discount: the best candidate, capped by line and check. */
export function priceSingleItem(input: PricingInput, sel: ItemSelector, policy: ModifierPolicy | undefined, amountFor: (c: ItemCandidate) => number): Pricing {
  const { candidates, reason } = findCandidates(input, sel, policy);
  const capped = (c: ItemCandidate): number => Math.max(0, Math.min(amountFor(c), c.capCents, input.remainingCents));
  const chosen = best(candidates, capped);
  if (!chosen) return { ok: false, reason };
  const amountCents = capped(chosen);
  if (amountCents <= 0) return { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
  return { ok: true, amountCents, itemApplication: [{ selectionIdentifier: chosen.line.selectionGuid, amountCents }] };
}
