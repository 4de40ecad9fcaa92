/**
 * Boot publishing of RULES_DIR next to the admin API: a restart keeps a version activated
 * through the API; a file changed since the last boot becomes active; a file edited without a
 * new `version` is stored under a distinct label, so a label always names one content.
 */
import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash, publishProgramsFromDir } from '../../../server/loyalty/programs/programs.js';
import type { Program } from '../../../rules/index.js';
import type { TestApp } from '../../support/app.js';
import { admin, startAdminApp } from './helpers.js';

describe('boot publishing and runtime activations', () => {
  let t: TestApp;
  let dir: string;
  const demo = () => JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Program & { earning: { perCents: number } };
  before(async () => {
    t = await startAdminApp();
    dir = mkdtempSync(join(tmpdir(), 'rules-'));
    copyFileSync('rules/programs/demo.json', join(dir, 'demo.json'));
  });
  after(async () => { await t.close(); });

  it('a restart keeps the version activated through the API', async () => {
    const v2 = { ...demo(), version: 'api-v2' };
    await admin(t, 'post', '/admin/v1/programs/demo/versions').send(v2).expect(201);
    await admin(t, 'post', '/admin/v1/programs/demo/versions/api-v2/activate').expect(200);
    const [result] = await publishProgramsFromDir(t.deps.models, dir, t.clock.now());
    expect(result).to.include({ programId: 'demo', version: '2026.11.0', changed: false });
    expect((await t.deps.models.Program.findById('demo').lean())!.activeVersion).to.equal('api-v2');
  });

  it('a file changed since the last boot becomes active', async () => {
    writeFileSync(join(dir, 'demo.json'), JSON.stringify({ ...demo(), version: 'file-v3' }));
    const [result] = await publishProgramsFromDir(t.deps.models, dir, t.clock.now());
    expect(result).to.include({ version: 'file-v3', changed: true });
    expect((await t.deps.models.Program.findById('demo').lean())!.activeVersion).to.equal('file-v3');
  });

  it('a file edited without a new version gets a distinct label', async () => {
    const edited = { ...demo(), version: 'file-v3', earning: { ...demo().earning, perCents: 10 } };
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(edited));
    const [result] = await publishProgramsFromDir(t.deps.models, dir, t.clock.now());
    expect(result!.version).to.equal(`file-v3+${contentHash(edited).slice(0, 8)}`);
    const active = await t.deps.models.RuleSetVersion.findOne({ programId: 'demo', version: result!.version }).lean();
    expect((active!.body as Program).version).to.equal(result!.version);
    expect((await t.deps.models.Program.findById('demo').lean())!.activeVersion).to.equal(result!.version);
  });
});
