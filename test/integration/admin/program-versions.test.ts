/**
 * Program routes: list and get, publishing versions (201/200/409/422 with every error and its
 * path, as `npm run rules -- validate` reports them), activation now, rollback, scheduled
 * activation applied exactly once, diff and simulate (what `rules simulate --json` prints), and
 * the audit entry of every write.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFingerprint } from '../../../server/http/api-key-auth.js';
import { applyDueActivations } from '../../../server/loyalty/programs/activation.js';
import type { TestApp } from '../../support/app.js';
import { admin, ADMIN_KEYS, startAdminApp } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const demoFile = (): Json => JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;

/** demo.json as version `label`, earning `perCents`-cents-per-point. */
function demoVersion(label: string, perCents = 50): Json {
  const file = demoFile();
  file.version = label;
  file.earning.perCents = perCents;
  return file;
}

function cli(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('admin API: program versions', function () {
  this.timeout(30000);
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  it('shows a program with its active version, its boot activation and its versions', async () => {
    const res = await admin(t, 'get', '/admin/v1/programs/demo');
    expect(res.status).to.equal(200);
    expect(res.body.program).to.include({ id: 'demo', activeVersion: '2026.11.0' });
    expect(res.body.scheduled).to.equal(null);
    expect(res.body.activations).to.have.length(1);
    expect(res.body.activations[0]).to.include({ version: '2026.11.0', how: 'BOOT', by: 'boot:demo.json' });
    expect(res.body.versions.map((v: Json) => v.version)).to.deep.equal(['2026.11.0']);
  });

  it('refuses another program\'s key (403), an unknown program (404) and a malformed id (400)', async () => {
    expect((await admin(t, 'get', '/admin/v1/programs/cafe', ADMIN_KEYS.demo)).status).to.equal(403);
    // The scope check comes before any lookup: a program that does not exist is 403 too.
    expect((await admin(t, 'get', '/admin/v1/programs/nope', ADMIN_KEYS.demo)).status).to.equal(403);
    const unknown = await admin(t, 'get', '/admin/v1/programs/nope');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('UNKNOWN_PROGRAM');
    const bad = await admin(t, 'get', '/admin/v1/programs/Not_An_Id');
    expect(bad.status).to.equal(400);
    expect(bad.body.error.problems[0]).to.include({ in: 'path', path: '/programId' });
  });

  it('answers 422 with every error of a broken rule file, as `npm run rules -- validate` lists them', async () => {
    const file = 'test/fixtures/rules/broken-semantics.json';
    const res = await admin(t, 'post', '/admin/v1/programs/broken-semantics/versions').send(JSON.parse(readFileSync(file, 'utf8')));
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('INVALID_RULE_FILE');
    const fromCli = cli('validate', file).out.split('\n').filter((l) => l.startsWith('  /')).map((l) => l.trim());
    expect(fromCli.length).to.equal(10);
    expect(res.body.error.problems.map((p: Json) => `${p.path} ${p.message}`)).to.deep.equal(fromCli);
    const schema = await admin(t, 'post', '/admin/v1/programs/broken/versions').send(JSON.parse(readFileSync('test/fixtures/rules/broken-schema.json', 'utf8')));
    expect(schema.status).to.equal(422);
    expect(schema.body.error.problems).to.have.length(7);
    expect(schema.body.error.problems.map((p: Json) => p.path)).to.include('/rewards/0/pointsCost');
  });

  it('refuses a body that is not JSON (400), a file of another program (422), and a key of another program (403)', async () => {
    const malformed = await admin(t, 'post', '/admin/v1/programs/demo/versions').set('Content-Type', 'application/json').send('{"id":');
    expect(malformed.status).to.equal(400);
    expect(malformed.body.error.code).to.equal('MALFORMED_JSON');
    const mismatch = await admin(t, 'post', '/admin/v1/programs/cafe/versions').send(demoVersion('x1'));
    expect(mismatch.status).to.equal(422);
    expect(mismatch.body.error).to.deep.include({ code: 'PROGRAM_MISMATCH', problems: [{ in: 'body', path: '/id', message: 'must be cafe' }] });
    expect((await admin(t, 'post', '/admin/v1/programs/demo/versions', ADMIN_KEYS.cafe).send(demoVersion('x1'))).status).to.equal(403);
  });

  it('publishes a version (201), again with the same content (200), never another content under its label (409)', async () => {
    const first = await admin(t, 'post', '/admin/v1/programs/demo/versions').send(demoVersion('2026.12.0'));
    expect(first.status).to.equal(201);
    expect(first.body.version).to.include({ programId: 'demo', version: '2026.12.0', publishedBy: keyFingerprint(ADMIN_KEYS.ops) });
    const again = await admin(t, 'post', '/admin/v1/programs/demo/versions').send(demoVersion('2026.12.0'));
    expect(again.status).to.equal(200);
    expect(again.body.version.contentHash).to.equal(first.body.version.contentHash);
    const clash = await admin(t, 'post', '/admin/v1/programs/demo/versions').send(demoVersion('2026.12.0', 25));
    expect(clash.status).to.equal(409);
    expect(clash.body.error.code).to.equal('VERSION_EXISTS');
    // Publishing does not activate.
    expect((await admin(t, 'get', '/admin/v1/programs/demo')).body.program.activeVersion).to.equal('2026.11.0');
  });

  it('refuses a file that takes a restaurant of another program (409)', async () => {
    const file = demoVersion('2026.12.9');
    file.locations[0].guid = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01'; // the cafe's
    const res = await admin(t, 'post', '/admin/v1/programs/demo/versions').send(file);
    expect(res.status).to.equal(409);
    expect(res.body.error).to.include({ code: 'LOCATION_TAKEN' });
    expect(res.body.error.problems[0].path).to.equal('/locations/0/guid');
  });

  it('activates a version now and rolls back to the older one, keeping the history', async () => {
    const on = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.12.0/activate');
    expect(on.status).to.equal(200);
    expect(on.body).to.deep.include({ previousVersion: '2026.11.0' });
    expect(on.body.activated.version).to.equal('2026.12.0');
    const back = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.11.0/activate').send({});
    expect(back.status).to.equal(200);
    expect(back.body.previousVersion).to.equal('2026.12.0');
    const detail = (await admin(t, 'get', '/admin/v1/programs/demo')).body;
    expect(detail.program.activeVersion).to.equal('2026.11.0');
    expect(detail.activations.map((a: Json) => `${a.how} ${a.version}`)).to.deep.equal(['API 2026.11.0', 'API 2026.12.0', 'BOOT 2026.11.0']);
  });

  it('refuses an unknown version (404), a malformed or far-off time (400/422) and unknown fields (400)', async () => {
    const unknown = await admin(t, 'post', '/admin/v1/programs/demo/versions/9.9.9/activate');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('UNKNOWN_VERSION');
    const badTime = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.12.0/activate').send({ at: 'tomorrow' });
    expect(badTime.status).to.equal(400);
    expect(badTime.body.error.problems[0]).to.include({ in: 'body', path: '/at' });
    const far = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.12.0/activate').send({ at: '2030-01-01T00:00:00Z' });
    expect(far.status).to.equal(422);
    expect(far.body.error.code).to.equal('TOO_FAR_AHEAD');
    const extra = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.12.0/activate').send({ when: 'now' });
    expect(extra.status).to.equal(400);
    expect(extra.body.error.problems).to.deep.equal([{ in: 'body', path: '/when', message: 'is not a known field' }]);
  });

  it('schedules an activation, applies it once when due (any number of runners), and can cancel one', async () => {
    const at = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const res = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.12.0/activate').send({ at });
    expect(res.status).to.equal(202);
    expect(res.body.scheduled.at).to.equal(at);
    expect((await admin(t, 'get', '/admin/v1/programs/demo')).body.scheduled).to.include({ version: '2026.12.0', at });
    expect(await applyDueActivations(t.deps.models, t.clock.now())).to.deep.equal([]);
    t.clock.advance(3600_000);
    const runs = await Promise.all([1, 2, 3, 4].map(() => applyDueActivations(t.deps.models, t.clock.now())));
    expect(runs.flat()).to.deep.equal([{ programId: 'demo', version: '2026.12.0' }]);
    const detail = (await admin(t, 'get', '/admin/v1/programs/demo')).body;
    expect(detail.program.activeVersion).to.equal('2026.12.0');
    expect(detail.scheduled).to.equal(null);
    expect(detail.activations[0]).to.include({ how: 'SCHEDULED', version: '2026.12.0', by: keyFingerprint(ADMIN_KEYS.ops) });

    const later = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.11.0/activate').send({ at: later }).expect(202);
    const cancel = await admin(t, 'delete', '/admin/v1/programs/demo/scheduled-activation');
    expect(cancel.status).to.equal(200);
    expect(cancel.body.cancelled).to.deep.equal({ version: '2026.11.0', at: later });
    expect((await admin(t, 'delete', '/admin/v1/programs/demo/scheduled-activation')).status).to.equal(404);
    t.clock.advance(120_000);
    expect(await applyDueActivations(t.deps.models, t.clock.now())).to.deep.equal([]);
  });

  it('diffs two versions as `rules diff` does', async () => {
    const res = await admin(t, 'get', '/admin/v1/programs/demo/versions/2026.11.0/diff/2026.12.0');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ fromVersion: '2026.11.0', toVersion: '2026.12.0' });
    expect(res.body.changes).to.deep.equal([{ op: '~', kind: 'earning' }]);
    const changed = res.body.oldFixturesOnNew.filter((f: Json) => !f.ok);
    expect(changed.length).to.be.greaterThan(0);
    expect(changed[0].failures.join(' ')).to.match(/points: expected/);
    expect((await admin(t, 'get', '/admin/v1/programs/demo/versions/2026.11.0/diff/0.0.1')).status).to.equal(404);
  });

  it('returns a stored rule file', async () => {
    const res = await admin(t, 'get', '/admin/v1/programs/demo/versions/2026.12.0');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal(demoVersion('2026.12.0'));
  });

  it('simulates a check exactly as `npm run rules -- simulate --json` prints it', async () => {
    const fixture = demoFile().fixtures[0];
    const member = { pointsBalance: 120, tier: null };
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    writeFileSync(join(dir, 'check.json'), JSON.stringify(fixture.check));
    const printed = cli('simulate', '--program', 'rules/programs/demo.json', '--check', join(dir, 'check.json'), '--member', JSON.stringify(member), '--at', fixture.at, '--json');
    expect(printed.code, printed.out).to.equal(0);
    const res = await admin(t, 'post', '/admin/v1/programs/demo/simulate').send({ check: fixture.check, member, at: fixture.at, version: '2026.11.0' });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal(JSON.parse(printed.out));
    // The active version (2026.12.0: a point per 50 cents) is used when none is named.
    const active = await admin(t, 'post', '/admin/v1/programs/demo/simulate').send({ check: fixture.check, at: fixture.at });
    expect(active.body.accrual).to.include({ points: 22, ruleSetVersion: '2026.12.0' });
  });

  it('refuses a simulation with a malformed check or member (400, located)', async () => {
    const check = { ...demoFile().fixtures[0].check, amount: 'lots' };
    const res = await admin(t, 'post', '/admin/v1/programs/demo/simulate').send({ check });
    expect(res.status).to.equal(400);
    expect(res.body.error.problems[0]).to.include({ in: 'body', path: '/check/amount' });
    const member = await admin(t, 'post', '/admin/v1/programs/demo/simulate').send({ check: demoFile().fixtures[0].check, member: { pointsBalance: 1.5, colour: 'red' } });
    expect(member.status).to.equal(400);
    expect(member.body.error.problems.map((p: Json) => p.path).sort()).to.deep.equal(['/member/colour', '/member/pointsBalance']);
    expect((await admin(t, 'post', '/admin/v1/programs/demo/simulate').send({})).body.error.problems).to.deep.equal([{ in: 'body', path: '/check', message: 'is required' }]);
  });

  it('records every write in the audit log: key fingerprint (never the key), action, target, time, request id', async () => {
    const res = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.11.0/activate').set('X-Request-Id', 'audit-test-0001');
    expect(res.status).to.equal(200);
    const entry = await t.deps.models.AuditEntry.findOne({ requestId: 'audit-test-0001' }).lean();
    expect(entry).to.include({ keyId: keyFingerprint(ADMIN_KEYS.ops), action: 'program.version.activate', programId: 'demo', target: 'demo/2026.11.0' });
    expect(entry!.at.toISOString()).to.equal(t.clock.now().toISOString());
    const all = await t.deps.models.AuditEntry.find({}).lean();
    expect(all.map((e) => e.action)).to.include.members(['program.version.publish', 'program.version.activate', 'program.schedule.cancel']);
    expect(JSON.stringify(all)).to.not.include(ADMIN_KEYS.ops);
    // Refused writes and reads leave no entry.
    expect(all.every((e) => e.action !== 'program.version.publish' || e.target.startsWith('demo/2026.12.0'))).to.equal(true);
  });
});
