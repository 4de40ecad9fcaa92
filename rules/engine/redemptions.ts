/**
 * Re-validates and re-prices the redemptions Toast submits at INQUIRE and REDEEM, in submitted
 * order, enforcing points, limits, `redemptionLimit`, exclusivity and Toast's item rules across
 * them. Rejected ones keep the submitted redemption (with its appliedDiscountGuid) for the response.
 * A multi-unit redemption is priced in equal whole-cent units (the total rounded down to a
 * multiple of the quantity), because Toast applies `amount × quantity`: the per-unit amount it is
 * told can then never add up to more than the discount recorded.
 */
import { findReward } from './catalog.js';
import { priceReward, selectionTypeOf } from './effects/index.js';
import { prepare, type Evaluation } from './evaluation.js';
import { budgetLeft, exclusiveWith, gate } from './gates.js';
import type { Pricing, PricingInput } from './matching.js';
import { messageFor } from './reasons.js';
import type {
  AppliedRedemption, EvaluationContext, Program, Reward, SubmittedRedemption, ValidateRedemptionsResult,
} from './types.js';

/** Running totals over the redemptions accepted so far in this call. */
interface Tally {
  applied: AppliedRedemption[];
  taken: Set<string>;
  usedCents: number;
  points: number;
  perReward: Map<string, { count: number; cents: number }>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function targetsOf(r: SubmittedRedemption, reward: Reward): string[] | undefined {
  const type = selectionTypeOf(reward);
  if (type === 'ITEM' && str(r.selectionGuid)) return [r.selectionGuid as string];
  if (type === 'MULTI_ITEM' && r.itemApplication?.length) {
    return r.itemApplication.flatMap((a) => (str(a.selectionIdentifier) ? [a.selectionIdentifier as string] : []));
  }
  return undefined;
}

/** Prices `quantity` units one after another, each against what the check has left. */
function priceUnits(reward: Reward, input: PricingInput, quantity: number): Pricing {
  let total = 0;
  let last: Pricing = { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
  for (let i = 0; i < quantity; i++) {
    last = priceReward(reward, { ...input, remainingCents: input.remainingCents - total });
    if (!last.ok) return last;
    total += last.amountCents;
  }
  return last.ok ? { ...last, amountCents: total } : last;
}

function precheck(r: SubmittedRedemption, reward: Reward, quantity: number, ev: Evaluation, tally: Tally): string | null {
  const prior = tally.perReward.get(reward.id)?.count ?? 0;
  const cost = reward.pointsCost ?? 0;
  const { hidden, blocking } = gate(reward, ev, { count: prior + quantity - 1, points: tally.points + cost * (quantity - 1) });
  const first = hidden[0] ?? blocking[0];
  if (first) return first;
  const limit = ev.program.policies.stacking.maxRewardsPerCheck;
  const count = tally.applied.reduce((s, a) => s + a.quantity, 0);
  if (limit !== null && count + quantity > limit) return 'REDEMPTION_LIMIT_EXCEEDED';
  const rival = exclusiveWith(reward, ev, tally.applied.map((a) => a.identifier));
  return rival ? `EXCLUSIVE_WITH:${rival}` : null;
}

function price(r: SubmittedRedemption, reward: Reward, quantity: number, ev: Evaluation, tally: Tally): Pricing {
  const budget = budgetLeft(reward, ev);
  let remainingCents = Math.max(0, ev.discountableCents - tally.usedCents);
  if (budget !== null) remainingCents = Math.min(remainingCents, budget - (tally.perReward.get(reward.id)?.cents ?? 0));
  const targets = targetsOf(r, reward);
  const input: PricingInput = {
    check: ev.context.check, taken: tally.taken, remainingCents, discountableCents: ev.discountableCents,
    ...(targets ? { targets } : {}),
  };
  return priceUnits(reward, input, quantity);
}

function toApplied(r: SubmittedRedemption, reward: Reward, quantity: number, pricing: Extract<Pricing, { ok: true }>): AppliedRedemption {
  const applied: AppliedRedemption = {
    identifier: reward.id,
    selectionGuid: str(r.selectionGuid) ?? (selectionTypeOf(reward) === 'ITEM' ? pricing.itemApplication?.[0]?.selectionIdentifier ?? null : null),
    appliedDiscountGuid: str(r.appliedDiscountGuid),
    multiItemDiscountGuid: str(r.multiItemDiscountGuid),
    quantity,
    name: str(r.name) ?? reward.name,
    amountCents: pricing.amountCents - (pricing.amountCents % quantity),
    pointsCost: (reward.pointsCost ?? 0) * quantity,
  };
  if (pricing.itemApplication) {
    applied.itemApplication = pricing.itemApplication.map((a) => {
      const raw = r.itemApplication?.find((x) => x.selectionIdentifier === a.selectionIdentifier);
      return raw?.appliedDiscountIdentifier ? { ...a, appliedDiscountIdentifier: raw.appliedDiscountIdentifier } : a;
    });
  }
  return applied;
}

function record(tally: Tally, applied: AppliedRedemption): void {
  tally.applied.push(applied);
  tally.usedCents += applied.amountCents;
  tally.points += applied.pointsCost;
  for (const a of applied.itemApplication ?? []) tally.taken.add(a.selectionIdentifier);
  const prior = tally.perReward.get(applied.identifier) ?? { count: 0, cents: 0 };
  tally.perReward.set(applied.identifier, { count: prior.count + applied.quantity, cents: prior.cents + applied.amountCents });
}

/** Decides one redemption: the applied entry, or the machine reason it is rejected. */
function decide(r: SubmittedRedemption, ev: Evaluation, tally: Tally): AppliedRedemption | string {
  const reward = findReward(ev.program, str(r.identifier) ?? '');
  if (!reward) return 'UNKNOWN_REWARD';
  const quantity = r.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) return 'INVALID_QUANTITY';
  if (quantity > 1 && selectionTypeOf(reward) !== 'CHECK') return 'QUANTITY_NOT_ALLOWED';
  const blocked = precheck(r, reward, quantity, ev, tally);
  if (blocked) return blocked;
  const pricing = price(r, reward, quantity, ev, tally);
  return pricing.ok ? toApplied(r, reward, quantity, pricing) : pricing.reason;
}

/** Applied redemptions with final amounts, and rejected ones with reasons, in submitted order. */
export async function validateRedemptions(
  program: Program, context: EvaluationContext, redemptions: SubmittedRedemption[],
): Promise<ValidateRedemptionsResult> {
  const ev = await prepare(program, context);
  const tally: Tally = { applied: [], taken: new Set(), usedCents: 0, points: 0, perReward: new Map() };
  const rejected: ValidateRedemptionsResult['rejected'] = [];
  for (const r of redemptions) {
    const outcome = decide(r, ev, tally);
    if (typeof outcome === 'string') rejected.push({ redemption: r, reason: outcome, message: messageFor(outcome) });
    else record(tally, outcome);
  }
  return { applied: tally.applied, rejected };
}
