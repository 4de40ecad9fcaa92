/**
 * POST /admin/v1/programs/{programId}/validate: publishing's checks without storing anything
 * (the dashboard's editor shows the errors before anyone publishes).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { TestApp } from '../../support/app.js';
import { ADMIN_KEYS, admin, startAdminApp } from './helpers.js';

type Json = Record<string, unknown> & { version: string; rewards: Record<string, unknown>[] };
const demoFile = (): Json => JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;

describe('admin API: validate a rule file', function () {
  this.timeout(30_000);
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  it('answers 200 with the version a valid file would publish, and stores nothing', async () => {
    const file = { ...demoFile(), version: '2026.12.9' };
    const res = await admin(t, 'post', '/admin/v1/programs/demo/validate').send(file).expect(200);
    expect(res.body).to.deep.include({ id: 'demo', version: '2026.12.9' });
    expect(res.body.warnings).to.be.an('array');
    const program = await admin(t, 'get', '/admin/v1/programs/demo').expect(200);
    expect(program.body.versions.map((v: { version: string }) => v.version)).to.not.include('2026.12.9');
    expect(await t.deps.models.AuditEntry.countDocuments({ action: { $regex: /^program\./ } })).to.equal(0);
  });

  it('answers 422 INVALID_RULE_FILE with every error at its JSON path', async () => {
    const file = demoFile();
    file.rewards[0]!.pointsCost = 'fifty';
    delete (file as Partial<Json>).version;
    const res = await admin(t, 'post', '/admin/v1/programs/demo/validate').send(file).expect(422);
    expect(res.body.error.code).to.equal('INVALID_RULE_FILE');
    const paths = res.body.error.problems.map((p: { path: string }) => p.path);
    expect(paths).to.include('/rewards/0/pointsCost');
    expect(res.body.error.problems.every((p: { in: string }) => p.in === 'body')).to.equal(true);
    expect(res.body.error.problems.length).to.be.greaterThan(1);
  });

  it('refuses a file of another program (422 PROGRAM_MISMATCH) and a key of another program (403)', async () => {
    const res = await admin(t, 'post', '/admin/v1/programs/cafe/validate').send(demoFile()).expect(422);
    expect(res.body.error.code).to.equal('PROGRAM_MISMATCH');
    await admin(t, 'post', '/admin/v1/programs/demo/validate', ADMIN_KEYS.cafe).send(demoFile()).expect(403);
    await admin(t, 'post', '/admin/v1/programs/demo/validate', 'not-a-key').send(demoFile()).expect(401);
  });
});
