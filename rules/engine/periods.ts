import { localClock } from './clock.js';
import type { PeriodStarts, Program } from './types.js';

/**
 * Starts of the current local day, ISO week (Monday) and month at the location, as UTC ISO
 * instants. Callers count a member's reward usage since these instants for `member.usage`.
 */
export function periodStarts(program: Program, locationGuid: string, now: string | number): PeriodStarts {
  const { local } = localClock(program, locationGuid, now);
  const iso = (unit: 'day' | 'week' | 'month'): string => local.startOf(unit).toUTC().toISO() as string;
  return { day: iso('day'), week: iso('week'), month: iso('month') };
}
