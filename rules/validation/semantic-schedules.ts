/** Schedules and time zones: every schedule must be able to occur, every timezone must exist. */
import { DateTime, IANAZone } from 'luxon';
import { DAY_NAMES } from '../engine/clock.js';
import { parseHHMM } from '../engine/schedule.js';
import type { Program, Schedule, ValidationError } from '../engine/types.js';

/** Days of week covered by a date range shorter than a week (null when it covers all). */
function daysInRange(from: string, to: string): Set<string> | null {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  if (end.diff(start, 'days').days >= 6) return null;
  const days = new Set<string>();
  for (let d = start; d <= end; d = d.plus({ days: 1 })) days.add(DAY_NAMES[d.weekday - 1] as string);
  return days;
}

function checkSchedule(s: Schedule, path: string, errors: ValidationError[]): void {
  s.hours?.forEach((w, i) => {
    if (parseHHMM(w.start) === parseHHMM(w.end)) errors.push({ path: `${path}/hours/${i}`, message: 'start and end are equal: the window never occurs' });
  });
  const { from, to } = s.dateRange ?? {};
  for (const [k, v] of [['from', from], ['to', to]] as const) {
    if (v && !DateTime.fromISO(v).isValid) errors.push({ path: `${path}/dateRange/${k}`, message: 'is not a calendar date' });
  }
  if (from && to && from > to) { errors.push({ path: `${path}/dateRange`, message: 'from is after to: the schedule never occurs' }); return; }
  if (from && to && s.days) {
    const covered = daysInRange(from, to);
    if (covered && !s.days.some((d) => covered.has(d))) errors.push({ path: `${path}/days`, message: 'none of these days falls inside the date range' });
  }
}

export function checkSchedules(program: Program, errors: ValidationError[]): void {
  program.locations.forEach((l, i) => {
    if (!IANAZone.isValidZone(l.timezone)) errors.push({ path: `/locations/${i}/timezone`, message: `unknown IANA timezone "${l.timezone}"` });
  });
  program.rewards.forEach((r, i) => { if (r.schedule) checkSchedule(r.schedule, `/rewards/${i}/schedule`, errors); });
  program.promotions.forEach((p, i) => { if (p.schedule) checkSchedule(p.schedule, `/promotions/${i}/schedule`, errors); });
}
