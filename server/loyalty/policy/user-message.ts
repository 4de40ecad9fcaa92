/**
 * The guest-facing line of an INQUIRE or REDEEM answer: what this check will earn and how far
 * the next banked reward is. Names reward names only, never anything about the guest.
 */
import type { EngineOffer } from '../../../rules/index.js';

/** Toast prints at most 255 characters. */
const MAX_LENGTH = 255;

const plural = (n: number): string => `${n} point${n === 1 ? '' : 's'}`;

/** What this check earns, how far the next reward is, then any `notes` (e.g. expiring points). */
export function checkUserMessage(earnPoints: number, balance: number, offered: EngineOffer[], notes: string[] = []): string {
  const parts = [`This check earns ${plural(earnPoints)}.`];
  const next = offered
    .filter((o) => o.pointsCost > balance)
    .sort((a, b) => a.pointsCost - b.pointsCost || (a.name < b.name ? -1 : 1))[0];
  if (next) parts.push(`${plural(next.pointsCost - balance)} to ${next.name}.`);
  else if (offered.some((o) => o.pointsCost > 0)) parts.push('You have enough points for every reward.');
  parts.push(...notes);
  return parts.join(' ').slice(0, MAX_LENGTH);
}
