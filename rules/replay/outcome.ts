/**
 * One recorded check evaluation re-run through the engine, and its comparable view in engine
 * units (cents, reasons): what replay compares between rule sets. Pure: the inputs are the ones
 * recorded with the transaction (server/loyalty/offers/recorded-evaluation.ts).
 */
import { checkAnswers } from '../engine/check-answers.js';
import type { Evaluation } from '../engine/evaluation.js';
import type {
  AccrualLine, AccrualResult, EvaluationContext, MemberState, NormalizedCheck, OffersResult, Program,
  SubmittedRedemption, ValidateRedemptionsResult,
} from '../engine/types.js';

export interface RecordedInput {
  at: string;
  locationGuid: string;
  check: NormalizedCheck;
  member: MemberState | null;
  redemptions: SubmittedRedemption[];
}

export interface EngineRun {
  offers: OffersResult;
  validation: ValidateRedemptionsResult;
  earn: AccrualResult;
  /** The one evaluation all three come from (a REDEEM's offers after its debits restate it). */
  prepared: Evaluation;
}

/** Offers, re-validated redemptions and points of a recorded evaluation under `program`. */
export async function runRecorded(program: Program, input: RecordedInput): Promise<EngineRun> {
  const ctx: EvaluationContext = { now: input.at, locationGuid: input.locationGuid, check: input.check, member: input.member };
  const { offers, validation, earn, evaluation } = await checkAnswers(program, ctx, input.redemptions);
  return { offers, validation, earn, prepared: evaluation };
}

/** The decision of a run, in cents and machine reasons, keyed for `differences`. */
export interface CheckOutcome {
  offers: { identifier: string; applicable: boolean; amountCents: number; pointsCost: number; reasons: string[]; selections: string[] }[];
  notOffered: { rewardId: string; reasons: string[] }[];
  redemptionLimit: number | null;
  applied: { identifier: string; quantity: number; amountCents: number; pointsCost: number }[];
  rejected: { identifier: string; reason: string }[];
  points: number;
  breakdown: AccrualLine[];
}

export function checkOutcome(run: EngineRun): CheckOutcome {
  return {
    offers: run.offers.offers.map((o) => ({
      identifier: o.identifier, applicable: o.applicable, amountCents: o.amountCents, pointsCost: o.pointsCost, reasons: o.reasons,
      selections: (o.itemApplication ?? []).map((a) => a.selectionIdentifier),
    })),
    notOffered: run.offers.notOffered,
    redemptionLimit: run.offers.redemptionLimit,
    applied: run.validation.applied.map((a) => ({ identifier: a.identifier, quantity: a.quantity, amountCents: a.amountCents, pointsCost: a.pointsCost })),
    rejected: run.validation.rejected.map((r) => ({ identifier: r.redemption.identifier ?? 'UNKNOWN', reason: r.reason })),
    points: run.earn.points,
    breakdown: run.earn.breakdown,
  };
}

/** The points side of an ACCRUE, keyed for `differences`. */
export function accrualOutcome(result: AccrualResult): { points: number; eligibleSpendCents: number; breakdown: AccrualLine[] } {
  return { points: result.points, eligibleSpendCents: result.eligibleSpendCents, breakdown: result.breakdown };
}
