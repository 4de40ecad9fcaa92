import type { Program } from '../engine/types.js';
import { runFixtures } from '../fixtures.js';
import { loadProgramFile } from '../load.js';
import { parseFlags } from './args.js';
import { cliMenus } from './menus.js';

type Named = { id: string };

/** Added, removed and changed entries of two id-keyed lists. */
function diffById<T extends Named>(label: string, before: T[], after: T[]): string[] {
  const old = new Map(before.map((x) => [x.id, JSON.stringify(x)]));
  const now = new Map(after.map((x) => [x.id, JSON.stringify(x)]));
  const lines: string[] = [];
  for (const id of now.keys()) if (!old.has(id)) lines.push(`+ ${label} ${id}`);
  for (const id of old.keys()) if (!now.has(id)) lines.push(`- ${label} ${id}`);
  for (const [id, body] of now) if (old.has(id) && old.get(id) !== body) lines.push(`~ ${label} ${id}`);
  return lines;
}

function sectionDiff(before: Program, after: Program): string[] {
  const lines = [
    ...diffById('reward', before.rewards, after.rewards),
    ...diffById('promotion', before.promotions, after.promotions),
    ...diffById('tier', before.tiers?.levels ?? [], after.tiers?.levels ?? []),
  ];
  for (const key of ['earning', 'shopWithPoints', 'policies', 'locations'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(`~ ${key}`);
  }
  return lines;
}

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
  console.log(`version ${before.program.version} → ${after.program.version}`);
  const changes = sectionDiff(before.program, after.program);
  console.log(changes.length ? changes.join('\n') : 'no rule changes');
  const outcomes = await runFixtures(after.program, before.program);
  const bad = outcomes.filter((o) => !o.ok);
  console.log(`old fixtures on new file: ${outcomes.length - bad.length}/${outcomes.length} unchanged`);
  for (const o of bad) { console.log(`  ≠ ${o.name}`); for (const f of o.failures) console.log(`      ${f}`); }
  return 0;
}
