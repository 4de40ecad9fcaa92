/**
 * What an INQUIRE or REDEEM evaluated, recorded with its stored answer so that the transaction
 * can be replayed later (server/replay): the rule set, the location, the instant, the check as
 * normalised at the Toast edge (cents, GUIDs; no guest data), the redemptions as the engine saw
 * them, and the member facts the engine was given (status, tier, balance, counters, reward
 * usage — no name, phone or email), and which submitted redemptions were answered from an
 * earlier REDEEM's record rather than by the engine. Recording the member state is exact where
 * reconstructing it from the ledger afterwards would not be (usage and budgets move with reversals).
 */
import type { MemberState, NormalizedCheck, RejectedRedemption, SubmittedRedemption } from '../../../rules/index.js';
import type { CheckEvaluation } from './check-evaluation.js';
import type { ProgramContext } from '../programs/program-context.js';
import type { AlreadyRedeemed } from '../redemption/redeemed-discounts.js';

export interface RecordedEvaluation {
  /** Content hash of the rule set that answered. */
  ruleSetHash: string;
  locationGuid: string;
  /** The evaluation clock (ISO-8601). */
  at: string;
  check: NormalizedCheck;
  /** Submitted redemptions the engine validated, discount GUIDs filled in from the check, in submitted order. */
  redemptions: SubmittedRedemption[];
  /** Submitted redemptions an earlier REDEEM had debited: answered from their record, not by the engine. */
  already: AlreadyRedeemed[];
  /** Submitted redemptions refused because their earlier redemption was reversed. */
  refused: RejectedRedemption[];
  member: MemberState;
}

export function recordEvaluation(ev: CheckEvaluation, context: ProgramContext, now: Date): RecordedEvaluation {
  return {
    ruleSetHash: context.ruleSetHash, locationGuid: context.restaurantGuid, at: now.toISOString(),
    check: ev.check, redemptions: ev.redemptions, already: ev.already, refused: ev.refused, member: ev.state,
  };
}

/**
 * The form a recorded evaluation is stored in: its JSON text. It is read back whole (replay,
 * backtest) and never queried into, and as one string it costs a fraction of a nested document
 * to encode per request (BSON walks every key of the check) and to hold in a store's memory.
 * Every field is JSON-safe (instants are ISO strings, money and points integers), so the text
 * parses back to an equal record.
 */
export function storedEvaluation(evaluation: RecordedEvaluation | null | undefined): string | null {
  return evaluation ? JSON.stringify(evaluation) : null;
}

/** A stored evaluation read back: the JSON text, or the nested document records held before it was text. */
export function recordedEvaluationOf(stored: unknown): RecordedEvaluation | null {
  if (typeof stored === 'string') return JSON.parse(stored) as RecordedEvaluation;
  return stored !== null && typeof stored === 'object' ? stored as RecordedEvaluation : null;
}
