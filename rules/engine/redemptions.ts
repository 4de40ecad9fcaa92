/**
 * Re-validates and re-prices the redemptions Toast submits at INQUIRE and REDEEM, enforcing
 * points, limits, `redemptionLimit`, exclusivity and Toast's item rules across them and across
 * the loyalty discounts already standing on the check (earlier requests' rewards count too).
 *
 * Order: admission (gates, points, the per-check limit, exclusivity) follows the submitted order;
 * pricing takes item-level rewards first and check-level ones after them, so a check percentage
 * is computed on what the items left. A redemption that admission let in but pricing refused
 * frees its place and admission runs again. Results come back in submitted order; rejected ones
 * keep the submitted redemption (with its appliedDiscountGuid) for the response.
 * A multi-unit redemption is priced in equal whole-cent units (the total rounded down to a
 * multiple of the quantity), because Toast applies `amount × quantity`: the per-unit amount it is
 * told can then never add up to more than the discount recorded.
 */
import { findReward } from './catalog.js';
import { priceReward, selectionTypeOf } from './effects/index.js';
import { prepare, type Evaluation, type LoyaltyOnCheck } from './evaluation.js';
import { budgetLeft, exclusiveWith, gate } from './gates.js';
import type { Pricing, PricingInput } from './matching.js';
import { messageFor } from './reasons.js';
import { rewardsCounted, standingDiscounts } from './standing.js';
import type {
  AppliedRedemption, EvaluationContext, Program, RejectedRedemption, Reward, SubmittedRedemption, ValidateRedemptionsResult,
} from './types.js';

interface Submitted {
  index: number;
  r: SubmittedRedemption;
  reward: Reward;
  quantity: number;
}

/** Counts over the check's standing rewards and the redemptions admitted so far. */
interface Admission {
  count: number;
  points: number;
  ids: string[];
  perReward: Map<string, number>;
}

/** Money over the check's standing rewards and the redemptions priced so far. */
interface Pricer {
  taken: Set<string>;
  usedCents: number;
  perRewardCents: Map<string, number>;
}

function targetsOf(r: SubmittedRedemption, reward: Reward): string[] | undefined {
  const type = selectionTypeOf(reward);
  if (type === 'ITEM' && r.selectionGuid) return [r.selectionGuid];
  if (type === 'MULTI_ITEM' && r.itemApplication?.length) {
    return r.itemApplication.flatMap((a) => (a.selectionIdentifier ? [a.selectionIdentifier] : []));
  }
  return undefined;
}

/** Prices `quantity` units one after another, each against what the check has left. */
function priceUnits(reward: Reward, input: PricingInput, quantity: number): Pricing {
  let total = 0;
  let last: Pricing = { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
  for (let i = 0; i < quantity; i++) {
    last = priceReward(reward, { ...input, remainingCents: input.remainingCents - total, baseCents: input.baseCents - total });
    if (!last.ok) return last;
    total += last.amountCents;
  }
  return last.ok ? { ...last, amountCents: total } : last;
}

/** The submitted redemption as a known reward and quantity, or the reason it cannot be one. */
function parse(r: SubmittedRedemption, index: number, program: Program): Submitted | string {
  const reward = findReward(program, r.identifier ?? '');
  if (!reward) return 'UNKNOWN_REWARD';
  const quantity = r.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) return 'INVALID_QUANTITY';
  if (quantity > 1 && selectionTypeOf(reward) !== 'CHECK') return 'QUANTITY_NOT_ALLOWED';
  return { index, r, reward, quantity };
}

function admit(s: Submitted, ev: Evaluation, adm: Admission): string | null {
  const { reward, quantity } = s;
  const prior = adm.perReward.get(reward.id) ?? 0;
  const cost = reward.pointsCost ?? 0;
  const { hidden, blocking } = gate(reward, ev, { count: prior + quantity - 1, points: adm.points + cost * (quantity - 1) });
  const first = hidden[0] ?? blocking[0];
  if (first) return first;
  const limit = ev.program.policies.stacking.maxRewardsPerCheck;
  if (limit !== null && adm.count + quantity > limit) return 'REDEMPTION_LIMIT_EXCEEDED';
  const rival = exclusiveWith(reward, ev, adm.ids);
  if (rival) return `EXCLUSIVE_WITH:${rival}`;
  adm.count += quantity;
  adm.points += cost * quantity;
  adm.ids.push(reward.id);
  adm.perReward.set(reward.id, prior + quantity);
  return null;
}

function price(s: Submitted, ev: Evaluation, pricer: Pricer): Pricing {
  const budget = budgetLeft(s.reward, ev);
  const baseCents = Math.max(0, ev.discountableCents - pricer.usedCents);
  const remainingCents = budget === null ? baseCents : Math.min(baseCents, budget - (pricer.perRewardCents.get(s.reward.id) ?? 0));
  const targets = targetsOf(s.r, s.reward);
  const input: PricingInput = {
    check: ev.context.check, taken: pricer.taken, remainingCents, discountableCents: ev.discountableCents, baseCents,
    ...(targets ? { targets } : {}),
  };
  return priceUnits(s.reward, input, s.quantity);
}

