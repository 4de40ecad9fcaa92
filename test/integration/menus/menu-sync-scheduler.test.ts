/**
 * The daily menu re-sync job on real Redis (a queue prefix of its own) against the local Toast
 * stub: the scheduler is upserted at boot, a delivered job syncs every location, and without
 * Toast credentials the job skips.
 */
import { expect } from 'chai';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import type mongoose from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../../../config/index.js';
import { ManualClock } from '../../../server/clock.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { workerConnection } from '../../../server/queues/connections.js';
import { menuSyncScheduler, menuSyncSchedulerId } from '../../../workers/menu-sync.scheduler.js';
import { queueNames } from '../../../server/queues/queues.js';
import { waitFor } from '../../support/net.js';
import { connectTestDb, dropTestDb, serviceUrls } from '../../support/services.js';
import { CLIENT, DEMO_RESTAURANT, ToastApiStub } from '../../support/toast-api-stub.js';

describe('menu sync worker: scheduler and job', () => {
  let conn: mongoose.Connection;
  let models: Models;
  let stub: ToastApiStub;

  beforeEach(async () => {
    conn = await connectTestDb('menusync');
    models = await registerModels(conn);
    await models.Location.create({ _id: DEMO_RESTAURANT, programId: 'demo', name: 'Demo', timezone: 'America/New_York' });
    stub = await new ToastApiStub().start();
  });
  afterEach(async () => {
    await stub.stop();
    await dropTestDb(conn);
  });

  async function runJob(env: Record<string, string>): Promise<unknown> {
    const { redisUrl, mongodbUri } = serviceUrls();
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const config = loadConfig({ REDIS_URL: redisUrl, MONGODB_URI: mongodbUri, QUEUE_PREFIX: prefix, ...env });
    const started = await menuSyncScheduler.start({ config, logger: pino({ level: 'silent' }), clock: new ManualClock('2026-12-01T05:15:00Z'), conn, models });
    const connection = workerConnection(redisUrl);
    const queue = new Queue(queueNames.menuSync, { connection, prefix });
    try {
      await waitFor('the menu sync scheduler', async () => (await queue.getJobSchedulersCount()) === 1, 10_000);
      expect(await queue.getJobScheduler(menuSyncSchedulerId)).to.include({ pattern: '15 5 * * *', tz: 'UTC' });
      const job = await queue.add('sync', {});
      await waitFor('the menu sync job', async () => (await job.getState()) === 'completed', 10_000);
      return (await queue.getJob(job.id!))!.returnvalue as unknown;
    } finally {
      await started.stop();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  }

  it('syncs every location from Toast when credentials are set', async () => {
    const result = await runJob({ TOAST_API_URL: stub.url, TOAST_CLIENT_ID: CLIENT.clientId, TOAST_CLIENT_SECRET: CLIENT.clientSecret });
    expect(result).to.deep.include({ skipped: false });
    expect((result as { outcomes: unknown[] }).outcomes).to.deep.equal([{ restaurantGuid: DEMO_RESTAURANT, status: 'updated', lastUpdated: '2026-11-20T14:03:12.000+0000', entities: 23, previous: null }]);
    expect(await models.MenuCatalogue.countDocuments({})).to.equal(1);
  });

  it('skips without Toast credentials', async () => {
    expect(await runJob({})).to.deep.equal({ skipped: true, outcomes: [] });
    expect(stub.requests).to.have.length(0);
  });
});
