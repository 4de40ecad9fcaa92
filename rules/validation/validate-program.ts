/**
 * Validation of a parsed rule file, every problem in one pass: the JSON Schema (all errors, JSON
 * Pointer paths), menu names resolved to GUIDs against the locations' catalogues, and the
 * semantic checks the schema cannot express — also when the schema already failed, so a person
 * fixes everything in one round. A program that passes is safe to evaluate and holds GUIDs only.
 */
import type { Program, ValidationError, ValidationResult } from '../engine/types.js';
import type { RestaurantMenu } from '../menus/catalogue.js';
import { resolveMenuNames } from '../menus/resolve-names.js';
import { schemaErrors } from './schema-check.js';
import { checkConditions } from './semantic-conditions.js';
import { checkIds, checkReferences } from './semantic-ids.js';
import { checkMeaning } from './semantic-meaning.js';
import { checkRewards } from './semantic-rewards.js';
import { checkSatisfiable } from './semantic-satisfiable.js';
import { checkSchedules } from './semantic-schedules.js';

const SEMANTIC_CHECKS = [checkIds, checkReferences, checkConditions, checkSatisfiable, checkSchedules, checkRewards, checkMeaning];

export interface ValidateOptions {
  /**
   * Menu catalogues to resolve names and check GUIDs against (those of other restaurants are
   * ignored). Without them, names are errors and GUIDs go unchecked.
   */
  menus?: readonly RestaurantMenu[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `path` is `root` or lies below it. */
const within = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);
/** One path contains the other: a semantic error there would be about a part the schema refused. */
const overlaps = (a: string, b: string): boolean => within(a, b) || within(b, a);

/**
 * The semantic checks on a file whose shape may be wrong. They are written for valid programs, so
 * each runs on its own: one that cannot make sense of a malformed part is skipped (the schema
 * error there says what is wrong), and nothing is reported again on, above or below a path the
 * schema refused.
 */
function semanticErrors(program: Program, refused: string[]): ValidationError[] {
  const out: ValidationError[] = [];
  for (const check of SEMANTIC_CHECKS) {
    const found: ValidationError[] = [];
    try {
      check(program, found);
    } catch {
      if (refused.length === 0) throw new Error(`semantic check ${check.name} failed on a schema-valid program`);
      continue;
    }
    out.push(...found.filter((e) => !refused.some((r) => overlaps(e.path, r))));
  }
  return out;
}

function unique(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `{ok: true, program}` or every error with its JSON path; warnings either way. */
export function validateProgram(json: unknown, options: ValidateOptions = {}): ValidationResult<Program> {
  const structural = schemaErrors(json);
  // Not even an object: there is nothing for the other checks to read.
  if (!isObject(json)) return { ok: false, errors: structural };
  const refused = structural.map((e) => e.path);
  let names: ReturnType<typeof resolveMenuNames>;
  try {
    names = resolveMenuNames(json, options.menus);
  } catch (err) {
    if (refused.length === 0) throw err;
    return { ok: false, errors: structural };
  }
  const program = names.json as Program;
  // A name that did not resolve was already reported; its leftovers are not new problems.
  const semantic = semanticErrors(program, refused).filter((e) => !names.unresolved.some((p) => e.path.startsWith(p)));
  const errors = unique([...structural, ...names.errors.filter((e) => !refused.some((r) => within(e.path, r))), ...semantic]);
  return errors.length > 0 ? { ok: false, errors, warnings: names.warnings } : { ok: true, program, warnings: names.warnings };
}
