/**
 * Report days: local calendar days in the program's timezone, which is the timezone of its
 * first location in the active rule file (UTC for a program without locations). One timezone
 * per program keeps a day's rows comparable across its restaurants.
 */
import { DateTime } from 'luxon';
import type { Program } from '../../rules/index.js';

export function programTimezone(program: Program): string {
  return program.locations[0]?.timezone ?? 'UTC';
}

/** The UTC instants [start, end) of local day `day` (`YYYY-MM-DD`) in `tz` (23 or 25 hours on DST days). */
export function dayBounds(day: string, tz: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(day, { zone: tz }).startOf('day');
  if (!start.isValid) throw new RangeError(`not a day: ${day}`);
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** The local day of `instant` in `tz`. */
export function dayOf(instant: Date, tz: string): string {
  return DateTime.fromJSDate(instant, { zone: tz }).toISODate() as string;
}

/** Every day from `from` to `to`, both included (ascending). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  let d = DateTime.fromISO(from, { zone: 'utc' });
  const last = DateTime.fromISO(to, { zone: 'utc' });
  while (d <= last) {
    days.push(d.toISODate() as string);
    d = d.plus({ days: 1 });
  }
  return days;
}
