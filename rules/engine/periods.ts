import { localClock } from './clock.js';
import type { PeriodStarts, Program } from './types.js';

const memo = new WeakMap<Program, Map<string, PeriodStarts>>();
const memoLimit = 256;

/**
 * Starts of the current local day, ISO week (Monday) and month at the location, as UTC ISO
 * instants. Callers count a member's reward usage since these instants for `member.usage`.
 */
export function periodStarts(program: Program, locationGuid: string, now: string | number): PeriodStarts {
  const { local, localDate } = localClock(program, locationGuid, now);
  // The same for a whole local day: computed once per location and day, not per request.
  let perProgram = memo.get(program);
  if (!perProgram) memo.set(program, (perProgram = new Map()));
  const key = `${locationGuid}|${localDate}`;
  const hit = perProgram.get(key);
  if (hit) return hit;
  if (perProgram.size >= memoLimit) perProgram.clear();
  const iso = (unit: 'day' | 'week' | 'month'): string => local.startOf(unit).toUTC().toISO() as string;
  const starts: PeriodStarts = Object.freeze({ day: iso('day'), week: iso('week'), month: iso('month') });
  perProgram.set(key, starts);
  return starts;
}

