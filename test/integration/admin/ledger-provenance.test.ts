/**
 * Runtime publish and the ledger: a check accepted under one version posts its points with that
 * version, even when another version is activated before the worker posts them; a check
 * accepted after the activation posts with the new one. Each entry names its version.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { acceptAccrual, postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';
import type { TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { DEMO_RESTAURANT_GUID, paidCheck, selection } from '../../support/toast-requests.js';
import { admin, startAdminApp } from './helpers.js';

describe('admin API: ledger entries keep the version they were computed with', () => {
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  async function accept(memberId: Awaited<ReturnType<typeof seedMember>>) {
    const check = paidCheck({ selections: [selection({ price: 20 })] });
    return acceptAccrual({ models: t.deps.models, logger: t.deps.logger, queues: t.deps.queues }, {
      programId: 'demo', locationGuid: DEMO_RESTAURANT_GUID, transactionGuid: randomUUID(), member: memberId,
      check: normalizeToastCheck(check), now: t.clock.now(),
    });
  }

  it('posts each accrual with the version active when its check was accepted', async () => {
    const member = await seedMember(t.deps);
    const before = await accept(member);
    const file = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8'));
    file.version = 'double';
    file.earning.perCents = 50;
    await admin(t, 'post', '/admin/v1/programs/demo/versions').send(file).expect(201);
    await admin(t, 'post', '/admin/v1/programs/demo/versions/double/activate').expect(200);
    // program-cache.ts re-reads the active version at most once a second.
    await new Promise((r) => setTimeout(r, 1100));
    const after = await accept(member);
    expect(await postAccrual(t.deps, after.accrualId, t.clock.now())).to.equal('POSTED');
    expect(await postAccrual(t.deps, before.accrualId, t.clock.now())).to.equal('POSTED');
    const entries = await t.deps.models.LedgerEntry.find({ memberId: member._id, kind: 'ACCRUE' }).sort({ seq: 1 }).lean();
    expect(entries.map((e) => [e.sourceKey, e.provenance?.ruleSetVersion])).to.deep.equal([
      [`accrual:${after.accrualId}`, 'double'],
      [`accrual:${before.accrualId}`, '2026.11.0'],
    ]);
    // Same $20 check: the new version's points per dollar doubled (Tuesday's promotion applies to both).
    expect(entries[0]!.delta).to.equal(2 * entries[1]!.delta).and.to.be.greaterThan(0);
  });
});
