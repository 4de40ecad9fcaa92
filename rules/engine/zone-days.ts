/**
 * `at` plus whole calendar days in an IANA timezone, keeping the local wall-clock time — the
 * same instant luxon's `DateTime.fromJSDate(at, { zone }).plus({ days }).toJSDate()` answers,
 * DST gaps and overlaps included (the offset correction below is luxon's `fixOffset`), without
 * building DateTime objects: INQUIRE asks this for every member with points under INACTIVITY
 * expiry, and luxon spent most of its time there re-deriving offsets through objects.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', era: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The zone's offset formatted from the tz database (a few µs of ICU work per call). */
function offsetFromParts(zone: string, ms: number): number {
  const parts: Record<string, string> = {};
  for (const p of format(zone).formatToParts(ms)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const asUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const whole = ms - (ms % 1000 + 1000) % 1000;
  return Math.round((asUtc - whole) / 60_000);
}

const HOUR_MS = 3_600_000;
/** Bound on the remembered hours (all zones): about a year of distinct hours for a few zones. */
const MAX_REMEMBERED_HOURS = 50_000;
/** `zone|hour` → the offset that holds for that whole UTC hour. */
const offsetsByHour = new Map<string, number>();

/** The zone's UTC offset at `ms`, in minutes (what luxon's IANAZone#offset answers). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'utc' || zone === 'Etc/UTC') return 0;
  // Members' instants cluster in hours, and an offset changes at most once in an hour, so an
  // hour whose first and last millisecond share an offset has that offset throughout; an hour
  // holding a change (DST, or a half-hour zone's change inside a UTC hour) is never remembered.
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${zone}|${hour}`;
  const known = offsetsByHour.get(key);
  if (known !== undefined) return known;
  const offset = offsetFromParts(zone, ms);
  const start = hour * HOUR_MS;
  if (offsetFromParts(zone, start) === offset && offsetFromParts(zone, start + HOUR_MS - 1) === offset) {
    if (offsetsByHour.size >= MAX_REMEMBERED_HOURS) offsetsByHour.clear();
    offsetsByHour.set(key, offset);
  }
  return offset;
}

/** `at` plus `days` calendar days in `zone`; the wall-clock time stays (shifted past a DST gap). */
export function addZonedDays(at: Date, days: number, zone: string): Date {
  const ms = at.getTime();
  const o = zoneOffsetMinutes(zone, ms);
  // Local wall time as if UTC, plus whole days, then back to an instant the way luxon fixes it.
  const localTs = ms + o * 60_000 + days * 86_400_000;
  let guess = localTs - o * 60_000;
  const o2 = zoneOffsetMinutes(zone, guess);
  if (o === o2) return new Date(guess);
  guess -= (o2 - o) * 60_000;
  const o3 = zoneOffsetMinutes(zone, guess);
  if (o2 === o3) return new Date(guess);
  return new Date(localTs - Math.min(o2, o3) * 60_000);
}
