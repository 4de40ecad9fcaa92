/**
 * Whether a reward may be offered to this member here and now, with machine-readable reasons.
 * `hidden` reasons keep a reward off the list entirely; `blocking` ones show it greyed out.
 */
import { ruleName } from './conditions.js';
import { hasNonLoyaltyDiscount, type Evaluation } from './evaluation.js';
import { scheduleAllows } from './schedule.js';
import type { LocationFilter, Reward } from './types.js';

export interface GateResult {
  hidden: string[];
  blocking: string[];
}

/** Counts already used earlier in the same validateRedemptions call. */
export interface PendingUse {
  count: number;
  points: number;
}

export function locationAllows(filter: LocationFilter | undefined, ev: Evaluation): boolean {
  const location = ev.clock.location;
  if (!location) return false;
  if (!filter) return true;
  if (filter.guids?.includes(location.guid)) return true;
  return !!filter.tags?.some((t) => location.tags.includes(t));
}

function memberReasons(reward: Reward, ev: Evaluation, into: GateResult): void {
  const member = ev.context.member;
  if (!member) { into.hidden.push('NO_MEMBER'); return; }
  if (member.status === 'SUSPENDED') { into.hidden.push('MEMBER_SUSPENDED'); return; }
  const req = reward.members;
  if (req?.statuses && !req.statuses.includes(member.status)) into.hidden.push(`STATUS_REQUIRED:${req.statuses.join('|')}`);
  if (req?.tiers && !(ev.tierId && req.tiers.includes(ev.tierId))) into.hidden.push(`TIER_REQUIRED:${req.tiers.join('|')}`);
  if (member.status === 'STARTER' && !ev.program.policies.membership.starterMayRedeem) into.blocking.push('REQUIRES_REGISTRATION');
}

function limitReached(reward: Reward, ev: Evaluation, pending: PendingUse): boolean {
  const limits = reward.limits;
  const usage = ev.context.member?.usage[reward.id];
  if (!limits) return false;
  const used = (n: number | undefined): number => (n ?? 0) + pending.count;
  return (limits.perDay !== undefined && used(usage?.day) >= limits.perDay)
    || (limits.perWeek !== undefined && used(usage?.week) >= limits.perWeek)
    || (limits.perMonth !== undefined && used(usage?.month) >= limits.perMonth)
    || (limits.total !== undefined && used(usage?.total) >= limits.total);
}

function pointsReasons(reward: Reward, ev: Evaluation, pending: PendingUse, into: GateResult): void {
  const cost = reward.pointsCost ?? 0;
  const balance = (ev.context.member?.pointsBalance ?? 0) - pending.points;
  if (cost <= 0 || balance >= cost) return;
  const reason = `NEEDS_POINTS:${cost - balance}`;
  if (ev.program.policies.visibility.unaffordableRewards === 'HIDE') into.hidden.push(reason);
  else into.blocking.push(reason);
}

/** Remaining budget in cents, or null when the reward has no budget. */
export function budgetLeft(reward: Reward, ev: Evaluation): number | null {
  const budget = reward.limits?.budgetCents;
  if (budget === undefined) return null;
  return Math.max(0, budget - (ev.context.member?.budgetUsed?.[reward.id] ?? 0));
}

/** All gate reasons for a reward, except pricing and stacking (decided by the caller). */
export function gate(reward: Reward, ev: Evaluation, pending: PendingUse = { count: 0, points: 0 }): GateResult {
  const out: GateResult = { hidden: [], blocking: [] };
  if (!locationAllows(reward.locations, ev)) out.hidden.push('NOT_AT_LOCATION');
  if (reward.expiresAt && Date.parse(reward.expiresAt) <= ev.clock.instant.toMillis()) out.hidden.push('EXPIRED');
  memberReasons(reward, ev, out);
  if (budgetLeft(reward, ev) === 0) out.hidden.push('BUDGET_EXHAUSTED');
  pointsReasons(reward, ev, pending, out);
  if (!scheduleAllows(reward.schedule, ev.clock)) out.blocking.push('OUTSIDE_SCHEDULE');
  if (limitReached(reward, ev, pending)) out.blocking.push('LIMIT_REACHED');
  const cond = ev.conditions.get(ruleName('reward', reward.id));
  if (cond && !cond.passed) out.blocking.push(`CONDITIONS_NOT_MET${cond.failedFacts.length ? `:${cond.failedFacts.join(',')}` : ''}`);
  const combines = reward.combinesWithNonLoyaltyDiscounts ?? ev.program.policies.stacking.combineWithNonLoyaltyDiscounts;
  if (!combines && hasNonLoyaltyDiscount(ev.context.check)) out.blocking.push('NON_LOYALTY_DISCOUNT_PRESENT');
  return out;
}

/** The already-applied reward this one shares an exclusivity group with, if any. */
export function exclusiveWith(reward: Reward, ev: Evaluation, appliedIds: Iterable<string>): string | null {
  const groups = ev.program.policies.stacking.exclusivityGroups ?? [];
  for (const id of appliedIds) {
    if (id === reward.id) continue;
    if (groups.some((g) => g.rewards.includes(reward.id) && g.rewards.includes(id))) return id;
  }
  return null;
}
