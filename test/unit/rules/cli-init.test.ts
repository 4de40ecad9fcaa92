/** `npm run rules -- init <file> [--template …]`: a complete program that validates and passes its own fixtures. */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES, idFromFileName } from '../../../rules/cli/init.js';
import { runFixtures } from '../../../rules/fixtures.js';
import { validateProgram } from '../../../rules/index.js';
import { rulesCli } from './cli-run.js';

describe('rules init', function () {
  this.timeout(90000);

  for (const template of TEMPLATES) {
    it(`--template ${template} writes a valid program whose fixtures pass, with notes in its description`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rules-init-'));
      const file = join(dir, 'programs', 'My Cafe.json');
      const r = rulesCli('init', file, '--template', template);
      expect(r.code, r.out).to.equal(0);
      const json = JSON.parse(readFileSync(file, 'utf8')) as { id: string; description: string; $schema: string; fixtures: unknown[] };
      expect(json.id).to.equal('my-cafe');
      expect(json.description).to.contain('REFERENCE.md');
      expect(json.$schema).to.match(/rules\/schema\/program\.schema\.json$/);
      const v = validateProgram(json);
      expect(v.ok, JSON.stringify(v)).to.equal(true);
      if (!v.ok) return;
      expect(json.fixtures.length).to.be.greaterThan(0);
      expect((await runFixtures(v.program)).filter((o) => !o.ok)).to.deep.equal([]);
    });
  }

  it('defaults to points-banking, refuses to overwrite (exit 1) unless --force, refuses an unknown template (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-init-'));
    const file = join(dir, 'shop.json');
    expect(rulesCli('init', file).out).to.contain('template points-banking');
    writeFileSync(file, '{"mine": true}');
    const again = rulesCli('init', file);
    expect(again.code).to.equal(1);
    expect(again.out).to.contain('--force');
    expect(readFileSync(file, 'utf8')).to.equal('{"mine": true}');
    expect(rulesCli('init', file, '--force').code).to.equal(0);
    const bad = rulesCli('init', join(dir, 'x.json'), '--template', 'loyalty');
    expect(bad.code).to.equal(2);
    expect(bad.out).to.contain('points-banking, shop-with-points, tiers');
  });

  it('makes a schema id from any file name', () => {
    expect(idFromFileName('rules/programs/Bean There Coffee!.json')).to.equal('bean-there-coffee');
    expect(idFromFileName('___.json')).to.equal('my-program');
  });
});
