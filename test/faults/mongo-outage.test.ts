/**
 * Fault: the MongoDB-compatible server stops during an INQUIRE/REDEEM/ACCRUE load and starts
 * again (its data kept on disk, as a real MongoDB's would be). While it is down every request
 * still gets a fast answer (ERROR, never a hang past Toast's 5 s), /readyz says not ready and
 * the process stays up; afterwards it recovers without a restart, every ACCEPTed effect is
 * present exactly once, any debit behind an ERROR answer is credited back, and `ledger:verify`
 * is clean.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { appendEntry } from '../../server/loyalty/ledger.js';
import { registerModels, type Models } from '../../server/store/models/index.js';
import { burger, fries } from '../support/demo-menu.js';
import { accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, signupRequest } from '../support/toast-requests.js';
import { freePort, OwnMongo, OwnRedis, PerkwireProcess, waitFor } from './support/processes.js';
import { ledgerVerifyClean, queuePrefix, sendToast } from './support/stack.js';

const PAID_AT = '2026-12-01T15:00:00.000+0000';
const TOAST_TIMEOUT_MS = 5000;

type Kind = 'LOYALTY_INQUIRE' | 'LOYALTY_REDEEM' | 'LOYALTY_ACCRUE';
interface Sent {
  kind: Kind;
  guid: string;
  member: string;
  phase: 'up' | 'down' | 'back';
  ms: number;
  status: number | null;
  transactionStatus: string | null;
  /** REDEEM: redemptions the answer lists as applied (each must be exactly one debit). */
  applied: number;
}

