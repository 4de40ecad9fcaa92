/**
 * Discount-GUID matching (pure). Toast names a redemption by the applied discount on the check.
 *
 * A redemption validated at an earlier INQUIRE comes back both in `redemptions[]` and as a
 * loyalty AppliedDiscount on the check (contract §6.12), but Toast does not always repeat the
 * discount's GUID on the redemption (§5.3). The POS needs that GUID on every rejection, and a
 * REVERSE names redemptions by it, so it is filled in from the check: the first unclaimed
 * loyalty discount with the same offer identifier (on the redemption's selection, if it names one).
 */
import type { NormalizedCheck, NormalizedLoyaltyDiscount, SubmittedRedemption } from '../../../rules/index.js';
import { LoyaltyError } from '../errors.js';

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

/** What a committed redemption is known by: its discount GUIDs and its reward. */
export interface RedemptionIdentity {
  appliedDiscountGuid: string | null;
  multiItemDiscountGuid: string | null;
  rewardId: string;
}

/**
 * Whether a redemption a REVERSE lists names committed redemption `c`: by appliedDiscountGuid
 * (either GUID of `c`), by multiItemDiscountGuid for MULTI_ITEM, or, with no GUID at all, by
 * offer identifier.
 */
function matches(listed: SubmittedRedemption, c: RedemptionIdentity): boolean {
  const applied = listed.appliedDiscountGuid ?? null;
  const multi = listed.multiItemDiscountGuid ?? null;
  if (applied || multi) {
    return (applied !== null && (c.appliedDiscountGuid === applied || c.multiItemDiscountGuid === applied))
      || (multi !== null && c.multiItemDiscountGuid === multi);
  }
  return listed.identifier === c.rewardId; // no GUID at all: by offer identifier
}

/** The redemptions to reverse; a listed one that is not part of the transaction is an error. */
export function selectTargets<C extends RedemptionIdentity>(committed: C[], listed: SubmittedRedemption[] | null | undefined): C[] {
  if (!listed || listed.length === 0) return committed;
  const targets = new Set<C>();
  for (const l of listed) {
    const found = committed.filter((c) => matches(l, c));
    if (found.length === 0) throw new LoyaltyError('TRANSACTION_DOES_NOT_EXIST', 'a listed redemption is not part of the transaction');
    for (const c of found) targets.add(c);
  }
  return committed.filter((c) => targets.has(c));
}
