import { runFixtures } from '../fixtures.js';
import { loadProgramFile } from '../load.js';
import { parseFlags } from './args.js';
import { cliMenus } from './menus.js';

/** Runs every program's fixtures (`--menu`/`--store` for files that name items); exit 1 when a file is invalid or any fixture fails. */
export async function testCommand(args: string[]): Promise<number> {
  const { flags, positional: files } = parseFlags(args, ['store']);
  if (files.length === 0) { console.error('test: no files given'); return 2; }
  const menus = await cliMenus(flags);
  if (!menus.ok) { console.error(menus.message); return 2; }
  let failed = 0;
  for (const file of files) {
    const loaded = await loadProgramFile(file, { menus: menus.menus });
    if (!loaded.ok) {
      failed++;
      console.log(`FAIL  ${file}: invalid rule file`);
      for (const e of loaded.errors) console.log(`  ${e.path || '/'} ${e.message}`);
      continue;
    }
    const outcomes = await runFixtures(loaded.program);
    const bad = outcomes.filter((o) => !o.ok);
    console.log(`${bad.length ? 'FAIL' : 'ok  '}  ${file}: ${outcomes.length - bad.length}/${outcomes.length} fixtures pass`);
    for (const o of bad) {
      console.log(`  ✗ ${o.name}`);
      for (const f of o.failures) console.log(`      ${f}`);
    }
    failed += bad.length;
  }
  return failed > 0 ? 1 : 0;
}
