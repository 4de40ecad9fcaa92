/**
 * A changed state of a check already evaluated (REDEEM answers with the offers as they are after
 * its debits: a new balance, new usage, its discounts standing on the check). The condition trees
 * run again only when a fact they read has a different value; otherwise the first run's outcomes
 * stand, and offers, validation and accrual are derived without a second json-rules-engine run.
 */
import { conditionSources, evaluateConditions } from './conditions.js';
import { evaluationWith, factInput, type Evaluation } from './evaluation.js';
import { FACTS_BY_ID, type FactInput } from './facts/index.js';
import type { ConditionNode, EvaluationContext, Program } from './types.js';

interface FactUse { fact: string; params: Record<string, unknown> }

const uses = new WeakMap<Program, FactUse[]>();

/** A tree node as read here: a leaf names a fact, a branch holds all / any / not. */
interface NodeView { fact?: string; params?: Record<string, unknown>; all?: ConditionNode[]; any?: ConditionNode[]; not?: ConditionNode }

function collect(node: ConditionNode, into: FactUse[]): void {
  const n = node as NodeView;
  if (n.fact !== undefined) into.push({ fact: n.fact, params: n.params ?? {} });
  for (const child of n.all ?? []) collect(child, into);
  for (const child of n.any ?? []) collect(child, into);
  if (n.not) collect(n.not, into);
}

/** Every (fact, params) the program's condition trees read, found once per program object. */
export function factUses(program: Program): FactUse[] {
  let found = uses.get(program);
  if (!found) {
    found = [];
    for (const { tree } of conditionSources(program)) collect(tree, found);
    uses.set(program, found);
  }
  return found;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** True when every fact the conditions read has the same value for both inputs. */
export function sameFacts(program: Program, before: FactInput, after: FactInput): boolean {
  return factUses(program).every(({ fact, params }) => {
    const definition = FACTS_BY_ID.get(fact);
    return definition !== undefined && sameValue(definition.compute(before, params), definition.compute(after, params));
  });
}

/** The evaluation of `context`, reusing `previous`'s condition outcomes when no fact they read changed. */
export async function restate(previous: Evaluation, context: EvaluationContext): Promise<Evaluation> {
  const facts = factInput(previous.program, context);
  const conditions = sameFacts(previous.program, previous.facts, facts) ? previous.conditions : await evaluateConditions(previous.program, facts);
  return evaluationWith(previous.program, context, facts, conditions);
}
