import type { Program } from '../../../../rules/index.js';
import { HttpError } from '../../../http/errors.js';
import { validateForPublish } from '../../../loyalty/programs/programs.js';

/**
 * The checks a rule file passes before it may be published to `programId` (schema, menu names,
 * semantics, the program of the path): publish and validate run this one function, so the
 * dashboard's "Validate" says exactly what publishing would.
 */
export async function checkRuleFileFor(models: Parameters<typeof validateForPublish>[0], json: unknown, programId: string): Promise<{ program: Program; warnings: { path: string; message: string }[] }> {
  const checked = await validateForPublish(models, json);
  if (!checked.ok) {
    throw new HttpError(422, 'INVALID_RULE_FILE', `the rule file has ${checked.errors.length} error(s)`,
      checked.errors.map((e) => ({ in: 'body' as const, path: e.path || '/', message: e.message })));
  }
  if (checked.program.id !== programId) {
    throw new HttpError(422, 'PROGRAM_MISMATCH', `the rule file is of program ${checked.program.id}, not ${programId}`, [{ in: 'body', path: '/id', message: `must be ${programId}` }]);
  }
  return { program: checked.program, warnings: checked.warnings ?? [] };
}
