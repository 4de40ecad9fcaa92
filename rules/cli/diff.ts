import { changeLine, diffPrograms } from '../diff.js';
import { loadProgramFile } from '../load.js';
import { parseFlags } from './args.js';
import { cliMenus } from './menus.js';

/** Shows what changed between two rule files and re-runs the old file's fixtures on the new one. */
export async function diffCommand(args: string[]): Promise<number> {
  const { flags, positional: [oldFile, newFile] } = parseFlags(args, ['store']);
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
  console.log(diff.changes.length ? diff.changes.map(changeLine).join('\n') : 'no rule changes');
  const outcomes = diff.oldFixturesOnNew;
  const bad = outcomes.filter((o) => !o.ok);
  console.log(`old fixtures on new file: ${outcomes.length - bad.length}/${outcomes.length} unchanged`);
  for (const o of bad) { console.log(`  ≠ ${o.name}`); for (const f of o.failures) console.log(`      ${f}`); }
  return 0;
}
