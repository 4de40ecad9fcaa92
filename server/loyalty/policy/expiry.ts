/**
 * What expires when, under a program's `policies.expiry` (pure: the clock is an argument).
 *
 * - INACTIVITY: all of a member's points expire `days` calendar days (program timezone) after
 *   the member's last activity. Activity is something the guest did: the latest ACCRUE, CLAIM or
 *   REDEEM entry. Reversals, bonuses, adjustments and expiries are not activity. A member whose
 *   ledger holds no activity at all (e.g. only a sign-up bonus) counts from the first entry.
 * - PER_LOT: each earned lot expires `days` calendar days after it was earned; what remains of
 *   each lot is replayed from the ledger (see expiry-lots.ts for the FIFO model), or read from
 *   the member's lot projection (ledger/lot-projection.ts), which holds the same.
 *
 * An expiry is due once its instant has passed; the daily expiry job (workers/expiry.scheduler.ts)
 * turns what is due into one EXPIRE entry per member and local day, so points stay spendable
 * between their instant and that day's run. The program's timezone is its first location's.
 */
import { DateTime } from 'luxon';
import type { Policies, Program } from '../../../rules/index.js';
import { addZonedDays } from '../../../rules/engine/zone-days.js';
import { allLots, replayLots, type LedgerLine } from './expiry-lots.js';
import type { LotsRead } from './lot-queue.js';

export type { LedgerLine } from './expiry-lots.js';

/** Points that expire (or expired) at one instant. */
export interface Expiration {
  at: Date;
  points: number;
}

/** A member's expiry position at `now`. */
export interface ExpiryOutlook {
  /** Points whose expiry instant has passed and that are still in the balance. */
  due: number;
  /** Later expirations, soonest first (instants merged when equal). */
  upcoming: Expiration[];
}

/** Ledger kinds that are something the guest did: INACTIVITY expiry counts from the latest. */
export const activityKinds: ReadonlySet<string> = new Set(['ACCRUE', 'CLAIM', 'REDEEM']);
const none: ExpiryOutlook = { due: 0, upcoming: [] };

/** The timezone expiry days and the daily job run in: the program's first location's. */
export function programTimezone(program: Program): string {
  return program.locations[0]?.timezone ?? 'UTC';
}

/** `at` plus `days` calendar days in `timezone` (a DST change does not shift the hour). */
export function addDays(at: Date, days: number, timezone: string): Date {
  return addZonedDays(at, days, timezone);
}

/** The calendar date of `at` in `timezone`, `YYYY-MM-DD`. */
export function localDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? at.toISOString().slice(0, 10);
}

/** Ledger sourceKey of the member's EXPIRE entry for one local day (one per member and day). */
export function expireSourceKey(programId: string, memberId: string, day: string): string {
  return `expire:${programId}:${memberId}:${day}`;
}

/** When the member last did something that keeps INACTIVITY points alive (see the module comment). */
export function lastActivity(entries: readonly LedgerLine[]): Date | null {
  let last: Date | null = null;
  for (const e of entries) if (activityKinds.has(e.kind) && (!last || e.createdAt > last)) last = e.createdAt;
  return last ?? entries[0]?.createdAt ?? null;
}

function inactivity(entries: readonly LedgerLine[], days: number, now: Date, timezone: string): ExpiryOutlook {
  const balance = entries.reduce((s, e) => s + e.delta, 0);
  const since = lastActivity(entries);
  if (balance <= 0 || !since) return none;
  const at = addDays(since, days, timezone);
  return at <= now ? { due: balance, upcoming: [] } : { due: 0, upcoming: [{ at, points: balance }] };
}

function perLot(entries: readonly LedgerLine[], days: number, now: Date, timezone: string): ExpiryOutlook {
  return lotsOutlook(allLots(replayLots(entries)), days, now, timezone);
}

/** PER_LOT: the expiry position of lots (oldest first) that live `days` days each. */
export function lotsOutlook(lots: LotsRead, days: number, now: Date, timezone: string): ExpiryOutlook {
  const outlook: ExpiryOutlook = { due: 0, upcoming: [] };
  for (let i = 0; i < lots.length; i++) {
    const at = addDays(new Date(lots.earnedAtMs(i)), days, timezone);
    const points = lots.points(i);
    const last = outlook.upcoming[outlook.upcoming.length - 1];
    if (at <= now) outlook.due += points;
    else if (last && last.at.getTime() === at.getTime()) last.points += points;
    else outlook.upcoming.push({ at, points });
  }
  outlook.upcoming.sort((a, b) => a.at.getTime() - b.at.getTime());
  return outlook;
}

/**
 * What INQUIRE tells from an expiry position: the soonest expiration and, per banked reward,
 * when it stops being affordable.
 */
