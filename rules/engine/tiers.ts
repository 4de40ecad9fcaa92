import type { MemberState, Program, Tier } from './types.js';

/**
 * The member's tier, derived from the program's tier basis (lifetime or rolling points) so that
 * evaluation never depends on a stale cached tier. Without tiers in the program, `member.tier` is used.
 */
export function effectiveTier(program: Program, member: MemberState | null): Tier | null {
  if (!member) return null;
  const tiers = program.tiers;
  if (!tiers) return null;
  const basis = tiers.basis === 'ROLLING' ? (member.rollingPoints ?? member.lifetimePoints) : member.lifetimePoints;
  let best: Tier | null = null;
  for (const level of tiers.levels) {
    if (basis >= level.minPoints && (!best || level.minPoints > best.minPoints)) best = level;
  }
  return best;
}

/** Tier id for conditions and member requirements. */
export function effectiveTierId(program: Program, member: MemberState | null): string | null {
  if (!program.tiers) return member?.tier ?? null;
  return effectiveTier(program, member)?.id ?? null;
}
