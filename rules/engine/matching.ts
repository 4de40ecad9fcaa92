/**
 * Which check lines an item-level discount may attach to, under Toast's item rules:
 * voided lines never; one item-level discount per selection; none on a selection carrying a
 * Toast-configured item discount; modifiers count through their parent.
 */
import type { ItemApplication, ItemSelector, ModifierPolicy, NormalizedCheck, NormalizedLine, NormalizedModifier } from './types.js';

/** Everything pricing needs besides the reward itself. */
export interface PricingInput {
  check: NormalizedCheck;
  /** Selections already holding a loyalty item discount (from another redemption). */
  taken: ReadonlySet<string>;
  /** Discount the check can still absorb (loyalty discounts never take it below zero). */
  remainingCents: number;
  /** Pre-discount subtotal minus Toast-configured discounts: the base of percentage offers. */
  discountableCents: number;
  /** Selection GUIDs Toast asked for (Redemption.selectionGuid / itemApplication). */
  targets?: string[];
}

export type Pricing =
  | { ok: true; amountCents: number; itemApplication?: ItemApplication[] }
  | { ok: false; reason: string };

export interface ItemCandidate {
  line: NormalizedLine;
  /** Gross price of one unit as the reward sees it (modifier policy applied). */
  unitCents: number;
  /** The most a discount on this line may take. */
  capCents: number;
}

function selects(sel: ItemSelector, x: { menuItemGuid: string | null; menuGroupGuid: string | null; salesCategoryGuid: string | null }): boolean {
  return (!!x.menuItemGuid && !!sel.menuItems?.includes(x.menuItemGuid))
    || (!!x.menuGroupGuid && !!sel.menuGroups?.includes(x.menuGroupGuid))
    || (!!x.salesCategoryGuid && !!sel.salesCategories?.includes(x.salesCategoryGuid));
}

/** Integer division rounding half away from zero (prices are non-negative). */
function divRound(cents: number, by: number): number {
  return Math.floor((cents * 2 + by) / (2 * by));
}

/** Per-unit price; a fractional (by weight) or single quantity is one unit: the whole line. */
function perUnit(cents: number, quantity: number): number {
  return quantity > 1 && Number.isInteger(quantity) ? divRound(cents, quantity) : cents;
}

function viaModifier(line: NormalizedLine, sel: ItemSelector): NormalizedModifier | null {
  if (!sel.matchModifiers) return null;
  return line.modifiers.find((m) => selects(sel, m)) ?? null;
}

/** The candidate for a line, or null when the selector does not match it. */
export function candidateFor(line: NormalizedLine, sel: ItemSelector, policy: ModifierPolicy = 'INCLUDE'): ItemCandidate | null {
  const gross = policy === 'EXCLUDE' ? line.basePreDiscountCents : line.preDiscountCents;
  if (selects(sel, line)) return { line, unitCents: perUnit(gross, line.quantity), capCents: line.preDiscountCents };
  const mod = viaModifier(line, sel);
  if (!mod) return null;
  // Matched through a modifier: the discount is the modifier's price, attached to the parent.
  return { line, unitCents: perUnit(mod.preDiscountCents, line.quantity), capCents: line.preDiscountCents };
}

/** Whole units on a line (weighed items count as one). */
export function wholeUnits(line: NormalizedLine): number {
  return line.quantity >= 1 ? Math.floor(line.quantity) : 1;
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
    if (line.voided) continue;
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
