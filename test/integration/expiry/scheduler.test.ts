/**
 * The expiry worker module on real Redis with a queue prefix of its own: two boots upsert one
 * scheduler per program (03:30 in the program's timezone), and a delivered job runs the program.
 */
import { expect } from 'chai';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../../config/index.js';
import { workerConnection } from '../../../server/queues/connections.js';
import { expirySchedulerId, expiryScheduler } from '../../../workers/expiry.scheduler.js';
import { queueNames } from '../../../server/queues/queues.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { serviceUrls } from '../../support/services.js';

async function until(fn: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('expiry worker: schedulers', () => {
  let t: TestApp;

  before(async () => { t = await startTestApp({ dbPrefix: 'expiry' }); });
  after(async () => { await t.close(); });

  it('upserts one scheduler per program across two boots, and runs the delivered job', async () => {
    const { redisUrl, mongodbUri } = serviceUrls();
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const config = loadConfig({ REDIS_URL: redisUrl, MONGODB_URI: mongodbUri, QUEUE_PREFIX: prefix });
    const deps = { config, logger: pino({ level: 'silent' }), clock: t.clock, conn: t.deps.conn, models: t.deps.models };
    const started = [await expiryScheduler.start(deps), await expiryScheduler.start(deps)];
    const connection = workerConnection(redisUrl);
    const queue = new Queue(queueNames.expiry, { connection, prefix });
    try {
      await until(async () => (await queue.getJobSchedulersCount()) === 2);
      await new Promise((r) => setTimeout(r, 300)); // let the second boot's upserts land too
      expect(await queue.getJobSchedulersCount()).to.equal(2);
      expect(await queue.getJobScheduler(expirySchedulerId('demo'))).to.include({ pattern: '30 3 * * *', tz: 'America/New_York' });
      expect(await queue.getJobScheduler(expirySchedulerId('cafe'))).to.include({ pattern: '30 3 * * *', tz: 'America/Chicago' });
      const job = await queue.add('expire', { programId: 'demo' });
      await until(async () => (await job.getState()) === 'completed');
      expect((await queue.getJob(job.id!))!.returnvalue).to.deep.equal({ members: 0, expiredMembers: 0, expiredPoints: 0, tierChanges: 0 });
    } finally {
      for (const s of started) await s.stop();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });
});
