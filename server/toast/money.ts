/**
 * Dollars ⇄ integer cents at the Toast edge (ARCHITECTURE §3: money is integer cents inside).
 *
 * Toast sends dollars as JSON numbers (sometimes numeric strings). A JSON number such as `1.005`
 * becomes the nearest double (1.00499999999999989…), so `Math.round(x * 100)` would round it
 * *down*. Instead we take the number's shortest round-trip text (`String(x)`, which recovers
 * "1.005" — the decimal the sender wrote) and round that decimal exactly, half away from zero.
 * Strings are parsed the same way, so `"10"`, `"10.00"` and `10` agree. No float arithmetic
 * touches a cent.
 */
import type { ToastAmount } from './schemas/request-types.js';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** The decimal text of a finite number: shortest round-trip form, or fixed notation for tiny/huge ones. */
function decimalText(value: number): string {
  const shortest = String(value);
  // String() switches to exponent form below 1e-6 and from 1e21; toFixed keeps plain digits.
  return /e/i.test(shortest) ? value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : shortest;
}

/** Rounds exact decimal text to cents, half away from zero; null when it is not plain decimal text. */
function decimalToCents(text: string): number | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, whole = '0', fraction = ''] = m;
  const digits = fraction.padEnd(3, '0');
  let cents = Number(whole) * 100 + Number(digits.slice(0, 2));
  // Only the third decimal decides: ≥ 5 means the magnitude is at least half a cent above.
  if (digits.charCodeAt(2) >= 53 /* '5' */) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/**
 * Cents for a dollar amount (finite number or plain decimal string), rounded half away from
 * zero; null for anything else (NaN, Infinity, "", "1e3", " 10", objects…).
 */
export function tryDollarsToCents(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? decimalToCents(decimalText(value)) : null;
  if (typeof value === 'string' && value.length <= 40) return decimalToCents(value);
  return null;
}

/**
 * Cents for a validated Toast amount. Throws RangeError on a value the request schemas would
 * have refused, so a missed validation fails loudly instead of booking a wrong amount.
 */
export function dollarsToCents(value: ToastAmount): number {
  const cents = tryDollarsToCents(value);
  if (cents === null) throw new RangeError('not a dollar amount');
  return cents;
}

/** Cents for an optional amount: null/undefined stay null. */
export function optionalDollarsToCents(value: ToastAmount | null | undefined): number | null {
  return value === null || value === undefined ? null : dollarsToCents(value);
}

/**
 * Dollars for a response: `cents / 100`. Dividing an integer by 100 yields the double nearest
 * the two-decimal value, which JSON.stringify prints with at most two decimals (1234 → 12.34).
 */
export function centsToDollars(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError('cents must be a safe integer');
  return cents === 0 ? 0 : cents / 100;
}

/** A Toast quantity (number or numeric string) as a number; null when absent or not numeric. */
export function toQuantity(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}
