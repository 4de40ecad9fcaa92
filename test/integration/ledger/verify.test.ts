/**
 * `ledger:verify` and `ledger:repair` on the real store: clean on a ledger built through
 * appendEntry, each planted violation found (ids only, no PII), projections repaired without
 * going backwards under concurrent appends, the CLI's exit codes, and the nightly scheduler.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type mongoose from 'mongoose';
import { Types } from 'mongoose';
import pino from 'pino';
import { Queue } from 'bullmq';
import { loadConfig } from '../../../config/index.js';
import { ManualClock } from '../../../server/clock.js';
import { appendEntry, type AppendRequest } from '../../../server/loyalty/ledger/ledger.js';
import { repairAll, repairMember } from '../../../server/loyalty/ledger/ledger-repair.js';
import { verifyLedger, type Violation } from '../../../server/loyalty/ledger/ledger-verify.js';
import type { AccrualState } from '../../../server/store/models/accrual.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { workerConnection } from '../../../server/queues/connections.js';
import { ledgerVerifyScheduler, ledgerVerifySchedulerId } from '../../../workers/ledger-verify.scheduler.js';
import { queueNames } from '../../../server/queues/queues.js';
import { connectTestDb, dropTestDb, serviceUrls } from '../../support/services.js';

const run = promisify(execFile);
const RESTAURANT = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';

describe('ledger verification and repair', () => {
  let conn: mongoose.Connection;
  let models: Models;
  const clock = new ManualClock('2026-11-21T15:00:00Z');

  beforeEach(async () => {
    conn = await connectTestDb('verify');
    models = await registerModels(conn);
  });
  afterEach(async () => { await dropTestDb(conn); });

  async function member(): Promise<Types.ObjectId> {
    const m = await models.Member.create({
      programId: 'demo', loyaltyIdentifier: randomUUID(), status: 'REGISTERED', createdAt: clock.now(),
      phone: '2125550123', email: 'guest@example.com', firstName: 'Ada', lastName: 'Lovelace',
    });
    return m._id;
  }

  function append(memberId: Types.ObjectId, delta: number, sourceKey: string, extra: Partial<AppendRequest> = {}) {
    return appendEntry(models, {
      programId: 'demo', memberId, delta, kind: delta >= 0 ? 'ACCRUE' : 'REDEEM', sourceKey, floor: 'REJECT_BELOW_ZERO', ...extra,
    }, clock.now());
  }

  /** Inserts a raw entry, bypassing appendEntry (how a bug or a hand edit would). */
  function plant(memberId: Types.ObjectId, seq: number, delta: number, balanceAfter: number, extra: Record<string, unknown> = {}) {
    return models.LedgerEntry.create({
      programId: 'demo', memberId, seq, delta, balanceAfter, lifetimeAfter: 0, kind: 'ACCRUE', sourceKey: `plant:${seq}:${randomUUID()}`, createdAt: clock.now(), ...extra,
    });
  }

  function accrual(state: AccrualState, activeCheckKey: string, checkGuid: string) {
    return models.Accrual.create({
      programId: 'demo', restaurantGuid: RESTAURANT, checkGuid, activeCheckKey, transactionGuids: [randomUUID()], state,
      ruleSetHash: 'h', check: {}, checkTime: clock.now(), acceptedAt: clock.now(), expectedPoints: 1,
    });
  }

  async function violations(): Promise<Violation[]> {
    const found: Violation[] = [];
    await verifyLedger(models, { onViolation: (v) => found.push(v), batchSize: 3 });
    return found;
  }

  async function healthyLedger(): Promise<Types.ObjectId[]> {
    const ids = await Promise.all([member(), member(), member(), member()]);
    const [a, b, c] = ids as [Types.ObjectId, Types.ObjectId, Types.ObjectId, Types.ObjectId];
    await append(a, 120, 'accrual:a1');
    await append(a, -50, 'redeem:a1');
    await append(a, 7, 'bonus:a1', { kind: 'BONUS' });
    await append(b, 100, 'accrual:b1');
    await append(b, -80, 'redeem:b1');
    await append(b, -100, 'reverse-accrual:b1', { kind: 'REVERSE_ACCRUE', floor: 'ALLOW_NEGATIVE' });
    await Promise.all(Array.from({ length: 15 }, (_, i) => append(c, 10, `c:${i}`)));
    const check = randomUUID();
    const reversed = await accrual('REVERSED', 'tmp', check);
    await models.Accrual.updateOne({ _id: reversed._id }, { $set: { activeCheckKey: `${RESTAURANT}|${check}|reversed|${String(reversed._id)}` } });
    await accrual('POSTED', `${RESTAURANT}|${check}`, check);
    await accrual('UNCLAIMED', `${RESTAURANT}|other`, 'other');
    return ids;
  }

  it('is clean on a healthy ledger built through appendEntry', async () => {
    await healthyLedger();
    const report = await verifyLedger(models, { batchSize: 2 });
    expect(report).to.include({ ok: true, violations: 0, members: 4, activeAccruals: 2 });
    expect(report.entries).to.equal(21);
  });

  it('finds a projection that disagrees with the ledger', async () => {
    const [a] = await healthyLedger();
    await models.Member.updateOne({ _id: a }, { $set: { pointsBalance: 1000 } });
    const found = await violations();
    expect(found).to.have.length(1);
    expect(found[0]).to.include({ kind: 'PROJECTION_MISMATCH', memberId: String(a) });
  });

  it('finds a gap in the seq chain and a broken balanceAfter', async () => {
    await healthyLedger();
    const gap = await member();
    await plant(gap, 1, 10, 10);
    await plant(gap, 3, 5, 15);
    await models.Member.updateOne({ _id: gap }, { $set: { pointsBalance: 15, ledgerSeq: 3 } });
    const broken = await member();
    await plant(broken, 1, 10, 10);
    await plant(broken, 2, 5, 25);
    await models.Member.updateOne({ _id: broken }, { $set: { pointsBalance: 25, ledgerSeq: 2 } });
    const found = await violations();
    expect(found.filter((v) => v.memberId === String(gap)).map((v) => [v.kind, v.seq])).to.deep.equal([['SEQ_GAP', 3]]);
    const ofBroken = found.filter((v) => v.memberId === String(broken)).map((v) => v.kind);
    expect(ofBroken).to.deep.equal(['BALANCE_CHAIN_BROKEN', 'PROJECTION_MISMATCH']); // Σ 15 ≠ head 25
    expect(found).to.have.length(3);
  });

  it('finds a redemption that took the balance below zero', async () => {
    await healthyLedger();
    const m = await member();
    await plant(m, 1, 10, 10);
    await plant(m, 2, -15, -5, { kind: 'REDEEM' });
    await models.Member.updateOne({ _id: m }, { $set: { pointsBalance: -5, ledgerSeq: 2 } });
    const found = await violations();
    expect(found.map((v) => [v.kind, v.memberId, v.seq])).to.deep.equal([['REDEEM_BELOW_ZERO', String(m), 2]]);
  });

  it('finds a sourceKey applied twice (when the unique index is missing)', async () => {
    await healthyLedger();
    await models.LedgerEntry.collection.dropIndex('memberId_1_sourceKey_1');
    const m = await member();
    await plant(m, 1, 10, 10, { sourceKey: 'accrual:twice' });
    await plant(m, 2, 10, 20, { sourceKey: 'accrual:twice' });
    await models.Member.updateOne({ _id: m }, { $set: { pointsBalance: 20, ledgerSeq: 2 } });
    const found = await violations();
    expect(found.map((v) => [v.kind, v.memberId, v.seq])).to.deep.equal([['DUPLICATE_SOURCE_KEY', String(m), 2]]);
  });

  it('finds ledger entries of a member that does not exist', async () => {
    await healthyLedger();
    const ghost = new Types.ObjectId();
    await plant(ghost, 1, 10, 10);
    const found = await violations();
    expect(found.map((v) => [v.kind, v.memberId])).to.deep.equal([['ORPHAN_ENTRIES', String(ghost)]]);
  });

  it('finds two active accruals of one check (invariant 5)', async () => {
    await healthyLedger();
    const check = randomUUID();
    const first = await accrual('POSTED', `${RESTAURANT}|${check}`, check);
    const second = await accrual('UNCLAIMED', `${RESTAURANT}|${check}|bug`, check);
    const found = await violations();
    expect(found).to.have.length(1);
    expect(found[0]!.kind).to.equal('DUPLICATE_ACTIVE_ACCRUAL');
    expect(found[0]!.accrualIds).to.have.members([String(first._id), String(second._id)]);
  });

  it('reports ids only, never names, phones or emails', async () => {
    const [a] = await healthyLedger();
    await models.Member.updateOne({ _id: a }, { $set: { pointsBalance: 1 } });
    const text = JSON.stringify(await violations());
    expect(text).to.include(String(a));
    for (const pii of ['2125550123', 'guest@example.com', 'Ada', 'Lovelace']) expect(text).not.to.include(pii);
  });

  it('repairs a broken projection from the ledger, and leaves a broken chain alone', async () => {
    const [a, b] = await healthyLedger() as [Types.ObjectId, Types.ObjectId];
    await models.Member.updateOne({ _id: a }, { $set: { pointsBalance: 0, ledgerSeq: 0, lifetimePoints: 0 } });
    await models.Member.updateOne({ _id: b }, { $set: { pointsBalance: 999, ledgerSeq: 9 } });
    expect((await violations()).map((v) => v.kind)).to.deep.equal(['PROJECTION_MISMATCH', 'PROJECTION_MISMATCH']);
    expect(await repairMember(models, a)).to.deep.equal({ memberId: String(a), status: 'REPAIRED', balance: 77, seq: 3 });
    expect((await models.Member.findById(a).lean())).to.include({ pointsBalance: 77, ledgerSeq: 3, lifetimePoints: 127 });
    expect(await repairMember(models, a)).to.include({ status: 'OK' });
    const all = await repairAll(models);
    expect(all).to.deep.equal({ members: 4, byStatus: { OK: 3, REPAIRED: 1 }, budgets: 0 });
    expect(await violations()).to.deep.equal([]);

    const broken = await member();
    await plant(broken, 1, 10, 10);
    await plant(broken, 2, 5, 25);
    expect(await repairMember(models, broken)).to.include({ status: 'CHAIN_BROKEN' });
    expect((await models.Member.findById(broken).lean())!.pointsBalance).to.equal(0);
    expect(await repairMember(models, new Types.ObjectId())).to.include({ status: 'NOT_FOUND' });
  });

  it('never moves a projection backwards while appends run concurrently', async () => {
    const m = await member();
    await append(m, 10, 'start');
    // A crash between the insert and its projection leaves the projection behind the ledger.
    await models.Member.updateOne({ _id: m }, { $set: { pointsBalance: 0, ledgerSeq: 0, lifetimePoints: 0 } });
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => append(m, 5, `concurrent:${i}`)),
      ...Array.from({ length: 5 }, () => repairMember(models, m)),
    ]);
    await repairMember(models, m);
    expect(await violations()).to.deep.equal([]);
    expect((await models.Member.findById(m).lean())).to.include({ pointsBalance: 110, ledgerSeq: 21 });
  });

  describe('commands', () => {
    function uriOf(db: mongoose.Connection): string {
      const url = new URL(serviceUrls().mongodbUri);
      url.pathname = `/${db.name}`;
      return url.toString();
    }

    async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string }> {
      try {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, MONGODB_URI: uriOf(conn) } });
        return { code: 0, stdout };
      } catch (err) {
        const e = err as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
      }
    }

    it('ledger:verify exits 1 with the violations; ledger:repair fixes them; then verify exits 0', async () => {
      const [a] = await healthyLedger();
      await models.Member.updateOne({ _id: a }, { $set: { pointsBalance: 5 } });
      const failed = await cli('scripts/ledger-verify.ts', []);
      expect(failed.code).to.equal(1);
      expect(failed.stdout).to.include(`VIOLATION PROJECTION_MISMATCH member ${String(a)}`);
      expect(failed.stdout).to.include('ledger:verify FAILED: 4 members, 21 entries, 2 active accruals, 1 violations');
      const repaired = await cli('scripts/ledger-repair.ts', [String(a)]);
      expect(repaired).to.deep.equal({ code: 0, stdout: `REPAIRED member ${String(a)} balance 77 seq 3\n` });
      // Named as the register knows the member (issue 17 §6): by its loyalty identifier.
      await models.Member.updateOne({ _id: a }, { $set: { pointsBalance: 6 } });
      const identifier = (await models.Member.findById(a).lean())!.loyaltyIdentifier;
      expect(await cli('scripts/ledger-repair.ts', [identifier])).to.deep.equal({ code: 0, stdout: `REPAIRED member ${String(a)} balance 77 seq 3\n` });
      expect((await cli('scripts/ledger-repair.ts', ['--all'])).stdout).to.include('4 members (OK=4)');
      const clean = await cli('scripts/ledger-verify.ts', []);
      expect(clean.code).to.equal(0);
      expect(clean.stdout).to.include('ledger:verify OK');
      expect((await cli('scripts/ledger-repair.ts', ['no-such-member'])).code).to.equal(1);
      expect((await cli('scripts/ledger-repair.ts', [])).code).to.equal(2);
      expect((await cli('scripts/ledger-repair.ts', [identifier, '--all'])).code).to.equal(2);
    }).timeout(60_000);
  });

  describe('nightly job', () => {
    it('schedules itself idempotently at 04:00 UTC and logs a summary of the run (ids only)', async () => {
      const [a] = await healthyLedger();
      await models.Member.updateOne({ _id: a }, { $set: { pointsBalance: 3 } });
      const { redisUrl, mongodbUri } = serviceUrls();
      const prefix = `t${randomBytes(4).toString('hex')}`;
      const lines: string[] = [];
      const logger = pino({ level: 'info' }, new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
      const deps = { config: loadConfig({ REDIS_URL: redisUrl, MONGODB_URI: mongodbUri, QUEUE_PREFIX: prefix }), logger, clock, conn, models };
      const started = [await ledgerVerifyScheduler.start(deps), await ledgerVerifyScheduler.start(deps)];
      const connection = workerConnection(redisUrl);
      const queue = new Queue(queueNames.ledgerVerify, { connection, prefix });
      try {
        await until(async () => (await queue.getJobSchedulersCount()) === 1 && lines.filter((l) => l.includes('scheduled')).length === 2);
        expect(await queue.getJobScheduler(ledgerVerifySchedulerId)).to.include({ pattern: '0 4 * * *', tz: 'UTC' });
        const job = await queue.add('verify', {});
        await until(async () => (await job.getState()) === 'completed');
        const done = await queue.getJob(job.id!);
        expect(done!.returnvalue).to.include({ ok: false, violations: 1, members: 4 });
        const summary = lines.find((l) => l.includes('ledger verification found violations'));
        expect(summary).to.include('"violations":1');
        expect(lines.join('')).to.include(String(a));
        expect(lines.join('')).not.to.include('2125550123');
      } finally {
        for (const s of started) await s.stop();
        await queue.obliterate({ force: true });
        await queue.close();
        connection.disconnect();
      }
    });
  });
});

async function until(fn: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}
