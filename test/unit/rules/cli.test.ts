import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the CLI the way `npm run rules --` does (tsx rules/cli.ts). */
function cli(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('rules CLI', function () {
  this.timeout(90000);

  it('validate and test pass on the sample programs (exit 0)', () => {
    const v = cli('validate', 'rules/programs/demo.json', 'rules/programs/cafe.json');
    expect(v.code, v.out).to.equal(0);
    const t = cli('test', 'rules/programs/demo.json', 'rules/programs/cafe.json');
    expect(t.code, t.out).to.equal(0);
    expect(t.out).to.match(/demo\.json: 21\/21 fixtures pass/).and.match(/cafe\.json: 21\/21 fixtures pass/);
  });

  it('validate refuses a broken file with every error and its JSON path (exit 1)', () => {
    const r = cli('validate', 'test/fixtures/rules/broken-schema.json', 'test/fixtures/rules/broken-semantics.json');
    expect(r.code).to.equal(1);
    for (const path of ['/earning/perCents', '/promotions/0/schedule/days/1', '/rewards/0/pointsCost', '/rewards/1/type', '/rewards/2/colour', '/rewards/4/percent', '/policies/reversal']) {
      expect(r.out).to.contain(`  ${path} `);
    }
    expect(r.out).to.contain('broken-schema.json: 7 error(s)').and.contain('broken-semantics.json: 10 error(s)');
  });

  it('test exits 1 on an invalid file and on a failing fixture', () => {
    expect(cli('test', 'test/fixtures/rules/broken-schema.json').code).to.equal(1);
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { fixtures: { expect: { points?: number } }[] };
    demo.fixtures[0]!.expect.points = 999;
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(demo));
    const r = cli('test', join(dir, 'demo.json'));
    expect(r.code).to.equal(1);
    expect(r.out).to.contain('points: expected 999, got 11');
  });

  it('simulate prints offers, reasons, limit and the points breakdown (--json for machines)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { fixtures: { check: unknown }[] };
    writeFileSync(join(dir, 'check.json'), JSON.stringify(demo.fixtures[9]!.check));
    const args = ['simulate', '--program', 'rules/programs/demo.json', '--check', join(dir, 'check.json'), '--member', '{"pointsBalance":60}', '--at', '2026-07-15T18:30:00Z'];
    const human = cli(...args);
    expect(human.code, human.out).to.equal(0);
    expect(human.out).to.contain('redemption limit: 1').and.contain('NEEDS_POINTS:40').and.contain('MULTIPLIER');
    const json = JSON.parse(cli(...args, '--json').out) as { redemptionLimit: number; accrual: { points: number } };
    expect(json.redemptionLimit).to.equal(1);
    expect(json.accrual.points).to.equal(24);
  });

  it('simulate shows a BONUS_POINTS reward as a $0.00 offer and, applied to the check, its points in the breakdown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    const cafe = JSON.parse(readFileSync('rules/programs/cafe.json', 'utf8')) as { fixtures: { name: string; check: unknown }[] };
    const applied = cafe.fixtures.find((f) => f.name.startsWith('bonus points: Double Points This Visit applied'))!;
    writeFileSync(join(dir, 'check.json'), JSON.stringify(applied.check));
    const args = ['simulate', '--program', 'rules/programs/cafe.json', '--check', join(dir, 'check.json'), '--member', '{"pointsBalance":100}', '--at', '2026-07-15T14:00:00Z'];
    const human = cli(...args);
    expect(human.code, human.out).to.equal(0);
    expect(human.out).to.contain('Double Points This Visit [double-visit] CHECK $0.00 for 100 pts').and.match(/BONUS\s+250\s+double-visit \(reward x2\)/);
    expect((JSON.parse(cli(...args, '--json').out) as { accrual: { points: number } }).accrual.points).to.equal(500);
  });

  it('diff prints field-level changes and exits 3 when old fixtures change outcome, 0 with --allow-changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    copyFileSync('rules/programs/demo.json', join(dir, 'old.json'));
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { version: string; rewards: { id: string; pointsCost?: number }[]; earning: { points: number }; policies: { stacking: { maxRewardsPerCheck: number } } };
    demo.version = '2026.12.0';
    demo.rewards[0]!.pointsCost = 70;
    demo.rewards.pop();
    demo.policies.stacking.maxRewardsPerCheck = 2;
    writeFileSync(join(dir, 'new.json'), JSON.stringify(demo));
    const r = cli('diff', join(dir, 'old.json'), join(dir, 'new.json'));
    expect(r.code, r.out).to.equal(3);
    expect(r.out).to.contain('version 2026.11.0 → 2026.12.0')
      .and.contain('~ reward free-fries.pointsCost: 50 → 70')
      .and.contain('- reward bogo-burger-tuesday')
      .and.contain('~ policies.stacking.maxRewardsPerCheck: 1 → 2')
      .and.contain('pass --allow-changes');
    expect(r.out).to.match(/old fixtures on new file: \d+\/21 unchanged/);
    const allowed = cli('diff', join(dir, 'old.json'), join(dir, 'new.json'), '--allow-changes');
    expect(allowed.code, allowed.out).to.equal(0);
    expect(allowed.out).to.contain('accepted (--allow-changes)');
  });

  it('diff of a change that keeps every old fixture exits 0 and shows the field (free-fries.pointsCost: 50 → 40)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { rewards: { id: string; pointsCost?: number; description?: string }[] };
    demo.rewards[0]!.pointsCost = 40;
    demo.rewards[1]!.description = 'Any burger';
    writeFileSync(join(dir, 'new.json'), JSON.stringify(demo));
    const r = cli('diff', 'rules/programs/demo.json', join(dir, 'new.json'));
    expect(r.out).to.contain('~ reward free-fries.pointsCost: 50 → 40').and.contain('~ reward free-burger.description: Any burger, toppings included → Any burger');
    expect(r.out).to.contain('21/21 unchanged');
    expect(r.code, r.out).to.equal(0);
  });

  it('unknown commands print usage and exit 2', () => {
    expect(cli('frobnicate').code).to.equal(2);
  });
});

