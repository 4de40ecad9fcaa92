/**
 * `init <file> [--template …]`: a complete, valid program to start from (a template from
 * rules/templates/, fixtures included), with its `id` taken from the file name and `$schema`
 * pointing at the schema from where the file is written, so editors complete it. Never
 * overwrites a file unless `--force`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagText, type CliCommand } from './command.js';

/** The templates in rules/templates/, by `--template` name. */
export const TEMPLATES = ['points-banking', 'shop-with-points', 'tiers'] as const;
const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `My Cafe.json` → `my-cafe`: the schema's id form (lower-case letters, digits, dashes). */
export function idFromFileName(file: string): string {
  const id = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return id === '' ? 'my-program' : id;
}

export const initCommand: CliCommand = {
  name: 'init',
  operands: '<file>',
  summary: 'write a complete, valid program to start from (fixtures included)',
  details: [
    `Templates: ${TEMPLATES.join(', ')} (default points-banking). The program's id is the file name;`,
    'its notes (`description`) say what to replace. Then: validate, test, simulate.',
    'Exit codes: 0 written, 1 the file exists (use --force), 2 usage error.',
  ].join('\n'),
  options: [
    { flags: '--template <name>', description: `one of ${TEMPLATES.join(', ')}` },
    { flags: '--force', description: 'overwrite an existing file' },
  ],
  examples: ['init rules/programs/my-cafe.json', 'init my-cafe.json --template tiers', 'init shop.json --template shop-with-points'],
  async run({ flags, positional: [file] }) {
    if (!file) { console.error('init: <file> required'); return 2; }
    const template = flagText(flags, 'template') ?? 'points-banking';
    if (!(TEMPLATES as readonly string[]).includes(template)) {
      console.error(`init: unknown template "${template}"; one of: ${TEMPLATES.join(', ')}`);
      return 2;
    }
    if (existsSync(file) && !flags.force) { console.error(`init: ${file} exists; pass --force to overwrite it`); return 1; }
    const program = JSON.parse(await readFile(resolve(RULES_DIR, 'templates', `${template}.json`), 'utf8')) as Record<string, unknown>;
    program.$schema = relative(dirname(resolve(file)), resolve(RULES_DIR, 'schema', 'program.schema.json')).split('\\').join('/');
    program.id = idFromFileName(file);
    await mkdir(dirname(resolve(file)), { recursive: true });
    await writeFile(file, `${JSON.stringify(program, null, 2)}\n`);
    console.log(`wrote ${file} (template ${template}, id ${String(program.id)})`);
    console.log(`next: npm run rules -- validate ${file}   then   npm run rules -- test ${file}`);
    return 0;
  },
};
