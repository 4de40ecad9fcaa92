import { loadProgramFile } from '../load.js';
import { parseFlags } from './args.js';
import { cliMenus } from './menus.js';

/**
 * Validates each file; prints every error as `file: /json/path message`, then warnings. With
 * `--menu <files>` or `--store`, menu names resolve and unknown GUIDs are warned about.
 */
export async function validateCommand(args: string[]): Promise<number> {
  const { flags, positional: files } = parseFlags(args, ['store']);
  if (files.length === 0) { console.error('validate: no files given'); return 2; }
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
}
