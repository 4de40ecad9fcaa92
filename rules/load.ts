import { readFile } from 'node:fs/promises';
import type { Program, ValidationResult } from './engine/types.js';
import { validateProgram, type ValidateOptions } from './validation/validate-program.js';

/** Reads a JSON file; a missing file or broken JSON is an error value, never a throw. */
export async function readJsonFile(path: string): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: `invalid JSON: ${(err as Error).message}` };
  }
}

/** Reads and validates a rule file (the only I/O in `rules/` besides the CLI). */
export async function loadProgramFile(path: string, options: ValidateOptions = {}): Promise<ValidationResult<Program>> {
  const read = await readJsonFile(path);
  if (!read.ok) return { ok: false, errors: [{ path: '', message: read.message }] };
  return validateProgram(read.json, options);
}
