/**
 * The per-call evaluation state: local clock, member tier, discountable subtotal and the outcome
 * of every condition tree, computed once and shared by offers, redemptions and accrual.
 */
import { localClock, type LocalClock } from './clock.js';
import { evaluateConditions, type ConditionOutcome } from './conditions.js';
import type { FactInput } from './facts/index.js';
import { discountableSubtotalCents } from './facts/line-sums.js';
import { effectiveTierId } from './tiers.js';
import type { EvaluationContext, NormalizedCheck, NormalizedLoyaltyDiscount, Program } from './types.js';

export interface Evaluation {
  program: Program;
  context: EvaluationContext;
  clock: LocalClock;
  tierId: string | null;
  discountableCents: number;
  conditions: Map<string, ConditionOutcome>;
  /** What the condition facts were computed from (`restate` compares against it). */
  facts: FactInput;
  /** Loyalty discounts already on the check (computed once per evaluation). */
  onCheck: LoyaltyOnCheck[];
}

export interface LoyaltyOnCheck {
  appliedDiscountGuid: string | null;
  referenceId: string | null;
  /** The selection it sits on; null for a check-level discount. */
  selectionGuid: string | null;
  amountCents: number;
}

export async function prepare(program: Program, context: EvaluationContext): Promise<Evaluation> {
  const facts = factInput(program, context);
  return evaluationWith(program, context, facts, await evaluateConditions(program, facts));
}

/** What the condition facts of one evaluation are computed from. */
export function factInput(program: Program, context: EvaluationContext): FactInput {
  const clock = localClock(program, context.locationGuid, context.now);
  return { program, clock, check: context.check, member: context.member, locationTags: clock.location?.tags ?? [] };
}

/** The evaluation for `context` with its condition outcomes already known. */
export function evaluationWith(program: Program, context: EvaluationContext, facts: FactInput, conditions: Map<string, ConditionOutcome>): Evaluation {
  return {
    program,
    context,
    clock: facts.clock,
    tierId: effectiveTierId(program, context.member),
    discountableCents: discountableSubtotalCents(context.check),
    conditions,
    facts,
    onCheck: loyaltyOnCheck(context.check),
  };
}

/** Loyalty discounts already on the check, with the selection they sit on (null = check level). */
export function loyaltyOnCheck(check: NormalizedCheck): LoyaltyOnCheck[] {
  const at = (d: NormalizedLoyaltyDiscount, selectionGuid: string | null): LoyaltyOnCheck => ({
    appliedDiscountGuid: d.appliedDiscountGuid, referenceId: d.referenceId, selectionGuid, amountCents: d.amountCents,
  });
  const out: LoyaltyOnCheck[] = check.checkLoyaltyDiscounts.map((d) => at(d, null));
  for (const line of check.lines) {
    if (line.voided) continue;
    for (const d of line.loyaltyDiscounts) out.push(at(d, line.selectionGuid));
  }
  return out;
}

export function hasNonLoyaltyDiscount(check: NormalizedCheck): boolean {
  return check.hasNonLoyaltyCheckDiscount || check.lines.some((l) => !l.voided && l.hasNonLoyaltyItemDiscount);
}
