/**
 * Conditions that can never be true are refused: a leaf no value of its fact satisfies
 * (`minuteOfDay greaterThan 1439`, `itemCount lessThan 0`) and an `all` whose leaves on one fact
 * leave no value (`checkSubtotalCents > 5000` and `< 3000`). Leaves under `not` are left alone
 * (their negation is always true, which is pointless but not wrong). Runs after the shape checks
 * and skips leaves they refuse.
 */
import { FACTS_BY_ID, type FactRange } from '../engine/facts/index.js';
import type { ConditionNode, Program, ValidationError } from '../engine/types.js';

/** A set of numbers: an interval, whole numbers only when `integer`. */
interface Interval {
  lo: number; loOpen: boolean; hi: number; hiOpen: boolean; integer: boolean;
}

type Leaf = { fact: string; operator: string; value: unknown; params?: Record<string, unknown> };

function fromRange(range: FactRange | undefined): Interval {
  return { lo: range?.min ?? -Infinity, loOpen: false, hi: range?.max ?? Infinity, hiOpen: false, integer: !!range?.integer };
}

function isEmpty(i: Interval): boolean {
  let { lo, hi } = i;
  let { loOpen, hiOpen } = i;
  if (i.integer) {
    lo = loOpen && Number.isInteger(lo) ? lo + 1 : Math.ceil(lo);
    hi = hiOpen && Number.isInteger(hi) ? hi - 1 : Math.floor(hi);
    loOpen = false; hiOpen = false;
  }
  return lo > hi || (lo === hi && (loOpen || hiOpen));
}

function contains(i: Interval, v: number): boolean {
  return (v > i.lo || (v === i.lo && !i.loOpen)) && (v < i.hi || (v === i.hi && !i.hiOpen)) && (!i.integer || Number.isInteger(v));
}

/** Narrows the interval by one leaf; null when the operator does not bound it (`notEqual`, `notIn`). */
function narrow(i: Interval, op: string, value: unknown): Interval | null {
  const v = value as number;
  switch (op) {
    case 'equal': return contains(i, v) ? { ...i, lo: v, hi: v, loOpen: false, hiOpen: false } : { ...i, lo: 1, hi: 0 };
    case 'greaterThan': return v >= i.lo ? { ...i, lo: v, loOpen: true } : i;
    case 'greaterThanInclusive': return v > i.lo ? { ...i, lo: v, loOpen: false } : i;
    case 'lessThan': return v <= i.hi ? { ...i, hi: v, hiOpen: true } : i;
    case 'lessThanInclusive': return v < i.hi ? { ...i, hi: v, hiOpen: false } : i;
    default: return null;
  }
}

function numberLeaf(node: ConditionNode): Leaf | null {
  const n = node as Record<string, unknown>;
  const fact = FACTS_BY_ID.get(String(n.fact));
  if (!fact || fact.kind !== 'number' || n.value === undefined) return null;
  if (n.operator === 'in') return Array.isArray(n.value) && n.value.every((x) => typeof x === 'number') ? (n as Leaf) : null;
  return typeof n.value === 'number' && Number.isFinite(n.value) ? (n as Leaf) : null;
}

function leafPossible(leaf: Leaf): boolean {
  const range = fromRange(FACTS_BY_ID.get(leaf.fact)?.range);
  if (leaf.operator === 'in') return (leaf.value as number[]).some((v) => !isEmpty(narrow(range, 'equal', v) as Interval));
  const narrowed = narrow(range, leaf.operator, leaf.value);
  return narrowed === null || !isEmpty(narrowed);
}

/** Leaves of one `all` on the same fact and params, together, leave no value. */
function checkConjunction(children: ConditionNode[], path: string, errors: ValidationError[]): void {
  const byFact = new Map<string, Interval>();
  for (const child of children) {
    const leaf = numberLeaf(child);
    if (!leaf || leaf.operator === 'in' || !leafPossible(leaf)) continue;
    const key = `${leaf.fact}\u0000${JSON.stringify(leaf.params ?? {})}`;
    const current = byFact.get(key) ?? fromRange(FACTS_BY_ID.get(leaf.fact)?.range);
    const next = narrow(current, leaf.operator, leaf.value);
    if (!next) continue;
    if (isEmpty(next)) { errors.push({ path: `${path}/all`, message: `the conditions on ${leaf.fact} can never all be true` }); return; }
    byFact.set(key, next);
  }
}

function walk(node: ConditionNode, path: string, errors: ValidationError[]): void {
  const n = node as Record<string, unknown>;
  if (Array.isArray(n.all)) {
    n.all.forEach((c, i) => walk(c as ConditionNode, `${path}/all/${i}`, errors));
    checkConjunction(n.all as ConditionNode[], path, errors);
  } else if (Array.isArray(n.any)) {
    n.any.forEach((c, i) => walk(c as ConditionNode, `${path}/any/${i}`, errors));
  } else if (n.fact !== undefined) {
    const leaf = numberLeaf(node);
    if (leaf && !leafPossible(leaf)) errors.push({ path: `${path}/value`, message: `${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)} can never be true` });
  }
}

export function checkSatisfiable(program: Program, errors: ValidationError[]): void {
  program.rewards.forEach((r, i) => { if (r.eligibility) walk(r.eligibility, `/rewards/${i}/eligibility`, errors); });
  program.promotions.forEach((p, i) => { if (p.eligibility) walk(p.eligibility, `/promotions/${i}/eligibility`, errors); });
}
