/**
 * What INQUIRE tells about expiring points (pure): for each banked reward, the instant the points
 * it needs would expire (Toast's offer `expiration`), and a short guest-facing hint when the
 * soonest expiration is near. Points already past their expiry instant but not yet taken by the
 * daily run count as expiring now.
 */
import { DateTime } from 'luxon';
import type { Expiration, ExpiryView } from './expiry.js';

/** How close an expiration must be for the hint on the check. */
export const HINT_WITHIN_DAYS = 30;

const dayMs = 24 * 3600 * 1000;

export interface ExpiryNotice {
  /** When a reward costing `pointsCost` stops being affordable because points expire, or null. */
  rewardExpiresAt(pointsCost: number): Date | null;
  /** e.g. "40 points expire on Jan 3, 2028." — null when nothing expires within HINT_WITHIN_DAYS. */
  hint: string | null;
}

function hintFor(next: Expiration | undefined, now: Date, timezone: string): string | null {
  if (!next || next.at.getTime() - now.getTime() > HINT_WITHIN_DAYS * dayMs) return null;
  const day = DateTime.fromJSDate(next.at, { zone: timezone }).toFormat('LLL d, yyyy');
  return `${next.points} point${next.points === 1 ? '' : 's'} expire${next.points === 1 ? 's' : ''} on ${day}.`;
}

/** The notice for a member holding `balance` points; dates shown in `timezone` (the location's). */
export function expiryNotice(view: ExpiryView, balance: number, now: Date, timezone: string): ExpiryNotice {
  return {
    rewardExpiresAt: (pointsCost) => view.rewardExpiry(pointsCost, balance),
    hint: hintFor(view.soonest(), now, timezone),
  };
}
