import { diffPrograms } from '../diff.js';
import { fieldChangeLine, fieldChanges } from '../diff-fields.js';
import { loadProgramFile } from '../load.js';
import { MENU_OPTIONS, type CliCommand } from './command.js';
import { cliMenus } from './menus.js';

/** Exit code when the new file changes what the old file's fixtures produce. */
export const OUTCOME_CHANGED = 3;

/**
 * Shows what changed between two rule files, field by field, and re-runs the old file's fixtures
 * on the new one; a changed outcome fails the command unless `--allow-changes` says it is meant.
 */
export const diffCommand: CliCommand = {
  name: 'diff',
  operands: '<old> <new>',
  summary: "field-level changes between two rule files; the old file's fixtures re-run on the new one",
  details: [
    'Prints one line per changed field (`~ reward free-fries.pointsCost: 50 → 40`), added (+) and removed (-) entries,',
    "then how many of the old file's fixtures still produce the same offers and points on the new file.",
    `Exit codes: 0 no old fixture changes outcome (or --allow-changes), 1 a file is invalid, 2 usage error,`,
    `${OUTCOME_CHANGED} an old fixture changes outcome.`,
  ].join('\n'),
  options: [
    { flags: '--allow-changes', description: 'exit 0 even when old fixtures change outcome (the change is intended)' },
    ...MENU_OPTIONS,
  ],
  examples: ['diff rules/programs/demo.json my-draft.json', 'diff old.json new.json --allow-changes'],
  async run({ flags, positional: [oldFile, newFile] }) {
    if (!oldFile || !newFile) { console.error('diff: <old> <new> required'); return 2; }
    const menus = await cliMenus(flags);
    if (!menus.ok) { console.error(menus.message); return 2; }
    const [before, after] = await Promise.all([loadProgramFile(oldFile, { menus: menus.menus }), loadProgramFile(newFile, { menus: menus.menus })]);
    for (const [file, r] of [[oldFile, before], [newFile, after]] as const) {
      if (!r.ok) { console.log(`FAIL  ${file} is invalid`); for (const e of r.errors) console.log(`  ${e.path || '/'} ${e.message}`); }
    }
    if (!before.ok || !after.ok) return 1;
    const diff = await diffPrograms(before.program, after.program);
    console.log(`version ${diff.fromVersion} → ${diff.toVersion}`);
    const changes = fieldChanges(before.program, after.program);
    console.log(changes.length ? changes.map(fieldChangeLine).join('\n') : 'no rule changes');
    const outcomes = diff.oldFixturesOnNew;
    const bad = outcomes.filter((o) => !o.ok);
    console.log(`old fixtures on new file: ${outcomes.length - bad.length}/${outcomes.length} unchanged`);
    for (const o of bad) { console.log(`  ≠ ${o.name}`); for (const f of o.failures) console.log(`      ${f}`); }
    if (bad.length === 0) return 0;
    if (flags['allow-changes']) { console.log(`${bad.length} old fixture(s) change outcome: accepted (--allow-changes)`); return 0; }
    console.log(`${bad.length} old fixture(s) change outcome: exit ${OUTCOME_CHANGED} (pass --allow-changes if that is intended)`);
    return OUTCOME_CHANGED;
  },
};
