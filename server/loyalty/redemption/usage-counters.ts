/**
 * Per-member reward usage counters (`limits.perDay`, `perWeek`, `perMonth`, `total`), kept on the
 * member document (`usage`), so that INQUIRE and REDEEM read a member's usage with the member
 * whatever its history (issue 11 §1), and a REDEEM reserves every limited period of a reward in
 * ONE guarded single-document update (race-free, nothing to undo when a limit is reached).
 *
 * A counter is `usage["<rewardId>~<period>~<period start ms>"] = { n, h }`: `n` units used in that
 * period, `h` the sourceKeys of the redemptions holding them (a key once per unit). Periods
 * start at the location's local day / ISO week / month (`periodStarts`); `total` has start 0.
 * A reservation is a compare-and-set on the counters it read (`n` unchanged, or the counter
 * still absent), retried on a concurrent change; a retry of the same redemption finds its
 * sourceKey already in `h` and takes nothing more. Counters of periods long past are dropped by
 * the next reservation. A member from before the counters (`usageBuilt` unset) gets them built
 * once from its non-reversed `rewardRedemptions`.
 */
import { periodStarts, type AppliedRedemption, type Program, type Reward, type RewardUsage } from '../../../rules/index.js';
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';

type Period = keyof RewardUsage;

/** One counter: units used and the redemptions (sourceKeys, one per unit) holding them. */
export interface UsageCounter {
  n: number;
  h: string[];
}

export type UsageCounters = Record<string, UsageCounter>;

/** The member fields the counters live in. */
export interface UsageFields {
  _id: Types.ObjectId | string;
  usage?: unknown;
  usageBuilt?: boolean | null;
}

interface LimitedPeriod {
  period: Period;
  key: string;
  limit: number;
}

const dayMs = 24 * 3600 * 1000;
/** How long a counter is kept after its period began (then the next reservation drops it). */
const keepMs: Record<Period, number> = { day: 3 * dayMs, week: 9 * dayMs, month: 34 * dayMs, total: Infinity };
const maxAttempts = 20;

const counterKey = (rewardId: string, period: Period, startMs: number): string => `${rewardId}~${period}~${startMs}`;

function periodStartMs(program: Program, locationGuid: string, now: Date): Record<Period, number> {
  const p = periodStarts(program, locationGuid, now.toISOString());
  return { day: Date.parse(p.day), week: Date.parse(p.week), month: Date.parse(p.month), total: 0 };
}

/** The periods a reward limits, with the counter key of the current one. */
function limitedPeriods(reward: Reward, starts: Record<Period, number>): LimitedPeriod[] {
  const l = reward.limits;
  if (!l) return [];
  const limits: [Period, number | undefined][] = [['day', l.perDay], ['week', l.perWeek], ['month', l.perMonth], ['total', l.total]];
  return limits.filter(([, limit]) => limit !== undefined).map(([period, limit]) => ({ period, key: counterKey(reward.id, period, starts[period]), limit: limit as number }));
}

const countersOf = (member: { usage?: unknown }): UsageCounters => (member.usage && typeof member.usage === 'object' ? member.usage as UsageCounters : {});

/** Units of `c` not held by `excluded` sourceKeys. */
function unitsOf(c: UsageCounter | undefined, excluded: ReadonlySet<string>): number {
  if (!c) return 0;
  return excluded.size === 0 ? c.n : c.n - c.h.filter((k) => excluded.has(k)).length;
}

/**
 * The engine's `member.usage` for the program's limited rewards, in the limited periods (the
 * others are 0: nothing reads them). `excluded`: sourceKeys whose units are not counted (a REDEEM
 * re-run after a crash does not count its own earlier usage against itself).
 */
export function usageFromCounters(program: Program, locationGuid: string, counters: UsageCounters, now: Date, excluded: ReadonlySet<string> = new Set()): Record<string, RewardUsage> {
  const starts = periodStartMs(program, locationGuid, now);
  const usage: Record<string, RewardUsage> = {};
  for (const reward of program.rewards) {
    if (!reward.limits) continue;
    const u: RewardUsage = { day: 0, week: 0, month: 0, total: 0 };
    for (const p of limitedPeriods(reward, starts)) u[p.period] = unitsOf(counters[p.key], excluded);
    usage[reward.id] = u;
  }
  return usage;
}

/**
 * Counters of a member from before them: its non-reversed redemptions of limited rewards in the
 * current periods, stored once (`usageBuilt`); a concurrent build or reservation that got there
 * first wins and its counters are read instead.
 */
async function buildCounters(models: Models, program: Program, locationGuid: string, memberId: UsageFields['_id'], now: Date): Promise<UsageCounters> {
  const limited = program.rewards.filter((r) => r.limits !== undefined).map((r) => r.id);
  const rows = limited.length === 0 ? [] : await models.RewardRedemption.find(
    { memberId: String(memberId), rewardId: { $in: limited }, reversedAt: null },
    { rewardId: 1, quantity: 1, redeemedAt: 1, sourceKey: 1, _id: 1 },
  ).lean();
  const starts = periodStartMs(program, locationGuid, now);
  const counters: UsageCounters = {};
  for (const row of rows) {
    const reward = program.rewards.find((r) => r.id === row.rewardId);
    if (!reward) continue;
    const units = Math.max(1, Math.ceil(row.quantity));
    const holder = row.sourceKey ?? String(row._id);
    for (const p of limitedPeriods(reward, starts)) {
      if (row.redeemedAt.getTime() < starts[p.period]) continue;
      const c = (counters[p.key] ??= { n: 0, h: [] });
      c.n += units;
      for (let i = 0; i < units; i++) c.h.push(holder);
    }
  }
  const built = await models.Member.updateOne({ _id: memberId, usageBuilt: { $ne: true } }, { $set: { usage: counters, usageBuilt: true } });
  if (built.modifiedCount === 1) return counters;
  return countersOf((await models.Member.findById(memberId, { usage: 1 }).lean()) ?? {});
}

