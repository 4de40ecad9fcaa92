/**
 * Everything the register asks about one check, from one evaluation (issue 11 §3): the program's
 * condition trees run once through json-rules-engine (`prepare`), and the offers, the submitted
 * redemptions' validation and the points the check earns are all derived from that one pass.
 * Each is exactly what `offers`, `validateRedemptions` and `accrual` answer on their own.
 */
import { accrualOf } from './accrual.js';
import { prepare, type Evaluation } from './evaluation.js';
import { offersOf } from './offers.js';
import { redemptionsOf } from './redemptions.js';
import type { AccrualResult, EvaluationContext, OffersResult, Program, SubmittedRedemption, ValidateRedemptionsResult } from './types.js';

export interface CheckAnswers {
  offers: OffersResult;
  validation: ValidateRedemptionsResult;
  earn: AccrualResult;
  /** The prepared evaluation, for answers derived later from the same check (`restate`). */
  evaluation: Evaluation;
}

export async function checkAnswers(program: Program, context: EvaluationContext, redemptions: SubmittedRedemption[]): Promise<CheckAnswers> {
  const evaluation = await prepare(program, context);
  return { offers: offersOf(evaluation), validation: redemptionsOf(evaluation, redemptions), earn: accrualOf(evaluation), evaluation };
}
