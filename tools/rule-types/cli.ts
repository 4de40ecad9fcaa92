/**
 * `npm run rules:types`: regenerates rules/schema/program.generated.ts from
 * rules/schema/program.schema.json (see tools/rule-types/render.ts). Run it after every schema
 * change and commit both files; `-- --check` only reports whether the committed file is current
 * (exit 1 when it is not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { REGENERATE_COMMAND, SCHEMA_FILE, TYPES_FILE, renderProgramTypes } from './render.js';

const check = process.argv.includes('--check');
const fresh = await renderProgramTypes(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
let current = '';
try { current = readFileSync(TYPES_FILE, 'utf8'); } catch { /* absent: written below, or reported as stale */ }

if (fresh === current) {
  console.log(`rules:types: ${TYPES_FILE} matches ${SCHEMA_FILE}`);
} else if (check) {
  console.error(`rules:types: ${TYPES_FILE} is stale for ${SCHEMA_FILE}; run ${REGENERATE_COMMAND}`);
  process.exitCode = 1;
} else {
  writeFileSync(TYPES_FILE, fresh);
  console.log(`rules:types: wrote ${TYPES_FILE} from ${SCHEMA_FILE}`);
}
