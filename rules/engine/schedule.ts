/**
 * Schedule matching in the location's local time. An hours window with end ≤ start runs across
 * midnight and belongs to the day it starts on (FRI 22:00–02:00 covers Saturday 01:30).
 */
import type { LocalClock } from './clock.js';
import type { DayName, Schedule } from './types.js';

/** Minutes since local midnight for "HH:MM" ("24:00" = 1440). */
export function parseHHMM(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function dayAllowed(schedule: Schedule, day: DayName): boolean {
  return !schedule.days || schedule.days.includes(day);
}

function inDateRange(schedule: Schedule, date: string): boolean {
  const range = schedule.dateRange;
  if (!range) return true;
  if (range.from && date < range.from) return false;
  if (range.to && date > range.to) return false;
  return true;
}

/** Whether the window opened on `day`/`date` (or the day before, across midnight) covers now. */
function windowCovers(schedule: Schedule, clock: LocalClock, window: { start: string; end: string }): boolean {
  const start = parseHHMM(window.start);
  const end = parseHHMM(window.end);
  const m = clock.minuteOfDay;
  const today = dayAllowed(schedule, clock.day) && inDateRange(schedule, clock.localDate);
  if (start < end) return today && m >= start && m < end;
  const yesterday = dayAllowed(schedule, clock.previousDay) && inDateRange(schedule, clock.previousDate);
  return (today && m >= start) || (yesterday && m < end);
}

/** True when the schedule (or its absence) allows the local clock's instant. */
export function scheduleAllows(schedule: Schedule | undefined, clock: LocalClock): boolean {
  if (!schedule) return true;
  if (!schedule.hours || schedule.hours.length === 0) {
    return dayAllowed(schedule, clock.day) && inDateRange(schedule, clock.localDate);
  }
  return schedule.hours.some((w) => windowCovers(schedule, clock, w));
}
