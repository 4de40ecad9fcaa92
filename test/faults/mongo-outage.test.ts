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
import { readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { appendEntry } from '../../server/loyalty/ledger/ledger.js';
import { registerModels, type Models } from '../../server/store/models/index.js';
import { burger, fries } from '../support/demo-menu.js';
import { accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, signupRequest } from '../support/toast-requests.js';
import { freePort, OwnMongo, OwnRedis, PerkwireProcess, waitFor } from './support/processes.js';
import { ledgerVerifyClean, queuePrefix, sendToast } from './support/stack.js';

const PAID_AT = '2026-12-01T15:00:00.000+0000';
const TOAST_TIMEOUT_MS = 5000;
/**
 * Concurrent Toast clients. Enough for REDEEMs to be in flight when the server stops; more only
 * measures how the shared 2-core test machine queues CPU, not what the service waits for.
 */
const LANES = 4;

type Kind = 'LOYALTY_INQUIRE' | 'LOYALTY_REDEEM' | 'LOYALTY_ACCRUE';
interface Sent {
  kind: Kind;
  guid: string;
  member: string;
  /** `stopping`: sent after the stop began and before the server was gone; may go either way. */
  phase: 'up' | 'stopping' | 'down' | 'back';
  /** Date.now() when sent, and how long the answer took. */
  at: number;
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
  after(async function () {
    // A failure here is easier to read with the server's side of the story.
    if (this.currentTest?.state === 'failed') console.log(`mongo-dev-server log (tail):\n${readFileSync(mongo.logFile, 'utf8').slice(-3000)}`);
    await api?.stop();
    await conn?.close(true).catch(() => undefined);
    await redis?.stop();
    await mongo?.stop();
    mongo?.removeData();
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

  /** Setup, not under test: a fresh dev server on a loaded machine may still time out a first request. */
  async function signUp(email: string): Promise<string> {
    let last = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = await sendToast(api.baseUrl, 'LOYALTY_SIGNUP', signupRequest({ email }));
      const id = (r.body.signupResponse as { loyaltyIdentifier?: string } | undefined)?.loyaltyIdentifier;
      if (r.body.transactionStatus === 'ACCEPT' && id) return id;
      last = `${r.status} ${r.text}`;
    }
    throw new Error(`SIGNUP not accepted: ${last}`);
  }

  /** True once `phase` has at least `n` ACCEPTed answers of `kind`. */
  function hasAccepted(sent: Sent[], phase: Sent['phase'], kind: Kind, n: number): boolean {
    return sent.filter((s) => s.phase === phase && s.kind === kind && s.transactionStatus === 'ACCEPT').length >= n;
  }

  it('answers fast while down, is not ready, survives, recovers, and keeps every accepted effect exactly once', async () => {
    await connect();
    const members: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = await signUp(`mongo-outage-${i}@example.com`);
      members.push(id);
      const member = (await models.Member.findOne({ loyaltyIdentifier: id }).lean())!;
      await appendEntry(models, { programId: 'demo', memberId: member._id, delta: 100_000, kind: 'BONUS', sourceKey: `seed:${id}`, floor: 'ALLOW_NEGATIVE' }, new Date());
    }

    const sent: Sent[] = [];
    let phase: Sent['phase'] = 'up';
    let running = true;
    async function send(kind: Kind, member: string, guid: string = randomUUID()): Promise<void> {
      const entry: Sent = { kind, guid, member, phase, at: Date.now(), ms: 0, status: null, transactionStatus: null, applied: 0 };
      sent.push(entry);
      const reply = await sendToast(api.baseUrl, kind, request(kind, member).body, guid).catch(() => null);
      entry.ms = Date.now() - entry.at;
      entry.status = reply?.status ?? null;
      entry.transactionStatus = reply?.body.transactionStatus ?? null;
      entry.applied = (reply?.body.checkResponse as { appliedRedemptions?: unknown[] } | undefined)?.appliedRedemptions?.length ?? 0;
    }
    const kinds: Kind[] = ['LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE'];
    async function lane(n: number): Promise<void> {
      for (let i = 0; running; i++) await send(kinds[(n + i) % kinds.length]!, members[(n * 7 + i) % members.length]!);
    }
    const lanes = Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));

    // Each phase lasts until it has done its share of the work, not for a fixed time: on a
    // loaded machine a fixed time may hold too few requests to prove anything.
    await waitFor('REDEEMs and ACCRUEs accepted before the outage', async () => hasAccepted(sent, 'up', 'LOYALTY_REDEEM', 3) && hasAccepted(sent, 'up', 'LOYALTY_ACCRUE', 2), 60_000);
    // The outage hits REDEEMs mid-way: a burst of them is in flight and the server stops as soon
    // as the first has debited, so others have debited and not yet read their debits back (the
    // case that answers ERROR after a debit, which only the abandoned-REDEEM sweeper settles).
    const burstGuids = members.map(() => randomUUID());
    const burst = Promise.all(members.map((m, i) => send('LOYALTY_REDEEM', m, burstGuids[i])));
    await waitFor('a REDEEM of the burst debited', async () => (await models.LedgerEntry.exists({ kind: 'REDEEM', 'refs.transactionGuid': { $in: burstGuids } })) !== null, 30_000, 5);
    // A request sent while the server is shutting down may still be served whole: only what is
    // sent once its process has exited and its port is closed is "down".
    phase = 'stopping';
    await Promise.all([mongo.stop(), conn.close(true)]);
    phase = 'down';
    const stoppedAt = Date.now();
    await waitFor('/readyz not ready', async () => (await fetch(`${api.baseUrl}/readyz`)).status === 503, 10_000);
    await waitFor('requests sent while down', async () => Date.now() - stoppedAt >= 4000 && sent.filter((s) => s.phase === 'down' && s.ms > 0).length >= 12, 60_000);
    expect((await fetch(`${api.baseUrl}/healthz`)).status, 'process alive while MongoDB is down').to.equal(200);
    const restartAt = Date.now();
    await mongo.start();
    phase = 'back';
    await waitFor('/readyz ready again (no restart)', async () => (await fetch(`${api.baseUrl}/readyz`)).status === 200, 60_000);
    await waitFor('REDEEMs and ACCRUEs accepted again', async () => hasAccepted(sent, 'back', 'LOYALTY_REDEEM', 3) && hasAccepted(sent, 'back', 'LOYALTY_ACCRUE', 2), 60_000);
    running = false;
    await Promise.all([lanes, burst]);

    // Every request was answered (no crash, no dropped connection), within Toast's timeout.
    const unanswered = sent.filter((s) => s.status === null);
    expect(unanswered, 'requests without an answer').to.deep.equal([]);
    const slow = sent.filter((s) => s.ms >= TOAST_TIMEOUT_MS);
    expect(slow.map((s) => `${s.kind} ${s.phase} ${s.ms}ms`), 'answers slower than 5 s').to.deep.equal([]);
    // Answered while the server was down: ERROR, every one (nothing can have been accepted).
    const down = sent.filter((s) => s.phase === 'down' && s.at + s.ms < restartAt);
    expect(down.length, 'requests answered while MongoDB was down').to.be.at.least(12);
    expect(down.filter((s) => s.transactionStatus !== 'ERROR').map((s) => `${s.kind} ${s.transactionStatus}`), 'answers while down').to.deep.equal([]);
    for (const s of sent) expect(['ACCEPT', 'ERROR'], `${s.kind} ${s.phase}`).to.include(s.transactionStatus);

    await connect();
    // A REDEEM debited exactly what its answer applied: once per applied redemption after
    // ACCEPT. One answered ERROR may have debited before the database went away (its read-back
    // failed too): nobody retries it, so after the grace period its debit is credited back.
    const redeems = sent.filter((x) => x.kind === 'LOYALTY_REDEEM');
    expect(redeems.filter((s) => s.transactionStatus === 'ACCEPT' && s.applied === 1).length, 'REDEEMs applied').to.be.at.least(6);
    const net = async (guid: string): Promise<{ debits: number; credits: number }> => ({
      debits: await models.LedgerEntry.countDocuments({ kind: 'REDEEM', 'refs.transactionGuid': guid }),
      credits: await models.LedgerEntry.countDocuments({ kind: 'REVERSE_REDEEM', 'refs.transactionGuid': guid }),
    });
    for (const s of redeems.filter((x) => x.transactionStatus === 'ACCEPT')) {
      expect(await net(s.guid), `REDEEM ${s.guid} answered ACCEPT applying ${s.applied} (${s.phase})`).to.deep.equal({ debits: s.applied, credits: 0 });
    }
    const errored = redeems.filter((x) => x.transactionStatus !== 'ACCEPT');
    let debitedBehindError = 0;
    for (const s of errored) if ((await net(s.guid)).debits > 0) debitedBehindError++;
    await waitFor('debits behind ERROR answers credited back', async () => {
      for (const s of errored) {
        const n = await net(s.guid);
        if (n.debits !== n.credits) return false;
      }
      // The credit is the compensation's first write; its claim turns DONE after the projection and the usage give-back.
      return (await models.ToastTransaction.countDocuments({ transactionGuid: { $in: errored.map((s) => s.guid) }, state: 'IN_PROGRESS' })) === 0;
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
    // The figures of this run, for the landing log.
    const figures = (['up', 'stopping', 'down', 'back'] as const).map((p) => {
      const of = sent.filter((s) => s.phase === p);
      return `${p} ${of.length} (${of.filter((s) => s.transactionStatus === 'ERROR').length} ERROR, max ${Math.max(0, ...of.map((s) => s.ms))} ms)`;
    });
    const slowest = sent.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`      ${figures.join('; ')}; slowest ${slowest.kind} ${slowest.phase} ${slowest.transactionStatus}; ERROR REDEEMs that had debited: ${debitedBehindError}`);
  });
});
