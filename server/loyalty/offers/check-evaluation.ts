/**
 * Evaluates a Toast check for a member with the rules engine: offers (visibility policy applied
 * by the engine), the submitted redemptions re-validated and re-priced, and the points the check
 * would earn. Redemptions an earlier REDEEM already debited (by their discount on the check) are
 * answered from their record instead of being validated again (redeemed-discounts.ts); their
 * discounts stay on the check, where the engine counts them like any reward already applied.
 * Pure apart from reading the member's usage and redemptions; used by INQUIRE and REDEEM.
 */
import {
  checkAnswers,
  type AccrualResult, type Evaluation, type AppliedRedemption, type EvaluationContext, type MemberState, type NormalizedCheck,
  type OffersResult, type RejectedRedemption, type SubmittedRedemption, type ValidateRedemptionsResult,
} from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { attachDiscountGuids } from '../policy/discount-guids.js';
import { memberState, type StateOverrides } from '../members/member-state.js';
import { splitRedeemed, type AlreadyRedeemed, type RedeemedSplit } from '../redemption/redeemed-discounts.js';
import type { MemberRecord } from '../members/members.js';
import type { ProgramContext } from '../programs/program-context.js';

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
  /** REDEEM: the split it already made (see {@link splitSubmitted}); computed here when absent. */
  split?: RedeemedSplit;
}

export interface CheckEvaluation {
  check: NormalizedCheck;
  state: MemberState;
  /** Submitted redemptions still to validate, with `appliedDiscountGuid` filled in from the check. */
  redemptions: SubmittedRedemption[];
  /** Submitted redemptions an earlier REDEEM already debited: answered as applied, never debited again. */
  already: AlreadyRedeemed[];
  /** Submitted redemptions whose discount was redeemed and reversed. */
  refused: RejectedRedemption[];
  offers: OffersResult;
  validation: ValidateRedemptionsResult;
  earn: AccrualResult;
  /** The engine's one evaluation of this check, which offers, validation and earn come from. */
  prepared: Evaluation;
}

/** Fills in discount GUIDs from the check, then splits off what an earlier REDEEM already debited. */
export async function splitSubmitted(models: Models, context: ProgramContext, member: MemberRecord, check: NormalizedCheck, redemptions: SubmittedRedemption[]): Promise<RedeemedSplit> {
  return splitRedeemed(models, context.program, String(member._id), attachDiscountGuids(redemptions, check));
}

/**
 * The split a first-run REDEEM starts from without reading the records: every submitted
 * redemption fresh. An earlier redemption of one of its discounts shows at the debit (its
 * sourceKey is taken) or as a refusal, and is then answered from its record (redemption.ts).
 */
export function assumeFresh(check: NormalizedCheck, redemptions: SubmittedRedemption[]): RedeemedSplit {
  return { fresh: attachDiscountGuids(redemptions, check), already: [], refused: [] };
}

export async function evaluateCheck(input: CheckEvaluationInput): Promise<CheckEvaluation> {
  const { context, member, now } = input;
  const { check } = input;
  const [state, split] = await Promise.all([
    memberState(input.models, context.program, context.restaurantGuid, member, now, input.overrides),
    input.split ?? splitSubmitted(input.models, context, member, check, input.redemptions),
  ]);
  const ctx: EvaluationContext = { now: now.toISOString(), locationGuid: context.restaurantGuid, check, member: state };
  // One condition run for everything the register is answered (issue 11 §3).
  const outcome = await checkAnswers(context.program, ctx, split.fresh);
  return {
    check, state, redemptions: split.fresh, already: split.already, refused: split.refused,
    offers: outcome.offers, validation: outcome.validation, earn: outcome.earn, prepared: outcome.evaluation,
  };
}

/** What INQUIRE answers: earlier-redeemed ones as applied, then the engine's decisions. */
export function answered(ev: CheckEvaluation): { applied: AppliedRedemption[]; rejected: RejectedRedemption[] } {
  return { applied: [...ev.already.map((a) => a.applied), ...ev.validation.applied], rejected: [...ev.refused, ...ev.validation.rejected] };
}
