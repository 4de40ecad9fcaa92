import type { PeriodStarts, Program } from './types.js';

/** Starts of the current day, ISO week and month at the location, as ISO instants. */
export function periodStarts(program: Program, locationGuid: string, now: string | number): PeriodStarts {
  void program; void locationGuid; void now;
  throw new Error('not implemented yet');
}