describe('fault: MongoDB stops during an INQUIRE/REDEEM/ACCRUE load and starts again', function () {
  this.timeout(240_000);
  let mongo: OwnMongo;
  let redis: OwnRedis;
  let api: PerkwireProcess;
  let conn: mongoose.Connection;
  let models: Models;
  let uri: string;

  before(async () => {
    mongo = new OwnMongo(await freePort());
    await mongo.start();
    redis = new OwnRedis(await freePort());
    await redis.start();
    uri = `${mongo.url}/outage`;
    api = new PerkwireProcess({
      role: 'all', mongodbUri: uri, redisUrl: redis.url, queuePrefix: queuePrefix(), port: await freePort(), env: { ABANDONED_REDEEM_AFTER_MS: '2000' },
    });
    await api.start();
  });
  after(async () => {
    await api.stop();
    await conn?.close(true).catch(() => undefined);
    await redis.stop();
    await mongo.stop();
    mongo.removeData();
  });

  async function connect(): Promise<void> {
    conn = await mongoose.createConnection(uri, { bufferCommands: false, serverSelectionTimeoutMS: 5000 }).asPromise();
    models = await registerModels(conn);
  }

  function request(kind: Kind, member: string): { body: unknown } {
    if (kind === 'LOYALTY_INQUIRE') return { body: inquireRequest(member, { check: check({ selections: [burger(), fries()] }) }) };
    if (kind === 'LOYALTY_ACCRUE') {
      return { body: accrueRequest(member, { check: { ...paidCheck({ selections: [burger(10)] }), paidDate: PAID_AT, closedDate: PAID_AT } }) };
    }
    const target = fries(3.49);
    const discount = loyaltyDiscount('free-fries', 3.49);
    const c = check({ selections: [burger(), { ...target, appliedDiscounts: [discount] }] });
    return { body: redeemRequest(member, { check: c, redemptions: [redemption('free-fries', { selectionGuid: target.guid, appliedDiscountGuid: discount.guid })] }) };
  }

  it('answers fast while down, is not ready, survives, recovers, and keeps every accepted effect exactly once', async () => {
    await connect();
    const members: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await sendToast(api.baseUrl, 'LOYALTY_SIGNUP', signupRequest({ email: `mongo-outage-${i}@example.com` }));
      const id = (r.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier;
      members.push(id);
      const member = (await models.Member.findOne({ loyaltyIdentifier: id }).lean())!;
      await appendEntry(models, { programId: 'demo', memberId: member._id, delta: 100_000, kind: 'BONUS', sourceKey: `seed:${id}`, floor: 'ALLOW_NEGATIVE' }, new Date());
    }
    await conn.close(true);

    const sent: Sent[] = [];
    let phase: Sent['phase'] = 'up';
    let running = true;
    const kinds: Kind[] = ['LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE'];
    async function lane(n: number): Promise<void> {
      for (let i = 0; running; i++) {
        const kind = kinds[(n + i) % kinds.length]!;
        const member = members[(n * 7 + i) % members.length]!;
        const { body } = request(kind, member);
        const guid = randomUUID();
        const entry: Sent = { kind, guid, member, phase, ms: 0, status: null, transactionStatus: null, applied: 0 };
        sent.push(entry);
        const started = Date.now();
        const reply = await sendToast(api.baseUrl, kind, body, guid).catch(() => null);
        entry.ms = Date.now() - started;
        entry.status = reply?.status ?? null;
        entry.transactionStatus = reply?.body.transactionStatus ?? null;
        entry.applied = (reply?.body.checkResponse as { appliedRedemptions?: unknown[] } | undefined)?.appliedRedemptions?.length ?? 0;
      }
    }
    const lanes = Promise.all(Array.from({ length: 6 }, (_, n) => lane(n)));

    await new Promise((r) => setTimeout(r, 2000));
    phase = 'down';
    await mongo.stop();
    await waitFor('/readyz not ready', async () => (await fetch(`${api.baseUrl}/readyz`)).status === 503, 10_000);
    await new Promise((r) => setTimeout(r, 4000));
    expect((await fetch(`${api.baseUrl}/healthz`)).status, 'process alive while MongoDB is down').to.equal(200);
    await mongo.start();
    phase = 'back';
    await waitFor('/readyz ready again (no restart)', async () => (await fetch(`${api.baseUrl}/readyz`)).status === 200, 60_000);
    await waitFor('requests accepted again', async () => sent.filter((s) => s.phase === 'back' && s.transactionStatus === 'ACCEPT').length >= 9, 60_000);
    running = false;
    await lanes;

    // Every request was answered (no crash, no dropped connection), within Toast's timeout.
    const unanswered = sent.filter((s) => s.status === null);
    expect(unanswered, 'requests without an answer').to.deep.equal([]);
    const slow = sent.filter((s) => s.ms >= TOAST_TIMEOUT_MS);
    expect(slow.map((s) => `${s.kind} ${s.phase} ${s.ms}ms`), 'answers slower than 5 s').to.deep.equal([]);
    const down = sent.filter((s) => s.phase === 'down');
    expect(down.length, 'requests sent while MongoDB was down').to.be.greaterThan(10);
    expect(down.filter((s) => s.transactionStatus === 'ERROR').length, 'ERROR answers while down').to.be.greaterThan(5);
    for (const s of sent) expect(['ACCEPT', 'ERROR'], `${s.kind} ${s.phase}`).to.include(s.transactionStatus);

    await connect();
    // A REDEEM debited exactly what its answer applied: once per applied redemption after
    // ACCEPT. One answered ERROR may have debited before the database went away (its read-back
    // failed too): nobody retries it, so after the grace period its debit is credited back.
    const redeems = sent.filter((x) => x.kind === 'LOYALTY_REDEEM');
    expect(redeems.filter((s) => s.transactionStatus === 'ACCEPT' && s.applied === 1).length, 'REDEEMs applied').to.be.greaterThan(5);
    const net = async (guid: string): Promise<{ debits: number; credits: number }> => ({
      debits: await models.LedgerEntry.countDocuments({ kind: 'REDEEM', 'refs.transactionGuid': guid }),
      credits: await models.LedgerEntry.countDocuments({ kind: 'REVERSE_REDEEM', 'refs.transactionGuid': guid }),
    });
    for (const s of redeems.filter((x) => x.transactionStatus === 'ACCEPT')) {
      expect(await net(s.guid), `REDEEM ${s.guid} answered ACCEPT applying ${s.applied} (${s.phase})`).to.deep.equal({ debits: s.applied, credits: 0 });
    }
    const errored = redeems.filter((x) => x.transactionStatus !== 'ACCEPT');
    await waitFor('debits behind ERROR answers credited back', async () => {
      for (const s of errored) {
        const n = await net(s.guid);
        if (n.debits !== n.credits) return false;
      }
      return true;
    }, 60_000);
    // ACCEPTed ACCRUEs: each check recorded once and, once the workers caught up, posted once.
    const accepted = sent.filter((x) => x.kind === 'LOYALTY_ACCRUE' && x.transactionStatus === 'ACCEPT');
    await waitFor('accepted accruals posted', async () => (await models.Accrual.countDocuments({ transactionGuids: { $in: accepted.map((s) => s.guid) }, state: 'POSTED' })) === accepted.length, 90_000);
    for (const s of accepted) {
      const accruals = await models.Accrual.find({ transactionGuids: s.guid }).lean();
      expect(accruals, `ACCRUE ${s.guid}`).to.have.length(1);
      expect(await models.LedgerEntry.countDocuments({ sourceKey: `accrual:${String(accruals[0]!._id)}` })).to.equal(1);
    }
    expect(await ledgerVerifyClean(uri)).to.match(/0 violations$/);
  });
});
