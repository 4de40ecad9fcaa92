/**
 * The comparable view of an INQUIRE or REDEEM answer: read from the stored answer, or built from
 * a replayed engine run with the same presenters the webhook uses (server/toast/present.ts), so
 * "reproduced" means the engine would send Toast the same offers, amounts and redemptions.
 *
 * Left out on purpose: offer `expiration` dates and the user message's expiry hint (they come
 * from the member's earned lots in the ledger, not from the rules engine) and guest names.
 */
import type { AppliedRedemption, OffersResult, RejectedRedemption } from '../../rules/index.js';
import { appliedRedemption, offer, rejectedRedemptions } from '../toast/present.js';
import type { LoyaltyTransactionResponse, Offer } from '../toast/schemas/index.js';

export interface AnswerView {
  offers: Omit<Offer, 'expiration'>[];
  appliedRedemptions: unknown[];
  rejectedRedemptions: unknown[];
  /** INQUIRE only (REDEEM answers carry none). */
  redemptionLimit?: number | null;
  pointsBalance: number | null;
  /** "This check earns N points." */
  earnsPoints: number | null;
}

const withoutExpiration = ({ expiration: _e, ...rest }: Offer): Omit<Offer, 'expiration'> => rest;

/** Points named by a user message ("earns 21 points", "earned 1 point", "claim 12 points"); null when none. */
export function pointsInMessage(message: string | null | undefined): number | null {
  const m = /(\d+) points?\b/.exec(message ?? '');
  return m ? Number(m[1]) : null;
}

/** The view of a stored answer body. */
export function answeredView(type: string, body: string): AnswerView {
  const parsed = JSON.parse(body) as LoyaltyTransactionResponse;
  const r = parsed.checkResponse ?? {};
  const view: AnswerView = {
    offers: (r.offers ?? []).map(withoutExpiration),
    appliedRedemptions: r.appliedRedemptions ?? [],
    rejectedRedemptions: r.rejectedRedemptions ?? [],
    pointsBalance: r.accountInfo?.pointsBalance == null ? null : Number(r.accountInfo.pointsBalance),
    earnsPoints: /earns (\d+) points?/.test(r.userMessage ?? '') ? pointsInMessage(r.userMessage) : null,
  };
  if (type === 'LOYALTY_INQUIRE') view.redemptionLimit = r.redemptionLimit?.maxRedemptions ?? null;
  return view;
}

/** What the webhook would answer, as the replay computed it. */
export interface ReplayedAnswer {
  offers: OffersResult;
  applied: AppliedRedemption[];
  rejected: RejectedRedemption[];
  balance: number | null;
  earnsPoints: number;
}

/** The view the webhook would build from a replayed answer. */
export function replayedView(type: string, r: ReplayedAnswer): AnswerView {
  const view: AnswerView = {
    offers: r.offers.offers.map((o) => withoutExpiration(offer(o))),
    appliedRedemptions: r.applied.map(appliedRedemption),
    rejectedRedemptions: rejectedRedemptions(r.rejected),
    pointsBalance: r.balance,
    earnsPoints: r.earnsPoints,
  };
  if (type === 'LOYALTY_INQUIRE') view.redemptionLimit = r.offers.redemptionLimit;
  return view;
}
