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
import { replayLots, type LedgerLine, type Lot } from './expiry-lots.js';

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
  return lotsOutlook(replayLots(entries).lots, days, now, timezone);
}

/** PER_LOT: the expiry position of lots (oldest first) that live `days` days each. */
export function lotsOutlook(lots: readonly Lot[], days: number, now: Date, timezone: string): ExpiryOutlook {
  const outlook: ExpiryOutlook = { due: 0, upcoming: [] };
  for (const lot of lots) {
    const at = addDays(lot.earnedAt, days, timezone);
    const last = outlook.upcoming[outlook.upcoming.length - 1];
    if (at <= now) outlook.due += lot.points;
    else if (last && last.at.getTime() === at.getTime()) last.points += lot.points;
    else outlook.upcoming.push({ at, points: lot.points });
  }
  outlook.upcoming.sort((a, b) => a.at.getTime() - b.at.getTime());
  return outlook;
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
