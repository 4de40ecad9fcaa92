/**
 * Receipt claims end to end through HTTP: the credit, a repeat by the same member, points
 * computed as of the check (rule set and time recorded on the accrual), a crash between the
 * claim and the ledger append, and a void after the claim.
 */
import { expect } from 'chai';
import { reverseAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { readBalance } from '../../../server/loyalty/ledger/ledger.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { snapshot } from '../../../server/loyalty/accrual/accrual.js';
import { sweepUnfinishedClaims } from '../../../workers/claim.sweeper.js';
import type { TestApp } from '../../support/app.js';
import { claim, newMember, payCheck, startClaimsApp } from './helpers.js';

describe('receipt claims', () => {
  let t: TestApp;

  before(async () => { t = await startClaimsApp(); });
  after(async () => { await t.close(); });
  afterEach(async () => {
    const report = await verifyLedger(t.deps.models);
    expect(report.violations, JSON.stringify(report.byKind)).to.equal(0);
  });

  it('credits an unclaimed check once, to the member who claims it', async () => {
    const paid = await payCheck(t);
    expect(paid.points).to.equal(11);
    const member = await newMember(t);
    const res = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier });
    expect(res.status).to.equal(201);
    expect(res.body).to.deep.equal({ claim: {
      accrualId: paid.accrualId, programId: 'demo', points: 11, pointsBalance: 11, claimedAt: t.clock.now().toISOString(),
    } });
    const entries = await t.deps.models.LedgerEntry.find({ memberId: member._id }).lean();
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ kind: 'CLAIM', sourceKey: `claim:${paid.accrualId}`, delta: 11 });
    const acc = await t.deps.models.Accrual.findById(paid.accrualId).lean();
    expect(acc).to.include({ state: 'CLAIMED', points: 11 });
    expect(String(acc!.memberId)).to.equal(String(member._id));
  });

  it('answers a repeat by the same member with the same credit (200) and no second effect', async () => {
    const paid = await payCheck(t);
    const member = await newMember(t);
    const first = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier });
    t.clock.advance(60_000);
    const again = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier }, null).set('X-Api-Key', 'demo-key-0123456789');
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.equal(first.body);
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(paid.points);
  });

  it('computes points as of the check: double points at 3 pm stay double when claimed the next morning', async () => {
    const paid = await payCheck(t, { paidAt: '2026-12-01T20:00:00.000Z' }); // Tuesday 3 pm in New York
    expect(paid.points).to.equal(22);
    t.clock.set('2026-12-02T14:00:00Z');
    const member = await newMember(t);
    const res = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier });
    expect(res.status).to.equal(201);
    expect(res.body.claim.points).to.equal(22);
  });

  it('lets a key for every program claim in the receipt\'s program', async () => {
    const paid = await payCheck(t);
    const member = await newMember(t);
    const res = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier }, 'ops-key-0123456789');
    expect(res.status).to.equal(201);
    expect(res.body.claim.programId).to.equal('demo');
  });

  it('finishes a claim that crashed between the claim and the ledger append, for the same member only', async () => {
    const paid = await payCheck(t);
    const member = await newMember(t);
    const other = await newMember(t);
    // What the flip leaves behind when the process dies before appending the ledger entry.
    await t.deps.models.Accrual.updateOne({ _id: paid.accrualId, state: 'UNCLAIMED' }, {
      $set: { state: 'CLAIMED', memberId: member._id, claimedAt: t.clock.now(), memberSnapshot: snapshot(member) },
    });
    const stranger = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: other.loyaltyIdentifier });
    expect(stranger.status).to.equal(409);
    expect(stranger.body.error.code).to.equal('ALREADY_CLAIMED');
    const res = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier });
    expect(res.status).to.equal(200);
    expect(res.body.claim).to.include({ points: 11, pointsBalance: 11 });
    expect(await t.deps.models.LedgerEntry.countDocuments({ sourceKey: `claim:${paid.accrualId}` })).to.equal(1);
  });

  it('has the claim sweeper finish an interrupted claim once it is old enough', async () => {
    const paid = await payCheck(t);
    const member = await newMember(t);
    await t.deps.models.Accrual.updateOne({ _id: paid.accrualId, state: 'UNCLAIMED' }, {
      $set: { state: 'CLAIMED', memberId: member._id, claimedAt: t.clock.now(), memberSnapshot: snapshot(member) },
    });
    const deps = { config: t.deps.config, logger: t.deps.logger, clock: t.clock, conn: t.deps.conn, models: t.deps.models };
    expect(await sweepUnfinishedClaims(deps)).to.equal(0);
    t.clock.advance(t.deps.config.accrualSweepAfterMs + 1000);
    expect(await sweepUnfinishedClaims(deps)).to.equal(1);
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(11);
    expect(await sweepUnfinishedClaims(deps)).to.equal(0);
    const res = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier });
    expect(res.status).to.equal(200);
    expect(res.body.claim).to.include({ points: 11, pointsBalance: 11 });
  });

  it('takes the points back when the claimed check is voided, and refuses claims after that', async () => {
    const paid = await payCheck(t);
    const member = await newMember(t);
    expect((await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier })).status).to.equal(201);
    expect(await reverseAccrual({ models: t.deps.models }, { programId: 'demo', transactionGuid: paid.transactionGuid, now: t.clock.now() })).to.equal('REVERSED');
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(0);
    const res = await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier });
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('REVERSED');
  });
});
