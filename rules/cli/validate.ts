import { loadProgramFile } from '../load.js';

/** Validates each file; prints every error as `file: /json/path message`. */
export async function validateCommand(files: string[]): Promise<number> {
  if (files.length === 0) { console.error('validate: no files given'); return 2; }
  let failed = 0;
  for (const file of files) {
    const result = await loadProgramFile(file);
    if (result.ok) {
      console.log(`ok    ${file} (${result.program.id} ${result.program.version}: ${result.program.rewards.length} rewards, ${result.program.fixtures.length} fixtures)`);
      continue;
    }
    failed++;
    console.log(`FAIL  ${file}: ${result.errors.length} error(s)`);
    for (const e of result.errors) console.log(`  ${e.path || '/'} ${e.message}`);
  }
  return failed > 0 ? 1 : 0;
}
