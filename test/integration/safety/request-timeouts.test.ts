/**
 * Issue 9 item 2: bounded time. The driver bounds come from configuration, so a request whose
 * database stalls fails within the request budget instead of outliving Toast's 5 s, and a
 * failed request does not spend a second bound on housekeeping before it answers.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { loadConfig } from '../../../config/index.js';
import { REQUEST_BUDGET_MS } from '../../../config/time-budget.js';
import { connectStore } from '../../../server/store/connection.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { waitFor } from '../../support/net.js';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { StallProxy } from '../../support/stall-proxy.js';
import { toast } from '../../support/toast-client.js';
import { transferRequest } from '../../support/toast-requests.js';

describe('request time budget: driver timeouts from configuration', function () {
  this.timeout(30_000);
  let proxy: StallProxy;
  let conn: mongoose.Connection;

  before(async () => {
    const target = new URL(serviceUrls().mongodbUri);
    proxy = new StallProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.start();
    const config = loadConfig({});
    conn = await connectStore(`mongodb://127.0.0.1:${proxy.port}/${uniqueDbName('stall')}`, { timeouts: config.mongo });
  });
  after(async () => {
    proxy.frozen = false;
    await conn.dropDatabase().catch(() => undefined);
    await conn.close(true).catch(() => undefined);
    await proxy.stop();
  });

  it('the default waits add up to less than the budget and the connection carries them', () => {
    const config = loadConfig({});
    const sum = config.idempotencyWaitMs + config.mongo.serverSelectionTimeoutMs + config.mongo.socketTimeoutMs;
    expect(sum).to.be.at.most(REQUEST_BUDGET_MS);
    const options = (conn.getClient() as unknown as { options: Record<string, unknown> }).options;
    expect(options.socketTimeoutMS).to.equal(config.mongo.socketTimeoutMs);
    expect(options.serverSelectionTimeoutMS).to.equal(config.mongo.serverSelectionTimeoutMs);
    expect(conn.get('maxTimeMS')).to.equal(config.mongo.maxTimeMs);
  });

  it('an operation on a stalled database fails within the socket timeout instead of hanging', async () => {
    const Thing = conn.model('Thing', new mongoose.Schema({ n: Number }));
    await Thing.create({ n: 1 });
    proxy.frozen = true;
    const started = Date.now();
    const outcome = await Promise.race([
      Thing.findOne({ n: 1 }).lean().then(() => 'answered', () => 'failed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 6000)),
    ]);
    const elapsed = Date.now() - started;
    expect(outcome).to.equal('failed');
    expect(elapsed).to.be.lessThan(loadConfig({}).mongo.socketTimeoutMs + 1000);
  });
});

describe('request time budget: an unexpected failure answers without another database wait', function () {
  this.timeout(30_000);
  const RELEASE_STALL_MS = 3000;
  let t: TestApp;
  let failMove = false;
  let restore: () => void;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'failfast', env: { IDEMPOTENCY_WAIT_MS: '500' } });
    // Fault injection: the TRANSFER's identifier move fails like a dropped connection, and the
    // write that ends the claim's lease afterwards stalls as it would on a dying database.
    const member = t.deps.models.Member;
    const claims = t.deps.models.ToastTransaction;
    const moveOriginal = member.updateOne;
    const claimOriginal = claims.updateOne;
    member.updateOne = function (this: unknown, ...args: Parameters<typeof moveOriginal>) {
      if (failMove && (args[1] as { $set?: { loyaltyIdentifier?: string } })?.$set?.loyaltyIdentifier) {
        failMove = false;
        return Promise.reject(Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' })) as never;
      }
      return moveOriginal.apply(this, args);
    } as typeof moveOriginal;
    claims.updateOne = function (this: unknown, ...args: Parameters<typeof claimOriginal>) {
      const update = args[1] as { $set?: Record<string, unknown> } | undefined;
      if (update?.$set && Object.keys(update.$set).join() === 'leaseUntil') {
        return new Promise((r) => setTimeout(r, RELEASE_STALL_MS)).then(() => claimOriginal.apply(this, args)) as never;
      }
      return claimOriginal.apply(this, args);
    } as typeof claimOriginal;
    restore = () => { member.updateOne = moveOriginal; claims.updateOne = claimOriginal; };
  });
  after(async () => {
    await new Promise((r) => setTimeout(r, RELEASE_STALL_MS)); // let the stalled release land before the database goes
    restore();
    await t.close();
  });

  it('answers ERROR at once and releases the lease behind the answer', async () => {
    const member = await seedMember(t.deps, { email: `failfast-${randomUUID()}@example.com` });
    const guid = randomUUID();
    failMove = true;
    const started = Date.now();
    const reply = await toast(t.app, 'LOYALTY_TRANSFER', transferRequest(member.loyaltyIdentifier, `NEW-${randomUUID()}`), { guid });
    expect(reply.status).to.equal(500);
    expect(reply.body.transactionStatus).to.equal('ERROR');
    expect(Date.now() - started, 'answered without waiting for the release').to.be.lessThan(RELEASE_STALL_MS - 1000);
    // The claim is kept (it may cover an effect) and its lease does end.
    await waitFor('lease ended', async () => {
      const claim = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
      return claim?.state === 'IN_PROGRESS' && claim.leaseUntil.getTime() < t.clock.now().getTime();
    }, RELEASE_STALL_MS + 5000);
  });
});
