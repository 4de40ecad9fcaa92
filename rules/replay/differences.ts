/**
 * Structural differences between two JSON-like values, as JSON-Pointer-style paths. Arrays of
 * objects that carry an `identifier`, `rewardId`, `ruleId` or `id` are compared by that key (so a
 * reordered or inserted offer shows as one change, not a cascade); other arrays by position.
 * Pure; used by replay to prove an answer is reproduced and to show what another rule set changes.
 */

export interface Difference {
  /** Where, e.g. `/offers/free-fries/amountCents`. */
  path: string;
  /** Value on the left (the answer, or the replay under its own version); undefined = absent. */
  before: unknown;
  /** Value on the right (the replay, or the other version/draft); undefined = absent. */
  after: unknown;
}

const KEYS = ['identifier', 'rewardId', 'ruleId', 'id'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key an array is indexed by, when every element has a distinct one. */
function keyOf(list: unknown[]): string | null {
  if (list.length === 0 || !list.every(isObj)) return null;
  for (const k of KEYS) {
    const ids = list.map((x) => (x as Obj)[k]);
    if (ids.every((id) => typeof id === 'string') && new Set(ids).size === ids.length) return k;
  }
  return null;
}

function keyed(list: unknown[], key: string | null): Map<string, unknown> {
  return new Map(list.map((x, i) => [key ? String((x as Obj)[key]) : String(i), x]));
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function walk(a: unknown, b: unknown, path: string, out: Difference[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const ka = keyOf(a);
    const kb = keyOf(b);
    const key = ka !== null && (kb === ka || b.length === 0) ? ka : kb !== null && a.length === 0 ? kb : null;
    const left = keyed(a, key);
    const right = keyed(b, key);
    for (const [k, v] of left) walk(v, right.get(k), `${path}/${escape(k)}`, out);
    for (const [k, v] of right) if (!left.has(k)) out.push({ path: `${path}/${escape(k)}`, before: undefined, after: v });
    return;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) walk(a[k], b[k], `${path}/${escape(k)}`, out);
    for (const k of Object.keys(b)) if (!(k in a) && b[k] !== undefined) out.push({ path: `${path}/${escape(k)}`, before: undefined, after: b[k] });
    return;
  }
  if (a === undefined && b === undefined) return;
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path || '/', before: a, after: b });
}

/** Every place where `after` differs from `before`; empty when they are equal in meaning. */
export function differences(before: unknown, after: unknown): Difference[] {
  const out: Difference[] = [];
  walk(before, after, '', out);
  return out;
}
