/**
 * The re-pay rule. Toast may send a second ACCRUE for a check we already hold: a retry of a failed
 * one (same amount: the earlier accrual stands, invariant 5), or a check reopened and paid again
 * with a new amount — e.g. a redeemed reward was reversed after payment, so the guest now pays for
 * the item. A new ACCRUE whose paid amount differs supersedes the earlier accrual: it is reversed
 * (points taken back under the clamp policy, state REVERSED with a `|superseded|` key) and the new
 * payment accrues in its place, so the receipt tells the new number.
 *
 * The state flip is one guarded update, so of two racing re-pays one supersedes and the other
 * finds the new accrual and is its duplicate. A CLAIMED accrual (points moved by a receipt claim)
 * is never superseded.
 */
import type { NormalizedCheck } from '../../../rules/index.js';
import type { AccrualDoc } from '../../store/models/accrual.js';
import type { Models } from '../../store/models/index.js';

const SUPERSEDABLE = ['PENDING', 'POSTED', 'UNCLAIMED'];

/** What the guest paid for the check: Toast's `amount`, else its total, else the sum of line prices. */
export function paidAmountCents(check: Partial<NormalizedCheck> | null | undefined): number | null {
  if (!check || !Array.isArray(check.lines)) return null;
  if (typeof check.amountCents === 'number') return check.amountCents;
  if (typeof check.totalCents === 'number') return check.totalCents;
  return check.lines.filter((l) => !l.voided).reduce((s, l) => s + (l.toastPriceCents ?? l.netCents), 0);
}

export type Superseded = AccrualDoc & { _id: import('mongoose').Types.ObjectId };

/**
 * Retires the accrual holding `activeCheckKey` when `check` was paid with a different amount;
 * answers the retired accrual (whose points the caller takes back), or null when it stands.
 */
export async function supersedeIfRepaid(models: Models, activeCheckKey: string, check: NormalizedCheck, now: Date): Promise<Superseded | null> {
  const existing = await models.Accrual.findOne({ activeCheckKey }).lean();
  if (!existing || !SUPERSEDABLE.includes(existing.state)) return null;
  const before = paidAmountCents(existing.check as Partial<NormalizedCheck>);
  const after = paidAmountCents(check);
  if (before === null || after === null || before === after) return null;
  const retired = await models.Accrual.findOneAndUpdate(
    { _id: existing._id, activeCheckKey, state: existing.state },
    { $set: { state: 'REVERSED', reversedAt: now, activeCheckKey: `${activeCheckKey}|superseded|${String(existing._id)}` } },
    { returnDocument: 'before' },
  ).lean();
  return retired as Superseded | null;
}
