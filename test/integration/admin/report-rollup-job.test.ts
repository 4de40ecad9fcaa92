/** The report rollup job: scheduled every 5 minutes (idempotently), and a run refreshes today's rollups. */
import { expect } from 'chai';
import { Queue } from 'bullmq';
import { workerConnection } from '../../../server/queues/connections.js';
import { queueNames } from '../../../server/queues/queues.js';
import { reportRollupScheduler, reportRollupSchedulerId } from '../../../workers/report-rollup.scheduler.js';
import type { TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { startAdminApp } from './helpers.js';

async function until(fn: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('report rollup job', function () {
  this.timeout(30_000);
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  it('schedules itself once every 5 minutes and a run writes the rollups of today', async () => {
    await seedMember(t.deps, { points: 12 });
    const deps = { config: t.deps.config, logger: t.deps.logger, clock: t.clock, conn: t.deps.conn, models: t.deps.models };
    const started = [await reportRollupScheduler.start(deps), await reportRollupScheduler.start(deps)];
    const connection = workerConnection(t.deps.config.redisUrl);
    const queue = new Queue(queueNames.reportRollup, { connection, prefix: t.deps.config.queuePrefix });
    try {
      await until(async () => (await queue.getJobSchedulersCount()) === 1);
      expect(await queue.getJobScheduler(reportRollupSchedulerId)).to.include({ pattern: '*/5 * * * *', tz: 'UTC' });
      const job = await queue.add('refresh', {});
      await until(async () => (await job.getState()) === 'completed');
      expect((await queue.getJob(job.id!))!.returnvalue).to.include({ programs: 2 });
      const row = await t.deps.models.DailyRollup.findById('demo|2026-12-01|-').lean();
      expect(row).to.include({ pointsEarned: 12, newMembers: 1 });
    } finally {
      for (const s of started) await s.stop();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });
});
