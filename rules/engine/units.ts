/**
 * What counts as a unit of a check line. Quantities are handled in thousandths of a unit
 * ("milli-units") so weighed items (2.01 LB) stay in integer arithmetic. One unit is one unit of
 * measure priced at the line's unit price; a line under one unit counts as its fraction. Refund
 * lines (negative price) and quantity-0 lines are not purchases: never a unit to discount or to
 * earn a per-unit bonus on, although their (signed) price still counts in the check's net.
 */
import { mulDivRound } from './money.js';
import type { NormalizedLine } from './types.js';

/** Thousandths in one unit. */
export const ONE_UNIT = 1000;

/** The line's quantity in thousandths of a unit (0 for a zero or negative quantity). */
export function milliUnits(line: NormalizedLine): number {
  return Math.max(0, Math.round(line.quantity * ONE_UNIT));
}

/** A refund line: Toast sent a negative price or pre-discount price. */
export function isRefund(line: NormalizedLine): boolean {
  return (line.toastPriceCents ?? 0) < 0 || (line.toastPreDiscountPriceCents ?? 0) < 0;
}

/** A live line the guest is buying: not voided, a positive quantity, not a refund. */
export function isPurchase(line: NormalizedLine): boolean {
  return !line.voided && milliUnits(line) > 0 && !isRefund(line);
}

/** The line's gross price as it counts in the check's net: negative on a refund line. */
export function signedGrossCents(line: NormalizedLine): number {
  if (!isRefund(line)) return line.preDiscountCents;
  return Math.min(line.toastPreDiscountPriceCents ?? 0, line.toastPriceCents ?? 0);
}

/** The line's net price (after discounts) as it counts in what is due: negative on a refund line. */
export function signedNetCents(line: NormalizedLine): number {
  return isRefund(line) ? line.toastPriceCents ?? signedGrossCents(line) : line.netCents;
}

/** Milli-units of "one unit" of a line: a whole unit, or the whole line when it is under one. */
export function oneUnit(line: NormalizedLine): number {
  return Math.min(ONE_UNIT, milliUnits(line));
}

/** The price of `units` milli-units of a line whose `milli` units cost `grossCents` in all. */
export function priceOfUnits(grossCents: number, units: number, milli: number): number {
  if (milli <= 0) return 0;
  return mulDivRound(grossCents, Math.min(units, milli), milli);
}

/** Milli-units as a decimal quantity (2010 → 2.01), for facts and messages. */
export function asQuantity(milli: number): number {
  return milli / ONE_UNIT;
}
