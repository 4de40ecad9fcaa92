/**
 * Offers for the Toast INQUIRE response: every reward the member holds, priced on the current
 * check, applicable or greyed out with reasons; rewards not shown at all are listed in `notOffered`.
 */
import { catalog } from './catalog.js';
import { selectionTypeOf, priceReward } from './effects/index.js';
import { prepare, type Evaluation, type LoyaltyOnCheck } from './evaluation.js';
import { budgetLeft, exclusiveWith, gate } from './gates.js';
import type { Pricing } from './matching.js';
import { rewardsCounted } from './standing.js';
import type { EngineOffer, EvaluationContext, NotOffered, OffersResult, Program, Reward } from './types.js';

/** Prices a reward as if it were the only new one: other loyalty discounts on the check stay put. */
function priceForOffer(reward: Reward, ev: Evaluation, others: LoyaltyOnCheck[]): Pricing {
  const taken = new Set(others.flatMap((d) => (d.selectionGuid ? [d.selectionGuid] : [])));
  const used = others.reduce((s, d) => s + d.amountCents, 0);
  const budget = budgetLeft(reward, ev);
  const baseCents = Math.max(0, ev.discountableCents - used);
  const remainingCents = budget === null ? baseCents : Math.min(baseCents, budget);
  return priceReward(reward, { check: ev.context.check, taken, remainingCents, discountableCents: ev.discountableCents, baseCents });
}

/** The per-check limit is used up by the other rewards already on the check. */
function limitUsed(ev: Evaluation, others: LoyaltyOnCheck[]): boolean {
  const limit = ev.program.policies.stacking.maxRewardsPerCheck;
  return limit !== null && rewardsCounted(ev.program, others) >= limit;
}

function buildOffer(reward: Reward, ev: Evaluation, blocking: string[]): EngineOffer {
  const reasons = [...blocking];
  const others = ev.onCheck.filter((d) => d.referenceId !== reward.id);
  const rival = exclusiveWith(reward, ev, others.flatMap((d) => (d.referenceId ? [d.referenceId] : [])));
  if (rival) reasons.push(`EXCLUSIVE_WITH:${rival}`);
  if (limitUsed(ev, others)) reasons.push('REDEMPTION_LIMIT_EXCEEDED');
  const pricing = priceForOffer(reward, ev, others);
  if (!pricing.ok) reasons.push(pricing.reason);
  const cost = reward.pointsCost ?? 0;
  const offer: EngineOffer = {
    identifier: reward.id,
    name: reward.name,
    applicable: reasons.length === 0,
    selectionType: selectionTypeOf(reward),
    amountCents: pricing.ok ? pricing.amountCents : 0,
    pointsCost: cost,
    reasons,
  };
  if (pricing.ok && pricing.itemApplication && offer.applicable) offer.itemApplication = pricing.itemApplication;
  if (cost > 0) offer.quantity = Math.floor(Math.max(0, ev.context.member?.pointsBalance ?? 0) / cost);
  if (reward.expiresAt) offer.expiration = [{ date: reward.expiresAt }];
  if (reward.description) offer.description = reward.description;
  return offer;
}

/** Toast's display order: applicable first, then alphabetical by name (identifier breaks ties). */
export function compareOffers(a: EngineOffer, b: EngineOffer): number {
  if (a.applicable !== b.applicable) return a.applicable ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0;
}

/** Offers priced on the current check, with reasons for everything not offered or not applicable. */
export async function offers(program: Program, context: EvaluationContext): Promise<OffersResult> {
  return offersOf(await prepare(program, context));
}

/** {@link offers} from an evaluation already prepared (one condition run serves every answer). */
export function offersOf(ev: Evaluation): OffersResult {
  const { program } = ev;
  const list: EngineOffer[] = [];
  const notOffered: NotOffered[] = [];
  for (const reward of catalog(program)) {
    const { hidden, blocking } = gate(reward, ev);
    if (hidden.length > 0) notOffered.push({ rewardId: reward.id, reasons: hidden });
    else list.push(buildOffer(reward, ev, blocking));
  }
  list.sort(compareOffers);
  return { offers: list, redemptionLimit: program.policies.stacking.maxRewardsPerCheck, notOffered };
}
