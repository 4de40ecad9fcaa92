/**
 * A redemption validated at an earlier INQUIRE comes back both in `redemptions[]` and as a
 * loyalty AppliedDiscount on the check (contract §6.12), but Toast does not always repeat the
 * discount's GUID on the redemption (§5.3). The POS needs that GUID on every rejection, and a
 * REVERSE names redemptions by it, so it is filled in from the check: the first unclaimed
 * loyalty discount with the same offer identifier (on the redemption's selection, if it names one).
 */
import type { NormalizedCheck, NormalizedLoyaltyDiscount, SubmittedRedemption } from '../../../rules/index.js';

interface Candidate extends NormalizedLoyaltyDiscount {
  selectionGuid: string | null;
}

function candidates(check: NormalizedCheck): Candidate[] {
  return [
    ...check.checkLoyaltyDiscounts.map((d) => ({ ...d, selectionGuid: null })),
    ...check.lines.flatMap((l) => l.loyaltyDiscounts.map((d) => ({ ...d, selectionGuid: l.selectionGuid }))),
  ];
}

/** Copies of `redemptions` with `appliedDiscountGuid` filled in where the check shows it. */
export function attachDiscountGuids(redemptions: SubmittedRedemption[], check: NormalizedCheck): SubmittedRedemption[] {
  const pool = candidates(check);
  const claimed = new Set(redemptions.map((r) => r.appliedDiscountGuid).filter((g): g is string => typeof g === 'string'));
  return redemptions.map((r) => {
    if (r.appliedDiscountGuid || r.multiItemDiscountGuid) return { ...r };
    const id = r.identifier ?? null;
    const selection = r.selectionGuid ?? null;
    const match = pool.find((d) => d.appliedDiscountGuid !== null && !claimed.has(d.appliedDiscountGuid)
      && d.referenceId === id && (selection === null || d.selectionGuid === selection));
    if (!match?.appliedDiscountGuid) return { ...r };
    claimed.add(match.appliedDiscountGuid);
    return { ...r, appliedDiscountGuid: match.appliedDiscountGuid };
  });
}
