/**
 * The injected clock seen from a location: local day, minute of day and date in the location's
 * IANA timezone (luxon handles DST, so "2–5 pm" means local wall-clock time all year).
 */
import { DateTime } from 'luxon';
import type { DayName, Location, Program } from './types.js';

export const DAY_NAMES: readonly DayName[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export interface LocalClock {
  /** The location, or null when the GUID is not in the program. */
  location: Location | null;
  /** The exact instant evaluated. */
  instant: DateTime;
  /** The location's wall clock, exact to the minute (shared by every instant of that minute). */
  local: DateTime;
  day: DayName;
  /** Day before `day` (for hour windows that run across midnight). */
  previousDay: DayName;
  minuteOfDay: number;
  /** `YYYY-MM-DD` in the location's timezone. */
  localDate: string;
  /** Local date of the previous day. */
  previousDate: string;
}

/** Parses the injected `now` (ISO instant or epoch ms); throws on garbage so bugs surface early. */
export function parseNow(now: string | number): DateTime {
  const dt = typeof now === 'number' ? DateTime.fromMillis(now, { zone: 'utc' }) : DateTime.fromISO(now, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`invalid clock value: ${String(now)}`);
  return dt;
}

export function findLocation(program: Program, locationGuid: string): Location | null {
  return program.locations.find((l) => l.guid === locationGuid) ?? null;
}

/**
 * Local clocks per program, location and minute. The local fields (day, minute of day, dates)
 * change only from one minute to the next — also at a DST change, which happens on a whole
 * minute — and timezone conversion is the engine's most expensive arithmetic (luxon asks Intl
 * for the offset several times per conversion): once per minute per location instead of once
 * per request. The instant itself stays exact. Values are immutable, so sharing them is safe.
 * Bounded: cleared when it grows past `memoLimit`.
 */
const memo = new WeakMap<Program, Map<string, LocalClock>>();
const memoLimit = 256;
const MINUTE_MS = 60_000;
/** The ISO instants the server hands in (`Date#toISOString`); anything else goes through luxon's parser. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

function epochMs(now: string | number): number {
  const ms = typeof now === 'number' ? now : ISO_INSTANT.test(now) ? Date.parse(now) : NaN;
  return Number.isFinite(ms) ? ms : parseNow(now).toMillis();
}

/** Local clock at a location; an unknown location falls back to UTC (it is refused anyway). */
export function localClock(program: Program, locationGuid: string, now: string | number): LocalClock {
  const ms = epochMs(now);
  let perProgram = memo.get(program);
  if (!perProgram) memo.set(program, (perProgram = new Map()));
  const key = `${locationGuid}|${Math.floor(ms / MINUTE_MS)}`;
  let minute = perProgram.get(key);
  if (!minute) {
    if (perProgram.size >= memoLimit) perProgram.clear();
    minute = computeLocalClock(program, locationGuid, ms);
    perProgram.set(key, minute);
  }
  return minute.instant.toMillis() === ms ? minute : { ...minute, instant: DateTime.fromMillis(ms, { zone: 'utc' }) };
}

function computeLocalClock(program: Program, locationGuid: string, now: string | number): LocalClock {
  const location = findLocation(program, locationGuid);
  const instant = parseNow(now);
  const local = instant.setZone(location?.timezone ?? 'utc');
  const previous = local.minus({ days: 1 });
  return {
    location,
    instant,
    local,
    day: DAY_NAMES[local.weekday - 1] as DayName,
    previousDay: DAY_NAMES[previous.weekday - 1] as DayName,
    minuteOfDay: local.hour * 60 + local.minute,
    localDate: local.toISODate() as string,
    previousDate: previous.toISODate() as string,
  };
}