/** The member's counters (built once for a member from before them). */
export async function memberCounters(models: Models, program: Program, locationGuid: string, member: UsageFields, now: Date): Promise<UsageCounters> {
  if (member.usageBuilt === true) return countersOf(member);
  if (!program.rewards.some((r) => r.limits !== undefined)) return countersOf(member);
  return buildCounters(models, program, locationGuid, member._id, now);
}

export interface UsageReservation {
  models: Models;
  program: Program;
  locationGuid: string;
  /** The member as read by the request (its counters are the starting point of the compare-and-set). */
  member: UsageFields;
  applied: AppliedRedemption;
  /** The redemption's ledger sourceKey: holder of the units, stable across retries. */
  sourceKey: string;
  now: Date;
}

/** The guarded update taking `units` in every period not yet held by `sourceKey`; null when nothing is left to take. */
function reservationUpdate(counters: UsageCounters, periods: LimitedPeriod[], sourceKey: string, units: number, nowMs: number): { filter: Record<string, unknown>; update: Record<string, Record<string, unknown>> } | null {
  const filter: Record<string, unknown> = {};
  const $set: Record<string, unknown> = {};
  const $inc: Record<string, number> = {};
  const $push: Record<string, unknown> = {};
  const holders = Array.from({ length: units }, () => sourceKey);
  for (const p of periods) {
    const c = counters[p.key];
    if (c?.h.includes(sourceKey)) continue;
    if (c) {
      filter[`usage.${p.key}.n`] = c.n;
      $inc[`usage.${p.key}.n`] = units;
      $push[`usage.${p.key}.h`] = { $each: holders };
    } else {
      filter[`usage.${p.key}`] = { $exists: false };
      $set[`usage.${p.key}`] = { n: units, h: holders };
    }
  }
  if (Object.keys(filter).length === 0) return null;
  const $unset: Record<string, ''> = {};
  for (const key of Object.keys(counters)) {
    const [, period, start] = key.split('~') as [string, Period, string];
    if (nowMs - Number(start) > keepMs[period]) $unset[`usage.${key}`] = '';
  }
  const update: Record<string, Record<string, unknown>> = {};
  for (const [op, fields] of Object.entries({ $set, $inc, $push, $unset })) if (Object.keys(fields).length > 0) update[op] = fields;
  return { filter, update };
}

/** A reservation: the counter keys of every limited period, and those this call took (not already held by the sourceKey). */
export interface ReservedUsage {
  keys: string[];
  taken: string[];
}

/**
 * Reserves the redemption's units in every limited period of its reward, all or nothing: the
 * counter keys on success (none for a reward without limits), null when a limit is reached.
 */
export async function reserveUsage(req: UsageReservation): Promise<ReservedUsage | null> {
  const reward = req.program.rewards.find((r) => r.id === req.applied.identifier);
  const periods = reward ? limitedPeriods(reward, periodStartMs(req.program, req.locationGuid, req.now)) : [];
  if (periods.length === 0) return { keys: [], taken: [] };
  const units = Math.max(1, Math.ceil(req.applied.quantity));
  const keys = periods.map((p) => p.key);
  let counters = await memberCounters(req.models, req.program, req.locationGuid, req.member, req.now);
  let fresh = false;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const full = periods.some((p) => !counters[p.key]?.h.includes(req.sourceKey) && (counters[p.key]?.n ?? 0) + units > p.limit);
    // Refuse only on counters just read, never on the request's possibly older copy.
    if (full && fresh) return null;
    const planned = full ? null : reservationUpdate(counters, periods, req.sourceKey, units, req.now.getTime());
    if (!full && !planned) return { keys, taken: [] }; // all held already: a retry of this redemption (or an earlier one of its discount)
    if (planned) {
      const moved = await req.models.Member.updateOne({ _id: req.member._id, ...planned.filter }, planned.update);
      if (moved.modifiedCount === 1) return { keys, taken: keys.filter((k) => !counters[k]?.h.includes(req.sourceKey)) };
    }
    counters = countersOf((await req.models.Member.findById(req.member._id, { usage: 1 }).lean()) ?? {});
    fresh = true;
  }
  throw new Error('reward usage: too much contention on one member');
}

/**
 * Gives back what `sourceKey` holds in the member's counters (a reversed redemption, or one
 * whose debit was refused), or only in the counters `only` names (what one reservation took,
 * when an earlier redemption of the same discount holds the rest). Idempotent: the update is
 * guarded by the holder still being there.
 */
export async function releaseUsage(models: Models, memberId: UsageFields['_id'], sourceKey: string, only?: readonly string[]): Promise<void> {
  if (only?.length === 0) return;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const counters = countersOf((await models.Member.findById(memberId, { usage: 1 }).lean()) ?? {});
    const held = Object.entries(counters).filter(([key, c]) => c.h.includes(sourceKey) && (!only || only.includes(key)));
    if (held.length === 0) return;
    const filter: Record<string, unknown> = { _id: memberId };
    const $inc: Record<string, number> = {};
    const $pull: Record<string, string> = {};
    for (const [key, c] of held) {
      filter[`usage.${key}.n`] = c.n;
      $inc[`usage.${key}.n`] = -c.h.filter((k) => k === sourceKey).length;
      $pull[`usage.${key}.h`] = sourceKey;
    }
    const moved = await models.Member.updateOne(filter, { $inc, $pull });
    if (moved.modifiedCount === 1) return;
  }
  throw new Error('reward usage: too much contention on one member');
}
