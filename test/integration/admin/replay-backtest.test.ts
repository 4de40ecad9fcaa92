/**
 * `POST /admin/v1/programs/{programId}/replay` and `/backtest`: the webhook's own transactions
 * replayed over HTTP, a draft in the body, and each refusal (400, 403, 404, 422).
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { seedMember } from '../../support/members.js';
import { playVisit, type Visit } from '../../support/replay-visit.js';
import type { TestApp } from '../../support/app.js';
import { ADMIN_KEYS, admin, startAdminApp } from './helpers.js';

describe('admin API: replay and backtest', function () {
  this.timeout(60_000);
  let t: TestApp;
  let visit: Visit;
  const demo = () => JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { rewards: { id: string }[]; earning: { points: number }; id: string };
  before(async () => {
    t = await startAdminApp();
    visit = await playVisit(t, await seedMember(t.deps, { points: 60 }));
  });
  after(async () => { await t.close(); });

  it('replays a stored REDEEM (reproduced) and lists a draft’s differences', async () => {
    const own = await admin(t, 'post', '/admin/v1/programs/demo/replay').send({ transactionGuid: visit.redeem });
    expect(own.status, own.text).to.equal(200);
    expect(own.body).to.deep.include({ type: 'LOYALTY_REDEEM', programId: 'demo', reproduced: true, mismatches: [] });
    const draft = demo();
    draft.rewards = draft.rewards.filter((r) => r.id !== 'free-fries');
    const other = await admin(t, 'post', '/admin/v1/programs/demo/replay', ADMIN_KEYS.demo).send({ transactionGuid: visit.redeem, draft });
    expect(other.status, other.text).to.equal(200);
    expect((other.body as { against: { differences: { path: string }[] } }).against.differences.map((d) => d.path)).to.include('/applied/free-fries');
  });

  it('replay refusals: unknown GUID 404, another program 404, a key of another program 403, an invalid draft 422 with paths, both version and draft 400', async () => {
    expect((await admin(t, 'post', '/admin/v1/programs/demo/replay').send({ transactionGuid: randomUUID() })).status).to.equal(404);
    expect((await admin(t, 'post', '/admin/v1/programs/cafe/replay').send({ transactionGuid: visit.redeem })).status).to.equal(404);
    expect((await admin(t, 'post', '/admin/v1/programs/demo/replay', ADMIN_KEYS.cafe).send({ transactionGuid: visit.redeem })).status).to.equal(403);
    const bad = { ...demo(), earning: { points: -1 } };
    const invalid = await admin(t, 'post', '/admin/v1/programs/demo/replay').send({ transactionGuid: visit.redeem, draft: bad });
    expect(invalid.status, invalid.text).to.equal(422);
    expect(invalid.body.error.code).to.equal('INVALID_DRAFT');
    expect((invalid.body.error.problems as { path: string }[]).map((p) => p.path).some((p) => p.startsWith('/draft/earning'))).to.equal(true);
    expect((await admin(t, 'post', '/admin/v1/programs/demo/replay').send({ transactionGuid: visit.redeem, version: '2026.11.0', draft: demo() })).status).to.equal(400);
  });

  it('backtests a draft doubling the earning rate over the day of the visit; refuses a long range and an unknown version', async () => {
    const draft = demo();
    draft.earning.points *= 2;
    const r = await admin(t, 'post', '/admin/v1/programs/demo/backtest').send({ from: '2026-12-01', to: '2026-12-01', draft, rate: '0.01' });
    expect(r.status, r.text).to.equal(200);
    const totals = r.body.totals as { current: { checks: number; pointsIssued: number }; draft: { pointsIssued: number } };
    expect(totals.current.checks).to.equal(1);
    expect(totals.draft.pointsIssued).to.equal(2 * totals.current.pointsIssued);
    expect(r.body.days).to.have.length(1);
    const long = await admin(t, 'post', '/admin/v1/programs/demo/backtest').send({ from: '2026-01-01', to: '2026-12-31', version: '2026.11.0' });
    expect(long.status).to.equal(422);
    expect(long.body.error.code).to.equal('RANGE_REFUSED');
    const unknown = await admin(t, 'post', '/admin/v1/programs/demo/backtest').send({ from: '2026-12-01', to: '2026-12-01', version: 'nope' });
    expect(unknown.status).to.equal(404);
    expect((await admin(t, 'post', '/admin/v1/programs/demo/backtest').send({ from: '2026-12-01', to: '2026-12-01' })).status).to.equal(400);
  });
});
