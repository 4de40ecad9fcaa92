/**
 * The offers a REDEEM answers with, as they are after its debits: the new balance (what is still
 * affordable), the rewards' usage counted with this request's redemptions, and every applied
 * redemption standing on the check (so the per-check limit and exclusivity show as used).
 */
import { offersOf, restate, type AppliedRedemption, type MemberState, type NormalizedCheck, type NormalizedLoyaltyDiscount, type OffersResult } from '../../../rules/index.js';
import type { CheckEvaluation } from '../offers/check-evaluation.js';
import type { ProgramContext } from '../programs/program-context.js';

export interface AfterRedeemInput {
  context: ProgramContext;
  now: Date;
}

function discountOf(a: AppliedRedemption, amountCents: number): NormalizedLoyaltyDiscount {
  return { appliedDiscountGuid: a.appliedDiscountGuid ?? a.multiItemDiscountGuid, referenceId: a.identifier, amountCents, processingState: 'APPLIED' };
}

/** The check with each applied redemption on it (added where Toast's check does not show it yet). */
export function withApplied(check: NormalizedCheck, applied: AppliedRedemption[]): NormalizedCheck {
  const shown = new Set([...check.checkLoyaltyDiscounts, ...check.lines.flatMap((l) => l.loyaltyDiscounts)].map((d) => d.appliedDiscountGuid));
  const missing = applied.filter((a) => {
    const id = a.appliedDiscountGuid ?? a.multiItemDiscountGuid;
    return id === null || !shown.has(id);
  });
  const onLines = new Map<string, NormalizedLoyaltyDiscount[]>();
  const onCheck: NormalizedLoyaltyDiscount[] = [];
  for (const a of missing) {
    if (!a.itemApplication?.length) { onCheck.push(discountOf(a, a.amountCents)); continue; }
    for (const item of a.itemApplication) onLines.set(item.selectionIdentifier, [...(onLines.get(item.selectionIdentifier) ?? []), discountOf(a, item.amountCents)]);
  }
  return {
    ...check,
    checkLoyaltyDiscounts: [...check.checkLoyaltyDiscounts, ...onCheck],
    lines: check.lines.map((l) => (onLines.has(l.selectionGuid) ? { ...l, loyaltyDiscounts: [...l.loyaltyDiscounts, ...(onLines.get(l.selectionGuid) ?? [])] } : l)),
  };
}

/** Usage with this request's redemptions counted in every period. */
function usageAfter(state: MemberState, applied: AppliedRedemption[]): MemberState['usage'] {
  const usage = { ...state.usage };
  for (const a of applied) {
    const u = usage[a.identifier] ?? { day: 0, week: 0, month: 0, total: 0 };
    usage[a.identifier] = { day: u.day + a.quantity, week: u.week + a.quantity, month: u.month + a.quantity, total: u.total + a.quantity };
  }
  return usage;
}

/** Offers priced on the check as it stands after the debits, for the member as they are now. */
export async function offersAfterRedeem(input: AfterRedeemInput, evaluation: CheckEvaluation, applied: AppliedRedemption[], balance: number): Promise<OffersResult> {
  const debitedNow = applied.filter((a) => !evaluation.already.some((x) => x.applied === a));
  const member: MemberState = { ...evaluation.state, pointsBalance: balance, usage: usageAfter(evaluation.state, debitedNow) };
  // The same check in its new state: the conditions run again only if a fact they read changed.
  return offersOf(await restate(evaluation.prepared, {
    now: input.now.toISOString(), locationGuid: input.context.restaurantGuid, check: withApplied(evaluation.check, applied), member,
  }));
}
