import type { AccrualResult, EvaluationContext, Program } from './types.js';

/** Points a paid check earns, with a per-rule breakdown. */
export async function accrual(program: Program, context: EvaluationContext): Promise<AccrualResult> {
  void program; void context;
  throw new Error('not implemented yet');
}
