/**
 * rules/README.md (and the `npm run rules` lines of every README) can be followed as written:
 * every JSON block is validated as the part of a rule file it claims to be, and every command
 * line names a real command with options it declares — and runs, exiting 0, when its files exist.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { COMMANDS } from '../../../rules/cli/index.js';
import { validateProgram, type Program } from '../../../rules/index.js';
import { readSimulationMember } from '../../../rules/simulate-member.js';
import { readToastMenusDocument } from '../../../server/menus/toast-menus-document.js';
import { words } from './shell-words.js';

type Json = Record<string, unknown>;
const readme = readFileSync('rules/README.md', 'utf8');
const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

/** The demo program with the README's tiers, so every snippet has the ids it refers to. */
function base(): Json {
  const demo = read('rules/programs/demo.json');
  demo.tiers = { basis: 'LIFETIME', levels: [{ id: 'silver', name: 'Silver', minPoints: 500, multiplier: 1.25 }, { id: 'gold', name: 'Gold', minPoints: 1000, multiplier: 1.5 }] };
  return demo;
}

function demoMenu() {
  const doc = readToastMenusDocument(read('rules/programs/menus/demo-union-square.json'));
  if (!doc.ok) throw new Error('demo menu unreadable');
  return [doc.menu];
}

const errors = (program: Json, menus?: ReturnType<typeof demoMenu>): string[] => {
  const r = validateProgram(program, menus ? { menus } : {});
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
};

/** How each kind of snippet is checked: placed where it belongs in a valid program. */
const CHECKS: Record<string, (json: unknown) => string[]> = {
  program: (json) => errors(json as Json),
  promotions: (json) => errors({ ...base(), promotions: json }),
  tiers: (json) => errors({ ...base(), tiers: json }),
  shopWithPoints: (json) => errors({ ...base(), shopWithPoints: json }),
  policies: (json) => errors({ ...base(), policies: json }),
  rewards: (json) => errors({ ...base(), rewards: json }),
  eligibility: (json) => { const p = base(); (p.rewards as Json[])[0]!.eligibility = json; return errors(p); },
  'items (names, demo menu)': (json) => { const p = base(); (p.rewards as Json[])[0]!.items = json; return errors(p, demoMenu()); },
  member: (json) => { const r = readSimulationMember(json, base() as unknown as Program); return r.ok ? [] : [r.message]; },
};

describe('rules/README.md snippets', () => {
  const blocks = [...readme.matchAll(/(?:<!-- snippet: ([^>]+?) -->\n)?```json\n([\s\S]*?)```/g)];

  it('has JSON blocks, each marked with what it is', () => {
    expect(blocks.length).to.be.greaterThan(6);
    for (const b of blocks) expect(b[1], `unmarked JSON block:\n${b[2]}`).to.be.a('string');
    for (const b of blocks) expect(Object.keys(CHECKS), `unknown snippet kind ${b[1]}`).to.include(b[1]);
  });

  for (const b of blocks) {
    it(`the ${b[1] ?? 'unmarked'} snippet "${b[2]!.trim().slice(0, 50).replace(/\s+/g, ' ')}…" is valid`, () => {
      const json = JSON.parse(b[2]!) as unknown;
      expect(CHECKS[b[1] ?? '']?.(json)).to.deep.equal([]);
    });
  }

  it('documents the fields the old page got wrong (issue 17)', () => {
    for (const text of ['**`kind`** (not `type`)', '**`pointsPerUnit`**', '**`id`**', '**`{"points": 100, "cents": 100}`**', '**inside `items`**', '"unaffordableRewards"', '"mode"', '"membership"', '"reversal"', '"combineWithNonLoyaltyDiscounts"']) {
      expect(readme).to.contain(text);
    }
    expect(readme).to.contain('(REFERENCE.md)');
  });
});

const docs = ['rules/README.md', 'README.md', ...globSync('rules/examples/*/README.md')];
const lines = docs.flatMap((file) => {
  const text = readFileSync(file, 'utf8').replace(/\\\n\s*/g, ' ');
  return [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'))
    .map((l) => l.replace(/^\$ /, ''))
    .filter((l) => l.startsWith('npm run rules -- ')).map((line) => ({ file, line }));
});

describe('npm run rules lines in the READMEs', function () {
  this.timeout(240000);

  it('name only commands and options the CLI declares', () => {
    expect(lines.length).to.be.greaterThan(15);
    for (const { file, line } of lines) {
      const [, , , , command, ...rest] = words(line);
      if (command === '--help') continue;
      const spec = COMMANDS.find((c) => c.name === command);
      expect(spec, `${file}: ${line}`).to.not.equal(undefined);
      const declared = new Set([...spec!.options.map((o) => o.flags.split(' ')[0]), '--help']);
      // Optional parts are written `[--json | --csv]`: every --option mentioned must exist.
      for (const option of rest.join(' ').match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []) expect([...declared], `${file}: ${option} in ${line}`).to.include(option);
    }
  });

  it('run as written (exit 0) where their files exist: validate, test, simulate, diff', () => {
    let ran = 0;
    for (const { file, line } of lines) {
      const [, , , , command, ...rest] = words(line);
      if (!['validate', 'test', 'simulate', 'diff'].includes(command!)) continue;
      const args = rest.flatMap((w) => (w.includes('*') ? globSync(w) : [w]));
      const files = args.filter((w) => w.endsWith('.json'));
      if (args.some((w) => w.startsWith('<') || w === '--store') || !files.every((f) => existsSync(f))) continue;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', command!, ...args], { encoding: 'utf8' });
      expect(r.status, `${file}: ${line}\n${r.stdout}${r.stderr}`).to.equal(0);
      ran++;
    }
    expect(ran).to.be.greaterThan(5);
  });
});
