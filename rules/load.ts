import { readFile } from 'node:fs/promises';
import type { Program, ValidationResult } from './engine/types.js';
import { validateProgram } from './validation/validate-program.js';

/** Reads and validates a rule file (the only I/O in `rules/` besides the CLI). */
export async function loadProgramFile(path: string): Promise<ValidationResult<Program>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? 'error'}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `invalid JSON: ${(err as Error).message}` }] };
  }
  return validateProgram(json);
}