function toApplied(s: Submitted, pricing: Extract<Pricing, { ok: true }>): AppliedRedemption {
  const { r, reward, quantity } = s;
  const applied: AppliedRedemption = {
    identifier: reward.id,
    selectionGuid: r.selectionGuid ?? (selectionTypeOf(reward) === 'ITEM' ? pricing.itemApplication?.[0]?.selectionIdentifier ?? null : null),
    appliedDiscountGuid: r.appliedDiscountGuid ?? null,
    multiItemDiscountGuid: r.multiItemDiscountGuid ?? null,
    quantity,
    name: r.name ?? reward.name,
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

function record(pricer: Pricer, applied: AppliedRedemption): void {
  pricer.usedCents += applied.amountCents;
  for (const a of applied.itemApplication ?? []) pricer.taken.add(a.selectionIdentifier);
  pricer.perRewardCents.set(applied.identifier, (pricer.perRewardCents.get(applied.identifier) ?? 0) + applied.amountCents);
}

/** Item-level rewards are priced before check-level ones; submitted order within each. */
const pricingOrder = (a: Submitted, b: Submitted): number =>
  Number(selectionTypeOf(a.reward) === 'CHECK') - Number(selectionTypeOf(b.reward) === 'CHECK') || a.index - b.index;

interface Round {
  applied: Map<number, AppliedRedemption>;
  rejected: Map<number, string>;
  /** Admitted but refused by pricing in this round. */
  priceRefused: Map<number, string>;
}

function runRound(ev: Evaluation, standing: LoyaltyOnCheck[], candidates: Submitted[]): Round {
  const adm: Admission = {
    count: rewardsCounted(ev.program, standing), points: 0,
    ids: standing.flatMap((d) => (d.referenceId ? [d.referenceId] : [])), perReward: new Map(),
  };
  const pricer: Pricer = {
    taken: new Set(standing.flatMap((d) => (d.selectionGuid ? [d.selectionGuid] : []))),
    usedCents: standing.reduce((s, d) => s + d.amountCents, 0), perRewardCents: new Map(),
  };
  const round: Round = { applied: new Map(), rejected: new Map(), priceRefused: new Map() };
  const admitted: Submitted[] = [];
  for (const s of candidates) {
    const refused = admit(s, ev, adm);
    if (refused) round.rejected.set(s.index, refused); else admitted.push(s);
  }
  for (const s of admitted.sort(pricingOrder)) {
    const pricing = price(s, ev, pricer);
    if (!pricing.ok) { round.priceRefused.set(s.index, pricing.reason); continue; }
    const applied = toApplied(s, pricing);
    record(pricer, applied);
    round.applied.set(s.index, applied);
  }
  return round;
}

/** Applied redemptions with final amounts, and rejected ones with reasons, in submitted order. */
export async function validateRedemptions(
  program: Program, context: EvaluationContext, redemptions: SubmittedRedemption[],
): Promise<ValidateRedemptionsResult> {
  return redemptionsOf(await prepare(program, context), redemptions);
}

/** {@link validateRedemptions} from an evaluation already prepared. */
export function redemptionsOf(ev: Evaluation, redemptions: SubmittedRedemption[]): ValidateRedemptionsResult {
  const { program, context } = ev;
  const standing = standingDiscounts(ev.onCheck, redemptions);
  const reasons = new Map<number, string>();
  const parsed: Submitted[] = [];
  // A suspended account redeems nothing, whatever was submitted (issue 8 §4).
  const suspended = context.member?.status === 'SUSPENDED';
  redemptions.forEach((r, i) => {
    const p = suspended ? 'MEMBER_SUSPENDED' : parse(r, i, program);
    if (typeof p === 'string') reasons.set(i, p); else parsed.push(p);
  });
  let round = runRound(ev, standing, parsed);
  // A place freed by a pricing refusal may admit a later redemption: admit again without it.
  while (round.priceRefused.size > 0) {
    for (const [i, reason] of round.priceRefused) reasons.set(i, reason);
    round = runRound(ev, standing, parsed.filter((s) => !reasons.has(s.index)));
  }
  for (const [i, reason] of round.rejected) reasons.set(i, reason);
  const applied: AppliedRedemption[] = [];
  const rejected: RejectedRedemption[] = [];
  redemptions.forEach((r, i) => {
    const a = round.applied.get(i);
    const reason = reasons.get(i);
    if (a) applied.push(a);
    else if (reason) rejected.push({ redemption: r, reason, message: messageFor(reason) });
  });
  return { applied, rejected };
}
