/**
 * Evaluates a Toast check for a member with the rules engine: offers (visibility policy applied
 * by the engine), the submitted redemptions re-validated and re-priced, and the points the check
 * would earn. Pure apart from reading the member's usage; used by INQUIRE and REDEEM.
 */
import {
  accrual, offers, validateRedemptions,
  type AccrualResult, type EvaluationContext, type MemberState, type NormalizedCheck,
  type OffersResult, type SubmittedRedemption, type ValidateRedemptionsResult,
} from '../../rules/index.js';
import type { Models } from '../store/models/index.js';
import { attachDiscountGuids } from './discount-guids.js';
import { memberState, type StateOverrides } from './member-state.js';
import type { MemberRecord } from './members.js';
import type { ProgramContext } from './program-context.js';

export interface CheckEvaluationInput {
  models: Models;
  context: ProgramContext;
  member: MemberRecord;
  /** The check, normalised at the Toast edge (cents). */
  check: NormalizedCheck;
  redemptions: SubmittedRedemption[];
  now: Date;
  /** REDEEM: evaluate as before this request's own committed debits and usage (a re-run after a crash). */
  overrides?: StateOverrides;
}

export interface CheckEvaluation {
  check: NormalizedCheck;
  state: MemberState;
  /** Submitted redemptions with `appliedDiscountGuid` filled in from the check. */
  redemptions: SubmittedRedemption[];
  offers: OffersResult;
  validation: ValidateRedemptionsResult;
  earn: AccrualResult;
}

export async function evaluateCheck(input: CheckEvaluationInput): Promise<CheckEvaluation> {
  const { context, member, now } = input;
  const { check } = input;
  const state = await memberState(input.models, context.program, context.restaurantGuid, member, now, input.overrides);
  const ctx: EvaluationContext = { now: now.toISOString(), locationGuid: context.restaurantGuid, check, member: state };
  const redemptions = attachDiscountGuids(input.redemptions, check);
  const [offered, validation, earn] = await Promise.all([
    offers(context.program, ctx),
    validateRedemptions(context.program, ctx, redemptions),
    accrual(context.program, ctx),
  ]);
  return { check, state, redemptions, offers: offered, validation, earn };
}
