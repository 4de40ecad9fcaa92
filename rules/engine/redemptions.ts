import type { EvaluationContext, Program, ToastRedemption, ValidateRedemptionsResult } from './types.js';

/** Re-prices submitted redemptions, enforcing stacking in submitted order (INQUIRE and REDEEM). */
export async function validateRedemptions(
  program: Program, context: EvaluationContext, redemptions: ToastRedemption[],
): Promise<ValidateRedemptionsResult> {
  void program; void context; void redemptions;
  throw new Error('not implemented yet');
}
