/** Integer arithmetic on cents for pricing (the dollar → cent conversion lives at the Toast edge). */
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
