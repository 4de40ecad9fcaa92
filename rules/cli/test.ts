import { runFixtures } from '../fixtures.js';
import { loadProgramFile } from '../load.js';
import { MENU_OPTIONS, type CliCommand } from './command.js';
import { cliMenus } from './menus.js';

/** Runs every program's fixtures (`--menu`/`--store` for files that name items). */
export const testCommand: CliCommand = {
  name: 'test',
  operands: '<files...>',
  summary: "run each program's fixtures (a check + member + time → expected offers and points)",
  details: 'Exit codes: 0 every fixture passes, 1 a file is invalid or a fixture fails, 2 usage error.',
  options: MENU_OPTIONS,
  examples: ['test rules/programs/demo.json', 'test rules/programs/*.json'],
  async run({ flags, positional: files }) {
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
  },
};
