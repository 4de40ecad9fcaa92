import { loadProgramFile } from '../load.js';
import { MENU_OPTIONS, type CliCommand } from './command.js';
import { cliMenus } from './menus.js';

/**
 * Validates each file; prints every error as `  /json/path message` (schema and meaning checks
 * in one pass), then warnings. With `--menu <files>` or `--store`, menu names resolve and
 * unknown GUIDs are warned about.
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  operands: '<files...>',
  summary: 'check rule files: every error with its JSON path, in one pass',
  details: 'Exit codes: 0 every file is valid, 1 a file is invalid (or unreadable), 2 usage error.',
  options: MENU_OPTIONS,
  examples: [
    'validate rules/programs/demo.json',
    'validate rules/programs/*.json',
    'validate my-program.json --menu menus.json',
  ],
  async run({ flags, positional: files }) {
    const menus = await cliMenus(flags);
    if (!menus.ok) { console.error(menus.message); return 2; }
    let failed = 0;
    for (const file of files) {
      const result = await loadProgramFile(file, { menus: menus.menus });
      if (result.ok) {
        console.log(`ok    ${file} (${result.program.id} ${result.program.version}: ${result.program.rewards.length} rewards, ${result.program.fixtures.length} fixtures)`);
      } else {
        failed++;
        console.log(`FAIL  ${file}: ${result.errors.length} error(s)`);
        for (const e of result.errors) console.log(`  ${e.path || '/'} ${e.message}`);
      }
      for (const w of result.warnings ?? []) console.log(`  warning ${w.path || '/'} ${w.message}`);
    }
    return failed > 0 ? 1 : 0;
  },
};
