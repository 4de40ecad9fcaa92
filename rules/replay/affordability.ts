/**
 * Which banked rewards a balance change makes affordable, and what each would take off the check
 * it became affordable on if redeemed there. Pure; pricing uses the reward's own effect on an
 * otherwise undiscounted check (eligibility, schedule and limits are not re-judged here: this is
 * what a backtest reports as "discounts if redeemed", an upper bound of what the guest could use).
 */
import { catalog } from '../engine/catalog.js';
import { priceReward } from '../engine/effects/index.js';
import { discountableSubtotalCents } from '../engine/facts/line-sums.js';
import type { NormalizedCheck, Program, Reward } from '../engine/types.js';

/** Rewards bought with points (declared and shop-with-points), cheapest first. */
export function bankedRewards(program: Program): Reward[] {
  return catalog(program).filter((r) => (r.pointsCost ?? 0) > 0).sort((a, b) => (a.pointsCost ?? 0) - (b.pointsCost ?? 0));
}

/** Rewards whose cost lies in (before, after]: affordable now, not before. */
export function newlyAffordable(rewards: Reward[], before: number, after: number): Reward[] {
  if (after <= before) return [];
  return rewards.filter((r) => (r.pointsCost ?? 0) > before && (r.pointsCost ?? 0) <= after);
}

/** The discount `reward` would give on `check` (0 when it finds nothing to discount). */
export function discountOnCheck(reward: Reward, check: NormalizedCheck): number {
  const discountable = discountableSubtotalCents(check);
  const pricing = priceReward(reward, { check, taken: new Set(), remainingCents: discountable, discountableCents: discountable, baseCents: discountable });
  return pricing.ok ? pricing.amountCents : 0;
}

/** Micro-dollars (10⁻⁶ $) per point: integer-exact liability for any rate a program can state. */
export type PointValue = number;

/** The program's shop-with-points rate as micro-dollars per point, or null without one. */
export function shopRate(program: Program): PointValue | null {
  const rate = program.shopWithPoints?.rate;
  return rate ? Math.round((rate.cents * 10_000) / rate.points) : null;
}

/** `--rate` given as dollars per point (e.g. 0.01), as micro-dollars per point; null when not a positive number. */
export function parseRate(dollarsPerPoint: string): PointValue | null {
  if (!/^\d+(\.\d{1,6})?$/.test(dollarsPerPoint)) return null;
  const value = Math.round(Number(dollarsPerPoint) * 1_000_000);
  return value > 0 ? value : null;
}

/** Liability of `points` in cents (half away from zero). */
export function liabilityCents(points: number, value: PointValue): number {
  const micro = points * value;
  return Math.sign(micro) * Math.round(Math.abs(micro) / 10_000);
}
