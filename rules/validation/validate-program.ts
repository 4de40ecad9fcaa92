import type { Program, ValidationResult } from '../engine/types.js';

/** Validates a parsed rule file: JSON Schema (all errors, JSON paths) then semantic checks. */
export function validateProgram(json: unknown): ValidationResult<Program> {
  void json;
  throw new Error('not implemented yet');
}
