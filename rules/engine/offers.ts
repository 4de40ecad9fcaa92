import type { EvaluationContext, OffersResult, Program } from './types.js';

/** Toast-ready offers for a member on a check, with reasons for everything not offered. */
export async function offers(program: Program, context: EvaluationContext): Promise<OffersResult> {
  void program; void context;
  throw new Error('not implemented yet');
}