describe('rules simulate as a person uses it', function () {
  this.timeout(90000);

  it('--items from the sample menu with a member prints offers by item name', () => {
    const r = cli('simulate', '--program', 'rules/programs/demo.json', '--items', 'Classic Burger x2, Fries', '--member', '{"pointsBalance":60}', '--at', '2026-07-15T16:00:00Z');
    expect(r.code, r.out).to.equal(0);
    expect(r.out).to.contain('Classic Burger ×2  $17.98').and.contain('✓ Free Fries [free-fries] ITEM $3.49 for 50 pts on Fries').and.contain('points: 21');
  });

  it('--check with a Toast request body unwraps it; with a non-check it refuses (exit 2) and prints no offers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    const check = JSON.parse(readFileSync('rules/examples/checks/burger-and-fries.json', 'utf8')) as unknown;
    writeFileSync(join(dir, 'body.json'), JSON.stringify({ toastTransactionType: 'LOYALTY_ACCRUE', checkTransactionInformation: { loyaltyIdentifier: 'x', check } }));
    const body = cli('simulate', '--program', 'rules/programs/demo.json', '--check', join(dir, 'body.json'), '--at', '2026-07-15T16:00:00Z');
    expect(body.code, body.out).to.equal(0);
    expect(body.out).to.contain('note: read the check inside a Toast LOYALTY_ACCRUE request body').and.contain('points: 12 on eligible spend $12.48');
    const refused = cli('simulate', '--program', 'rules/programs/demo.json', '--check', '{"guid":"x","amount":12.48}');
    expect(refused.code).to.equal(2);
    expect(refused.out).to.contain('no "selections" list').and.not.contain('$0.00');
  });

  it('--member with an unknown key is refused with the allowed keys (exit 2)', () => {
    const r = cli('simulate', '--program', 'rules/programs/demo.json', '--total', '12', '--member', '{"balance":60}');
    expect(r.code).to.equal(2);
    expect(r.out).to.contain('unknown key "balance" (allowed: status, tier, pointsBalance');
  });
});
