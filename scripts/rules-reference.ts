/**
 * `npm run rules:reference`: writes rules/REFERENCE.md from rules/schema/program.schema.json
 * (descriptions, defaults and examples live in the schema). `--check` only compares: exit 1 when
 * the committed file is stale or a field has no description or example.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { REFERENCE_FILE, currentReference } from './rules-reference/current.js';

const { markdown, undocumented, unexemplified } = currentReference();
let code = 0;
if (undocumented.length) { console.error(`fields without a description in the schema: ${undocumented.join(', ')}`); code = 1; }
if (unexemplified.length) { console.error(`fields without an example (add "examples" to the schema): ${unexemplified.join(', ')}`); code = 1; }
if (process.argv.includes('--check')) {
  let committed = '';
  try { committed = readFileSync(REFERENCE_FILE, 'utf8'); } catch { /* missing counts as stale */ }
  if (committed !== markdown) { console.error(`${REFERENCE_FILE} is stale: run npm run rules:reference`); code = 1; } else console.log(`${REFERENCE_FILE} is up to date`);
} else {
  writeFileSync(REFERENCE_FILE, markdown);
  console.log(`wrote ${REFERENCE_FILE}`);
}
process.exitCode = code;
