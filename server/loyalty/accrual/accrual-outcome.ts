/**
 * How a paid check starts its life in `accruals`, and the line printed on the receipt for it.
 * Nothing Toast reports as paid is dropped (issue 8 §4, §6): a check of no member is kept for a
 * receipt claim, a SUSPENDED member's check is kept with its points withheld until reinstatement
 * (or forfeited, by program policy `policies.membership.suspendedEarning`).
 */
import type { Program } from '../../../rules/index.js';

/** The state an accepted check is written in (see server/store/models/accrual.ts). */
export type AcceptedState = 'PENDING' | 'UNCLAIMED' | 'WITHHELD' | 'FORFEITED';

export function acceptedState(member: { status: string } | null, program: Program): AcceptedState {
  if (!member) return 'UNCLAIMED';
  if (member.status !== 'SUSPENDED') return 'PENDING';
  return program.policies.membership.suspendedEarning === 'FORFEIT' ? 'FORFEITED' : 'WITHHELD';
}

const pointsWord = (n: number): string => (n === 1 ? '1 point' : `${n} points`);

export interface ReceiptLineInput {
  state: AcceptedState | string;
  points: number;
  /** The request named an account we could not find (an old card, a typo): say how to claim. */
  unresolved?: boolean;
}

/** What Toast prints on the receipt (≤ 255 characters, nothing about the guest). */
export function receiptLine({ state, points, unresolved }: ReceiptLineInput): string {
  switch (state) {
    case 'WITHHELD': return 'Your loyalty account is on hold: the points for this visit will be added when it is reinstated.';
    case 'FORFEITED': return 'Your loyalty account is suspended: this visit earns no points.';
    case 'UNCLAIMED': case 'CLAIMED': {
      const claim = points > 0 ? `Scan the QR code on this receipt to claim ${pointsWord(points)}.` : 'Thank you!';
      return unresolved && points > 0 ? `We could not find that loyalty account. ${claim}` : claim;
    }
    default: return `You earned ${pointsWord(points)} on this visit.`;
  }
}
