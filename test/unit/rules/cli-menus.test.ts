/** The rules CLI with menu catalogues: names in rule files resolve with --menu, errors and warnings print with paths, simulate shows names. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MENU = 'test/fixtures/toast-menus/demo-menus.json';

function cli(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The demo program with its fries and burger rewards written by name, in a temp file. */
function demoByName(edit: (d: Json) => void = () => undefined): string {
  const d = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;
  d.rewards[0].items = { menuItems: [{ name: 'Fries' }] };
  d.rewards[1].items = { menuGroups: [{ name: 'Burgers' }] };
  edit(d);
  const file = join(mkdtempSync(join(tmpdir(), 'rules-menus-')), 'demo-by-name.json');
  writeFileSync(file, JSON.stringify(d));
  return file;
}

describe('rules CLI with menu catalogues', function () {
  this.timeout(30000);

  it('validate, test and diff resolve names with --menu; without a catalogue the names are errors', () => {
    const file = demoByName();
    const v = cli('validate', file, '--menu', MENU);
    expect(v.code, v.out).to.equal(0);
    expect(v.out).to.contain('ok    ').and.not.contain('warning');
    const t = cli('test', file, '--menu', MENU);
    expect(t.code, t.out).to.equal(0);
    const d = cli('diff', 'rules/programs/demo.json', file, '--menu', MENU);
    expect(d.code, d.out).to.equal(0);
    expect(d.out).to.match(/old fixtures on new file: (\d+)\/\1 unchanged/);
    const bare = cli('validate', file);
    expect(bare.code).to.equal(1);
    expect(bare.out).to.contain('/rewards/0/items/menuItems/0 menu item "Fries" cannot be resolved: no menu catalogue');
  });

  it('validate prints unknown names with path and close matches (exit 1), and unknown GUIDs as warnings', () => {
    const file = demoByName((d) => {
      d.rewards[0].items = { menuItems: [{ name: 'Frys' }] };
      d.rewards[2] = { ...d.rewards[2], id: 'fries-or-ghost', name: 'Ghost', type: 'FREE_ITEM', items: { menuItems: ['a1f0c3d2-dead-4b5e-9c1a-00000000dead'] } };
      delete d.rewards[2].amountCents;
    });
    const r = cli('validate', file, '--menu', MENU);
    expect(r.code, r.out).to.equal(1);
    expect(r.out).to.contain('  /rewards/0/items/menuItems/0 unknown menu item "Frys"; close matches: "Fries"');
    expect(r.out).to.contain('  warning /rewards/2/items/menuItems/0 menu item GUID "a1f0c3d2-dead-4b5e-9c1a-00000000dead" is on no location\'s menu');
  });

  it('a broken --menu file is a usage error naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-menus-'));
    writeFileSync(join(dir, 'menu.json'), JSON.stringify({ restaurantGuid: 'x', lastUpdated: 'y' }));
    const r = cli('validate', 'rules/programs/demo.json', '--menu', join(dir, 'menu.json'));
    expect(r.code).to.equal(2);
    expect(r.out).to.contain('is not a Toast menus document').and.contain('/menus must be an array');
  });

  it('simulate shows the check and the offers by item name', () => {
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { fixtures: { name: string; check: Json }[] };
    const check = demo.fixtures.find((f) => f.name === 'starter members may redeem')!.check;
    for (const s of check.selections) s.displayName = null; // names must come from the catalogue
    const dir = mkdtempSync(join(tmpdir(), 'rules-menus-'));
    writeFileSync(join(dir, 'check.json'), JSON.stringify(check));
    const args = ['simulate', '--program', demoByName(), '--check', join(dir, 'check.json'), '--member', '{"pointsBalance":120}', '--at', '2026-07-15T15:00:00Z', '--menu', MENU];
    const human = cli(...args);
    expect(human.code, human.out).to.equal(0);
    expect(human.out).to.contain('  Classic Burger ×1  $8.99').and.contain('  Fries ×1  $3.49');
    expect(human.out).to.match(/✓ Free Fries \[free-fries\] ITEM \$3\.49 for 50 pts on Fries/);
    const json = JSON.parse(cli(...args, '--json').out) as { names: { items: Record<string, string> } };
    expect(json.names.items).to.deep.equal({ 'a1f0c3d2-0001-4b5e-9c1a-000000000001': 'Classic Burger', 'a1f0c3d2-0010-4b5e-9c1a-000000000010': 'Fries' });
  });
});
