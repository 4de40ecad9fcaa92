/**
 * The numbered examples in rules/examples/ (issue 10 §6) never rot: each README's command runs
 * and prints exactly the output written under it; each rule file is valid and its fixtures pass.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import { words } from '../docs/shell-words.js';

const examples = globSync('rules/examples/[0-9][0-9]-*/').map((d) => d.replace(/\/$/, '')).sort();

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('rules/examples', function () {
  this.timeout(90000);

  it('has the eight numbered examples, each linked from rules/README.md', () => {
    const names = examples.map((d) => d.split('/').pop());
    expect(names).to.include.members(['01-points-banking', '02-shop-with-points', '03-tiers', '04-bogo', '05-double-points-schedule', '06-eligibility', '07-limits-and-stacking', '08-bonus-points']);
    const readme = readFileSync('rules/README.md', 'utf8');
    for (const n of names) expect(readme).to.contain(`(examples/${n}/)`);
  });

  for (const dir of examples) {
    it(`${dir}: the README's simulate command prints exactly its expected output, and the program's fixtures pass`, () => {
      const readme = readFileSync(`${dir}/README.md`, 'utf8');
      const block = /```\n\$ (npm run rules -- simulate .*)\n([\s\S]*?)```/.exec(readme);
      expect(block, `${dir}/README.md has no "$ npm run rules -- simulate" block`).to.not.equal(null);
      const [, , , , ...args] = words(block![1]!);
      expect(args).to.include.members([`${dir}/program.json`, `${dir}/check.json`]);
      const r = run(args);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.equal(block![2]);
      const menu = args.includes('--menu') ? ['--menu', args[args.indexOf('--menu') + 1]!] : [];
      const t = run(['test', `${dir}/program.json`, ...menu]);
      expect(t.code, t.stdout).to.equal(0);
    });
  }
});
