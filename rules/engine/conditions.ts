/**
 * Eligibility conditions, evaluated with json-rules-engine.
 *
 * Concurrency: one Engine per program is cached and shared by overlapping evaluations. This is
 * safe only because every rule has the SAME priority: json-rules-engine keeps run status on the
 * engine, and with several priorities a run finishing early makes a slower concurrent run skip its
 * lower-priority rules (LIBRARY-NOTES). With one priority all rules start synchronously inside
 * `run()`, before any other run can change that status. Per-check data goes in as run facts, so
 * nothing accumulates on the shared engine. Stacking is resolved in our own code afterwards.
 */
import { Engine, Operator, type RuleResult } from 'json-rules-engine';
import { FACTS, type FactInput } from './facts/index.js';
import { OPERATORS } from './operators/index.js';
import type { ConditionTree, Program } from './types.js';

/** The single rule priority; never vary it (see the module comment). */
const PRIORITY = 1;

const engines = new WeakMap<Program, { engine: Engine; rules: number }>();

/** Rule name for a reward or promotion condition tree. */
export const ruleName = (kind: 'reward' | 'promotion', id: string): string => `${kind}:${id}`;

export function conditionSources(program: Program): { name: string; tree: ConditionTree }[] {
  const out: { name: string; tree: ConditionTree }[] = [];
  for (const r of program.rewards) if (r.eligibility) out.push({ name: ruleName('reward', r.id), tree: r.eligibility });
  for (const p of program.promotions) if (p.eligibility) out.push({ name: ruleName('promotion', p.id), tree: p.eligibility });
  return out;
}

/** Builds (once per program object) the engine holding every condition tree. */
function conditionEngine(program: Program): { engine: Engine; rules: number } {
  const cached = engines.get(program);
  if (cached) return cached;
  const sources = conditionSources(program);
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const op of OPERATORS) engine.addOperator(new Operator(op.name, (a: unknown, b: unknown) => op.evaluate(a, b)));
  for (const { name, tree } of sources) {
    // json-rules-engine mutates condition objects: hand it a private copy of the validated JSON.
    const conditions = structuredClone(tree) as never;
    engine.addRule({ name, priority: PRIORITY, conditions, event: { type: 'eligible', params: { name } } });
  }
  const built = { engine, rules: sources.length };
  engines.set(program, built);
  return built;
}

/** Outcome of one condition tree: passed, or the facts whose conditions failed. */
export interface ConditionOutcome {
  passed: boolean;
  failedFacts: string[];
}

interface ResultNode {
  fact?: string;
  result?: boolean;
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
}

function failedFacts(node: ResultNode | undefined, negated: boolean, into: Set<string>): Set<string> {
  if (!node) return into;
  if (node.fact !== undefined) {
    if (node.result === negated) into.add(node.fact);
    return into;
  }
  for (const child of node.all ?? node.any ?? []) failedFacts(child, negated, into);
  if (node.not) failedFacts(node.not, !negated, into);
  return into;
}

/** Runs every condition tree of the program against one check; rules without a tree are absent. */
export async function evaluateConditions(program: Program, input: FactInput): Promise<Map<string, ConditionOutcome>> {
  const outcomes = new Map<string, ConditionOutcome>();
  const { engine, rules } = conditionEngine(program);
  if (rules === 0) return outcomes;
  const runFacts: Record<string, unknown> = {};
  for (const fact of FACTS) runFacts[fact.id] = (params: Record<string, unknown>) => fact.compute(input, params ?? {});
  const { results, failureResults } = await engine.run(runFacts);
  for (const r of results) outcomes.set(r.name, { passed: true, failedFacts: [] });
  for (const r of failureResults as RuleResult[]) {
    const facts = failedFacts(r.conditions as ResultNode, false, new Set());
    outcomes.set(r.name, { passed: false, failedFacts: [...facts].sort() });
  }
  return outcomes;
}
