/**
 * Condition trees: only vocabulary facts, only allowed operators, values of the right type, and
 * params where a fact needs them. json-rules-engine itself would accept a misspelled operator
 * until run time and let the string "42" pass `greaterThan 10`.
 */
import { FACTS_BY_ID } from '../engine/facts/index.js';
import { OPERATORS_BY_NAME, type ValueShape } from '../engine/operators/index.js';
import type { ConditionNode, Program, ValidationError } from '../engine/types.js';

const SHAPE_CHECK: Record<ValueShape, (v: unknown) => boolean> = {
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string',
  numberList: (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number'),
  stringList: (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'),
};

function checkLeaf(node: Record<string, unknown>, path: string, errors: ValidationError[]): void {
  const fact = FACTS_BY_ID.get(String(node.fact));
  const op = OPERATORS_BY_NAME.get(String(node.operator));
  if (!fact) { errors.push({ path: `${path}/fact`, message: `unknown fact "${String(node.fact)}"` }); return; }
  if (!op) { errors.push({ path: `${path}/operator`, message: `unknown operator "${String(node.operator)}"` }); return; }
  const shape = op.accepts[fact.kind];
  if (!shape) { errors.push({ path: `${path}/operator`, message: `operator "${op.name}" does not apply to fact "${fact.id}"` }); return; }
  if (!SHAPE_CHECK[shape](node.value)) errors.push({ path: `${path}/value`, message: `must be a ${shape} for ${fact.id} ${op.name}` });
  else if (fact.values) {
    const values = Array.isArray(node.value) ? node.value : [node.value];
    for (const v of values) if (!fact.values.includes(String(v))) errors.push({ path: `${path}/value`, message: `"${String(v)}" is not a value of ${fact.id}` });
  }
  const params = (node.params ?? {}) as Record<string, unknown>;
  for (const p of fact.params ?? []) if (typeof params[p] !== 'string') errors.push({ path: `${path}/params/${p}`, message: `is required by fact ${fact.id}` });
  if (!fact.params && node.params !== undefined) errors.push({ path: `${path}/params`, message: `fact ${fact.id} takes no params` });
}

function checkNode(node: ConditionNode, path: string, errors: ValidationError[]): void {
  const n = node as Record<string, unknown>;
  const forms = ['all', 'any', 'not', 'fact'].filter((k) => n[k] !== undefined);
  if (forms.length !== 1) { errors.push({ path, message: 'must be exactly one of all / any / not / a {fact, operator, value} leaf' }); return; }
  // The form is decided by the key present; a list that is not a list is the schema's to report.
  if (forms[0] === 'all') { if (Array.isArray(n.all)) n.all.forEach((c, i) => checkNode(c as ConditionNode, `${path}/all/${i}`, errors)); }
  else if (forms[0] === 'any') { if (Array.isArray(n.any)) n.any.forEach((c, i) => checkNode(c as ConditionNode, `${path}/any/${i}`, errors)); }
  else if (forms[0] === 'not') checkNode(n.not as ConditionNode, `${path}/not`, errors);
  else {
    for (const k of ['operator', 'value']) if (n[k] === undefined) errors.push({ path: `${path}/${k}`, message: 'is required' });
    if (n.operator !== undefined && n.value !== undefined) checkLeaf(n, path, errors);
  }
}

export function checkConditions(program: Program, errors: ValidationError[]): void {
  program.rewards.forEach((r, i) => { if (r.eligibility) checkNode(r.eligibility, `/rewards/${i}/eligibility`, errors); });
  program.promotions.forEach((p, i) => { if (p.eligibility) checkNode(p.eligibility, `/promotions/${i}/eligibility`, errors); });
}