export interface ExpiryView {
  /** The soonest expiration; points already past their instant count as expiring `now`. */
  soonest(): Expiration | undefined;
  /** The points already past their instant (the daily job expires them): {@link soonest}'s at `now`, else 0. */
  due(): number;
  /** {@link rewardExpiry} of a reward costing `cost` for a member holding `balance` points. */
  rewardExpiry(cost: number, balance: number): Date | null;
}

/** The view of a whole outlook (INACTIVITY, NONE, or the daily job's ledger replay). */
export function outlookView(outlook: ExpiryOutlook, now: Date): ExpiryView {
  const all = outlook.due > 0 ? [{ at: now, points: outlook.due }, ...outlook.upcoming] : outlook.upcoming;
  return { soonest: () => all[0], due: () => outlook.due, rewardExpiry: (cost, balance) => rewardExpiry(cost, balance, all) };
}

/**
 * The view of PER_LOT lots that live `days` days each, the same as `outlookView(lotsOutlook(…))`
 * but reading only the lots its answers depend on: the soonest expiration from the oldest end
 * (the lots already due, then the first instant), a reward's date from the newest end (the
 * newest lots holding its cost), so an INQUIRE's work follows the rewards' costs, not the
 * number of lots. Expiry instants follow the earned order (calendar days added in one
 * timezone keep it, except for lots earned inside a DST gap, whose hour moves).
 */
export function lotsView(lots: LotsRead, days: number, now: Date, timezone: string): ExpiryView {
  const nowMs = now.getTime();
  const instants = new Map<number, number>();
  const expiresAt = (i: number): number => {
    let at = instants.get(i);
    if (at === undefined) instants.set(i, (at = addDays(new Date(lots.earnedAtMs(i)), days, timezone).getTime()));
    return at;
  };

  function walkSoonest(): Expiration | undefined {
    let due = 0;
    let i = 0;
    while (i < lots.length && expiresAt(i) <= nowMs) due += lots.points(i++);
    if (due > 0) return { at: now, points: due };
    if (i === lots.length) return undefined;
    const at = expiresAt(i);
    let points = 0;
    while (i < lots.length && expiresAt(i) === at) points += lots.points(i++);
    return { at: new Date(at), points };
  }

  function walkRewardExpiry(cost: number, balance: number): Date | null {
    if (cost <= 0 || balance < cost) return null;
    // The reward stops being affordable at the soonest expiration after which fewer than
    // `cost` of the balance is left: the oldest instant with less than `need` expiring after it.
    const need = cost + lots.totalPoints - balance;
    let after = 0;
    let i = lots.length - 1;
    while (i >= 0) {
      const at = expiresAt(i);
      if (at <= nowMs) return after < need ? now : null;
      let points = 0;
      while (i >= 0 && expiresAt(i) === at) points += lots.points(i--);
      if (after < need && after + points >= need) return new Date(at);
      after += points;
    }
    return null;
  }

  // INQUIRE asks each question twice (whether the head and the tail can answer it, then for the
  // answer): each is walked once.
  let soonest: { value: Expiration | undefined } | null = null;
  const rewardDates = new Map<string, Date | null>();
  const soonestOnce = (): Expiration | undefined => (soonest ??= { value: walkSoonest() }).value;
  return {
    soonest: soonestOnce,
    due() {
      const first = soonestOnce();
      return first && first.at.getTime() === nowMs ? first.points : 0;
    },
    rewardExpiry(cost, balance) {
      const key = `${cost}:${balance}`;
      if (!rewardDates.has(key)) rewardDates.set(key, walkRewardExpiry(cost, balance));
      return rewardDates.get(key) ?? null;
    },
  };
}

/** The member's expiry position at `now` from its ledger entries in `seq` order. */
export function expiryOutlook(policy: Policies['expiry'], entries: readonly LedgerLine[], now: Date, timezone: string): ExpiryOutlook {
  if (policy.mode === 'NONE' || !policy.days || policy.days <= 0) return none;
  return policy.mode === 'INACTIVITY' ? inactivity(entries, policy.days, now, timezone) : perLot(entries, policy.days, now, timezone);
}

/**
 * When a reward costing `cost` stops being affordable because points expire: the first upcoming
 * expiration after which `balance` minus everything expired so far is below `cost`; null when
 * the reward is not affordable now or no expiration makes it unaffordable.
 */
export function rewardExpiry(cost: number, balance: number, upcoming: readonly Expiration[]): Date | null {
  if (cost <= 0 || balance < cost) return null;
  let expired = 0;
  for (const e of upcoming) {
    expired += e.points;
    if (balance - expired < cost) return e.at;
  }
  return null;
}

/** Whether a program needs the daily expiry run: it expires points or has tiers (kept up daily). */
export function needsDailyRun(program: Program): boolean {
  return program.policies.expiry.mode !== 'NONE' || program.tiers !== undefined;
}
