/**
 * Validation of a parsed rule file: the JSON Schema first (all errors, JSON Pointer paths), then
 * the semantic checks the schema cannot express. A program that passes is safe to evaluate.
 */
import type { Program, ValidationError, ValidationResult } from '../engine/types.js';
import { schemaErrors } from './schema-check.js';
import { checkConditions } from './semantic-conditions.js';
import { checkIds, checkReferences } from './semantic-ids.js';
import { checkMeaning } from './semantic-meaning.js';
import { checkRewards } from './semantic-rewards.js';
import { checkSatisfiable } from './semantic-satisfiable.js';
import { checkSchedules } from './semantic-schedules.js';

const SEMANTIC_CHECKS = [checkIds, checkReferences, checkConditions, checkSatisfiable, checkSchedules, checkRewards, checkMeaning];

/** `{ok: true, program}` or every error with its JSON path. */
export function validateProgram(json: unknown): ValidationResult<Program> {
  const structural = schemaErrors(json);
  if (structural.length > 0) return { ok: false, errors: structural };
  const program = json as Program;
  const errors: ValidationError[] = [];
  for (const check of SEMANTIC_CHECKS) check(program, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, program };
}
