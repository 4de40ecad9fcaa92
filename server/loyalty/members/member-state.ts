/**
 * The member facts the rules engine evaluates: status, tier, balance, counters and reward usage
 * in the current day / week / month at the location (from `rewardRedemptions`, non-reversed).
 */
import { periodStarts, type MemberState, type Program, type RewardUsage } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import type { MemberRecord } from './members.js';
import { withRollingPoints } from '../tiers/tier-points.js';

interface UsageRow {
  rewardId: string;
  quantity: number;
  amountCents: number;
  redeemedAt: Date;
}

function hasLimits(program: Program): boolean {
  return program.rewards.some((r) => r.limits !== undefined);
}

/** Counts usage per reward for the periods that contain `now`. */
function tally(rows: UsageRow[], starts: { day: number; week: number; month: number }): Record<string, RewardUsage> {
  const usage: Record<string, RewardUsage> = {};
  for (const row of rows) {
    const u = (usage[row.rewardId] ??= { day: 0, week: 0, month: 0, total: 0 });
    const at = row.redeemedAt.getTime();
    u.total += row.quantity;
    if (at >= starts.month) u.month += row.quantity;
    if (at >= starts.week) u.week += row.quantity;
    if (at >= starts.day) u.day += row.quantity;
  }
  return usage;
}

/** Usage of limited rewards by this member; empty when the program limits nothing. */
export async function rewardUsage(
  models: Models, program: Program, locationGuid: string, memberId: MemberRecord['_id'], now: Date, ownTransactionGuid?: string,
): Promise<Record<string, RewardUsage>> {
  if (!hasLimits(program)) return {};
  const limited = program.rewards.filter((r) => r.limits !== undefined).map((r) => r.id);
  const filter: Record<string, unknown> = { memberId: String(memberId), rewardId: { $in: limited }, reversedAt: null };
  // A REDEEM re-run after a crash must not count its own earlier usage against itself.
  if (ownTransactionGuid) filter.transactionGuid = { $ne: ownTransactionGuid };
  const rows = await models.RewardRedemption.find(
    filter,
    { rewardId: 1, quantity: 1, amountCents: 1, redeemedAt: 1 },
  ).lean<UsageRow[]>();
  const p = periodStarts(program, locationGuid, now.toISOString());
  return tally(rows, { day: Date.parse(p.day), week: Date.parse(p.week), month: Date.parse(p.month) });
}

/** Discount cents already spent on each budgeted reward, over all members of the program. */
async function budgetUsed(models: Models, program: Program): Promise<Record<string, number> | undefined> {
  const budgeted = program.rewards.filter((r) => r.limits?.budgetCents !== undefined).map((r) => r.id);
  if (budgeted.length === 0) return undefined;
  const rows = await models.RewardRedemption.aggregate<{ _id: string; cents: number }>([
    { $match: { programId: program.id, rewardId: { $in: budgeted }, reversedAt: null } },
    { $group: { _id: '$rewardId', cents: { $sum: '$amountCents' } } },
  ]);
  return Object.fromEntries(rows.map((r) => [r._id, r.cents]));
}

/** Overrides for a REDEEM evaluated as if its own earlier (committed) effects had not happened. */
export interface StateOverrides {
  /** Balance to use instead of the stored projection. */
  balance?: number;
  /** Usage recorded by this transaction is not counted. */
  ownTransactionGuid?: string;
}

/** The engine's view of `member`. */
export async function memberState(
  models: Models, program: Program, locationGuid: string, member: MemberRecord, now: Date, overrides: StateOverrides = {},
): Promise<MemberState> {
  const [usage, budget] = await Promise.all([
    rewardUsage(models, program, locationGuid, member._id, now, overrides.ownTransactionGuid),
    budgetUsed(models, program),
  ]);
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
