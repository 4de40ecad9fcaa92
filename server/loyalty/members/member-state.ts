/**
 * The member facts the rules engine evaluates: status, tier, balance, counters, reward usage in
 * the current day / week / month at the location and budgets spent. Usage comes from the
 * counters on the member document and budgets from their counters (redemption/usage-counters.ts,
 * reward-budgets.ts), so the cost does not grow with the member's or the program's history.
 */
import type { MemberState, Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import type { MemberRecord } from './members.js';
import { withRollingPoints } from '../tiers/tier-points.js';
import { budgetsSpent } from '../redemption/reward-budgets.js';
import { memberCounters, usageFromCounters } from '../redemption/usage-counters.js';

/** Overrides for a REDEEM evaluated as if its own earlier (committed) effects had not happened. */
export interface StateOverrides {
  /** Balance to use instead of the stored projection. */
  balance?: number;
  /** Usage held by these redemptions (this request's own sourceKeys) is not counted. */
  ownSourceKeys?: string[];
}

/** The engine's view of `member`. */
export async function memberState(
  models: Models, program: Program, locationGuid: string, member: MemberRecord, now: Date, overrides: StateOverrides = {},
): Promise<MemberState> {
  const [counters, budget] = await Promise.all([
    memberCounters(models, program, locationGuid, member, now),
    budgetsSpent(models, program, now),
  ]);
  const usage = usageFromCounters(program, locationGuid, counters, now, new Set(overrides.ownSourceKeys ?? []));
  const state: MemberState = {
    status: member.status,
    tier: member.tier ?? null,
    pointsBalance: overrides.balance ?? member.pointsBalance,
    lifetimePoints: member.lifetimePoints,
    visits: member.visits,
    usage,
  };
  if (budget) state.budgetUsed = budget;
  return withRollingPoints(models, program, member._id, state, now);
}
