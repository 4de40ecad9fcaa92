/**
 * Issue 9 item 2: bounded time. The driver bounds come from configuration, so a request whose
 * database stalls fails within the request budget instead of outliving Toast's 5 s.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { loadConfig } from '../../../config/index.js';
import { REQUEST_BUDGET_MS } from '../../../config/time-budget.js';
import { connectStore } from '../../../server/store/connection.js';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { StallProxy } from '../../support/stall-proxy.js';

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
