/**
 * Toast `Redemption`s → the engine's {@link SubmittedRedemption}s, once, at the Toast edge:
 * amounts in integer cents, quantities as numbers, every shape the documents show accepted
 * (`itemId` in 003's example, `selectionGuid`, `appliedDiscountGuid`, `multiItemDiscountGuid`,
 * any of them missing). What was sent is kept field by field, so a rejection can echo it.
 */
import type { SubmittedRedemption } from '../../../rules/index.js';
import { toQuantity, tryDollarsToCents } from '../money.js';
import { arr, obj, str } from './values.js';

/** Absent/null → null (the engine reads it as 1); anything present but not a quantity → NaN, refused per redemption. */
function quantityOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return (typeof value === 'string' ? toQuantity(value) : null) ?? Number.NaN;
}

export function normalizeRedemption(value: unknown): SubmittedRedemption {
  const r = obj(value);
  const items = Array.isArray(r.itemApplication) ? arr(r.itemApplication) : null;
  return {
    identifier: str(r.identifier),
    itemId: str(r.itemId),
    selectionGuid: str(r.selectionGuid),
    appliedDiscountGuid: str(r.appliedDiscountGuid),
    multiItemDiscountGuid: str(r.multiItemDiscountGuid),
    amountCents: tryDollarsToCents(r.amount),
    quantity: quantityOf(r.quantity),
    name: str(r.name),
    itemApplication: items?.map((a) => ({
      selectionIdentifier: str(a.selectionIdentifier),
      amountCents: tryDollarsToCents(a.amount),
      appliedDiscountIdentifier: str(a.appliedDiscountIdentifier),
    })) ?? null,
  };
}

/** The submitted redemptions in order; absent or null is none. */
export function normalizeRedemptions(value: unknown): SubmittedRedemption[] {
  return Array.isArray(value) ? value.map(normalizeRedemption) : [];
}
