/**
 * Field-level differences between two versions of a program, for people: a reward's changed
 * cost reads `~ reward free-fries.pointsCost: 50 → 40`, a section's `~ earning.points: 1 → 2`.
 * Lists of things with an id (rewards, promotions, tier levels, exclusivity groups) are matched
 * by id, locations by GUID, so reordering them is no change. Fixtures are tests, not rules, and
 * are left out (diff re-runs them instead). Pure.
 */
import type { Program } from './engine/types.js';

export interface FieldChange {
  /** `+` added, `-` removed, `~` changed. */
  op: '+' | '-' | '~';
  /** `reward`, `promotion`, `tier`, `location`, or the top-level section (`earning`, `policies`…). */
  kind: string;
  /** Dotted path below the entry or section: `pointsCost`, `stacking.maxRewardsPerCheck`; '' for the whole entry. */
  path: string;
  /** The entry's id (absent for a section). */
  id?: string;
  before?: unknown;
  after?: unknown;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOf = (v: Json): string | undefined => (isObject(v) ? (typeof v.id === 'string' ? v.id : typeof v.guid === 'string' ? v.guid : undefined) : undefined);
const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** Every leaf that differs between `a` and `b`, as dotted paths; lists of id'd objects matched by id. */
function walk(a: Json, b: Json, path: string, out: { path: string; before?: Json; after?: Json }[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], join(path, k), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every((x) => keyOf(x) !== undefined)) {
    const before = new Map(a.map((x) => [keyOf(x)!, x]));
    const after = new Map(b.map((x) => [keyOf(x)!, x]));
    for (const k of new Set([...before.keys(), ...after.keys()])) walk(before.get(k), after.get(k), `${path}[${k}]`, out);
    return;
  }
  out.push({ path, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) });
}

const opOf = (c: { before?: Json; after?: Json }): FieldChange['op'] => (c.before === undefined ? '+' : c.after === undefined ? '-' : '~');

function entries(kind: string, before: Json[], after: Json[]): FieldChange[] {
  const old = new Map(before.map((x) => [keyOf(x)!, x]));
  const now = new Map(after.map((x) => [keyOf(x)!, x]));
  const out: FieldChange[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id);
    const b = now.get(id);
    if (a === undefined) { out.push({ op: '+', kind, id, path: '' }); continue; }
    if (b === undefined) { out.push({ op: '-', kind, id, path: '' }); continue; }
    const leaves: { path: string; before?: Json; after?: Json }[] = [];
    walk(a, b, '', leaves);
    for (const l of leaves) out.push({ op: opOf(l), kind, id, ...l });
  }
  return out;
}

export function fieldChanges(before: Program, after: Program): FieldChange[] {
  const out: FieldChange[] = [
    ...entries('reward', before.rewards, after.rewards),
    ...entries('promotion', before.promotions, after.promotions),
    ...entries('tier', before.tiers?.levels ?? [], after.tiers?.levels ?? []),
    ...entries('location', before.locations, after.locations),
  ];
  const a: Record<string, Json> = { ...before };
  const b: Record<string, Json> = { ...after };
  const skip = new Set(['rewards', 'promotions', 'locations', 'fixtures', 'version', '$schema']);
  for (const section of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.has(section)) continue;
    // Tier levels are listed by id above; the rest of `tiers` (basis, rollingDays) here.
    const [x, y] = section === 'tiers' ? [withoutLevels(a.tiers), withoutLevels(b.tiers)] : [a[section], b[section]];
    const leaves: { path: string; before?: Json; after?: Json }[] = [];
    walk(x, y, '', leaves);
    for (const l of leaves) out.push({ op: opOf(l), kind: section, ...l });
  }
  return out;
}

function withoutLevels(tiers: Json): Json {
  if (!isObject(tiers)) return tiers;
  const { levels: _levels, ...rest } = tiers;
  return rest;
}

const show = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** `~ reward free-fries.pointsCost: 50 → 40`, `+ reward free-soda`, `~ earning.points: 1 → 2`. */
export function fieldChangeLine(c: FieldChange): string {
  const subject = c.id === undefined ? (c.path === '' ? c.kind : `${c.kind}.${c.path}`) : `${c.kind} ${c.id}${c.path === '' ? '' : `.${c.path}`}`;
  if (c.id !== undefined && c.path === '') return `${c.op} ${subject}`;
  if (c.op === '+') return `+ ${subject}: ${show(c.after)}`;
  if (c.op === '-') return `- ${subject} (was ${show(c.before)})`;
  return `~ ${subject}: ${show(c.before)} → ${show(c.after)}`;
}
