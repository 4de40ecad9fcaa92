/**
 * Every reward a program offers: its declared rewards plus shop-with-points denominations, which
 * become $-off-check rewards priced in points (100 points = $1 → a $5 denomination costs 500).
 */
import type { AmountOffCheckReward, Program, Reward } from './types.js';

const catalogs = new WeakMap<Program, Reward[]>();

function formatDollars(cents: number): string {
  const dollars = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `${dollars}` : `${dollars}.${String(rest).padStart(2, '0')}`;
}

/** Reward id of a shop-with-points denomination. */
export const shopRewardId = (cents: number): string => `points-off-${cents}`;

function shopRewards(program: Program): AmountOffCheckReward[] {
  const shop = program.shopWithPoints;
  if (!shop) return [];
  return shop.denominationsCents.map((cents) => ({
    id: shopRewardId(cents),
    type: 'AMOUNT_OFF_CHECK' as const,
    name: (shop.nameTemplate ?? '${amount} off').replace('{amount}', formatDollars(cents)),
    ...(shop.description ? { description: shop.description } : {}),
    amountCents: cents,
    // Validation guarantees the rate divides every denomination exactly.
    pointsCost: (cents * shop.rate.points) / shop.rate.cents,
  }));
}

export function catalog(program: Program): Reward[] {
  let rewards = catalogs.get(program);
  if (!rewards) {
    rewards = [...program.rewards, ...shopRewards(program)];
    catalogs.set(program, rewards);
  }
  return rewards;
}

export function findReward(program: Program, id: string): Reward | null {
  return catalog(program).find((r) => r.id === id) ?? null;
}
