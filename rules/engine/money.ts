/**
 * Dollar → cent conversion at the edge. Toast sends dollars as JSON numbers (sometimes numeric
 * strings); we convert once, rounding half away from zero on the decimal text so binary noise
 * (0.285 stored as 0.28499…) cannot move a cent.
 */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Cents for a dollar amount, or null when the value is absent or not numeric. */
export function toCents(value: unknown): number | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = value.toFixed(10);
  } else if (typeof value === 'string' && value.trim() !== '') {
    text = value.trim();
  } else {
    return null;
  }
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = Number(m[2] || '0');
  const frac = (m[3] ?? '').padEnd(3, '0');
  let cents = whole * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1;
  return m[1] === '-' ? -cents : cents;
}

/** A JSON number or numeric string as a number; null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * `cents × numerator / denominator` rounded half away from zero, in integers only
 * (used for percentages: numerator = percent × 100, denominator = 10000).
 */
export function mulDivRound(cents: number, numerator: number, denominator: number): number {
  const product = cents * numerator;
  const q = Math.trunc(product / denominator);
  const r = product - q * denominator;
  if (Math.abs(r) * 2 >= denominator) return q + Math.sign(product);
  return q;
}

/** Percent (0–100, up to two decimals) of cents, rounded half away from zero. */
export function percentOf(cents: number, percent: number): number {
  return mulDivRound(cents, Math.round(percent * 100), 10000);
}

/** Converts a decimal multiplier with two places (1.25) to integer hundredths (125). */
export function hundredths(multiplier: number): number {
  return Math.round(multiplier * 100);
}
