/**
 * A receipt credits at most once under concurrent claims (one guarded UNCLAIMED → CLAIMED
 * update, then a ledger append idempotent on `claim:<accrualId>`), and the ledger verifies clean.
 */
import { expect } from 'chai';
import { reverseAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { readBalance } from '../../../server/loyalty/ledger/ledger.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import type { TestApp } from '../../support/app.js';
import { claim, newMember, payCheck, startClaimsApp } from './helpers.js';

describe('receipt claims: concurrency', () => {
  let t: TestApp;

  before(async () => { t = await startClaimsApp(); });
  after(async () => { await t.close(); });

  it('20 members claiming one receipt at once: one credit, 19 ALREADY_CLAIMED', async () => {
    const paid = await payCheck(t);
    const members = await Promise.all(Array.from({ length: 20 }, () => newMember(t)));
    const responses = await Promise.all(members.map((m) => claim(t, { receipt: paid.receipt, loyaltyIdentifier: m.loyaltyIdentifier })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).to.have.length(1);
    expect(statuses.filter((s) => s === 409)).to.have.length(19);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ALREADY_CLAIMED')).to.equal(true);
    const entries = await t.deps.models.LedgerEntry.find({ sourceKey: `claim:${paid.accrualId}` }).lean();
    expect(entries).to.have.length(1);
    const winner = members[responses.findIndex((r) => r.status === 201)]!;
    expect(String(entries[0]!.memberId)).to.equal(String(winner._id));
    expect(await t.deps.models.LedgerEntry.countDocuments({ kind: 'CLAIM', memberId: { $in: members.map((m) => m._id) } })).to.equal(1);
  });

  it('20 copies of one member\'s claim at once: one credit, every copy answered with it', async () => {
    const paid = await payCheck(t);
    const member = await newMember(t);
    const responses = await Promise.all(Array.from({ length: 20 }, () => claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier })));
    expect(responses.filter((r) => r.status === 201)).to.have.length(1);
    expect(responses.filter((r) => r.status === 200)).to.have.length(19);
    for (const r of responses) expect(r.body.claim).to.include({ accrualId: paid.accrualId, points: paid.points });
    expect(await t.deps.models.LedgerEntry.countDocuments({ memberId: member._id })).to.equal(1);
  });

  it('a void racing a claim never leaves the points credited', async () => {
    for (let i = 0; i < 8; i++) {
      const paid = await payCheck(t);
      const member = await newMember(t);
      const [res] = await Promise.all([
        claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier }),
        reverseAccrual({ models: t.deps.models }, { programId: 'demo', transactionGuid: paid.transactionGuid, now: t.clock.now() }),
      ]);
      expect([201, 409]).to.include(res.status);
      expect((await t.deps.models.Accrual.findById(paid.accrualId).lean())!.state).to.equal('REVERSED');
      expect((await readBalance(t.deps.models, member._id)).balance).to.equal(0);
    }
  });

  it('leaves a ledger that verifies clean', async () => {
    const report = await verifyLedger(t.deps.models);
    expect(report).to.include({ ok: true, violations: 0 });
    expect(report.entries).to.be.at.least(2);
  });
});
