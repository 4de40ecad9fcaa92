/**
 * Validation of a parsed rule file: the JSON Schema first (all errors, JSON Pointer paths), then
 * menu names resolved to GUIDs against the locations' catalogues, then the semantic checks the
 * schema cannot express. A program that passes is safe to evaluate and holds GUIDs only.
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

/** `{ok: true, program}` or every error with its JSON path; warnings either way. */
export function validateProgram(json: unknown, options: ValidateOptions = {}): ValidationResult<Program> {
  const structural = schemaErrors(json);
  if (structural.length > 0) return { ok: false, errors: structural };
  const names = resolveMenuNames(json, options.menus);
  const program = names.json as Program;
  const errors: ValidationError[] = [...names.errors];
  const semantic: ValidationError[] = [];
  for (const check of SEMANTIC_CHECKS) check(program, semantic);
  // A name that did not resolve was already reported; its leftovers are not new problems.
  errors.push(...semantic.filter((e) => !names.unresolved.some((p) => e.path.startsWith(p))));
  return errors.length > 0 ? { ok: false, errors, warnings: names.warnings } : { ok: true, program, warnings: names.warnings };
}
