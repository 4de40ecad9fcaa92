/**
 * The date range of a backtest: `--from` and `--to` are calendar days (YYYY-MM-DD, both
 * included) in the program's timezone. Bad or too large ranges are refused with a message.
 */
import { DateTime } from 'luxon';

/** The longest range one backtest reads (a quarter): larger asks are refused, not truncated. */
export const MAX_RANGE_DAYS = 92;

export interface BacktestRange {
  from: string;
  to: string;
  /** First instant included. */
  start: Date;
  /** First instant after the range. */
  end: Date;
  days: number;
}

export type RangeResult = { ok: true; range: BacktestRange } | { ok: false; message: string };

export function parseRange(from: string, to: string, timezone: string, maxDays = MAX_RANGE_DAYS): RangeResult {
  const day = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? DateTime.fromISO(s, { zone: timezone }) : null);
  const a = day(from);
  const b = day(to);
  if (!a?.isValid) return { ok: false, message: `--from must be a date YYYY-MM-DD, got "${from}"` };
  if (!b?.isValid) return { ok: false, message: `--to must be a date YYYY-MM-DD, got "${to}"` };
  if (b < a) return { ok: false, message: `--to (${to}) is before --from (${from})` };
  const days = Math.round(b.diff(a, 'days').days) + 1;
  if (days > maxDays) {
    return { ok: false, message: `range ${from}..${to} is ${days} days: a backtest reads at most ${maxDays} days; split it into smaller ranges` };
  }
  return { ok: true, range: { from, to, start: a.toJSDate(), end: b.plus({ days: 1 }).toJSDate(), days } };
}

/** Calendar day of `at` in `timezone`. */
export function dayOf(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? at.toISOString().slice(0, 10);
}
