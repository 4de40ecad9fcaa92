/**
 * Accrual posting benchmark (`npm run bench:accrual`): how many accrual jobs one worker posts
 * per second, and how long an accepted check waits for its points (accepted → posted, p50/p99).
 *
 * Runs in one process against the test-profile services (or MONGODB_URI / REDIS_URL), in a
 * database and queue prefix of its own: N members, C paid checks accepted through
 * `acceptAccrual` (the ACCRUE handler's service) while one accrual worker posts them.
 *   --checks 2000  --members 200  --rate 0 (checks/s while the worker runs; 0 = as fast as possible)
 * Then a backlog run: the same number of checks accepted with the worker stopped, and the time
 * one worker (BullMQ concurrency 8) takes to drain them = its throughput in jobs/s.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../config/index.js';
import { systemClock } from '../server/clock.js';
import { acceptAccrual } from '../server/loyalty/accrual/accrual.js';
import { createMember } from '../server/loyalty/members/members.js';
import { publishProgramsFromDir } from '../server/loyalty/programs/programs.js';
import { registerModels } from '../server/store/models/index.js';
import { accrualWorker } from '../workers/accrual.worker.js';
import { producerConnection } from '../server/queues/connections.js';
import { createQueues } from '../server/queues/queues.js';
import { normalizeToastCheck } from '../server/toast/normalize/index.js';
import { latency } from './toast/report.js';
import { startServices, withDatabase } from './toast/stack.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const DEMO = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
const BURGER = 'a1f0c3d2-0001-4b5e-9c1a-000000000001';

function paidCheck(dollars: number) {
  const paidAt = new Date().toISOString();
  return {
    guid: randomUUID(), entityType: 'Check', paymentStatus: 'CLOSED', amount: dollars, paidDate: paidAt, closedDate: paidAt,
    selections: [{ guid: randomUUID(), quantity: 1, preDiscountPrice: dollars, price: dollars, item: { guid: BURGER, entityType: 'MenuItem' }, modifiers: [], appliedDiscounts: [] }],
    appliedDiscounts: [], payments: [{ guid: randomUUID(), type: 'CREDIT', amount: dollars, tipAmount: 0 }],
  };
}

async function main(): Promise<void> {
  const checks = flag('checks', 2000);
  const memberCount = flag('members', 200);
  const rate = flag('rate', 0);
  const services = await startServices((line) => console.error(line));
  const suffix = randomBytes(4).toString('hex');
  const mongodbUri = withDatabase(services.mongodbUri, `perkwire-bench-accrual-${suffix}`);
  const config = loadConfig({ MONGODB_URI: mongodbUri, REDIS_URL: services.redisUrl, QUEUE_PREFIX: `bencha-${suffix}`, LOG_LEVEL: 'silent' });
  const conn = await mongoose.createConnection(mongodbUri, { bufferCommands: false }).asPromise();
  const models = await registerModels(conn);
  const logger = pino({ level: 'silent' });
  await publishProgramsFromDir(models, 'rules/programs', new Date());
  const members = [];
  for (let i = 0; i < memberCount; i++) members.push(await createMember(models, 'demo', { status: 'REGISTERED', email: `bench${i}@example.com` }, new Date()));
  const redis = producerConnection(services.redisUrl);
  const queues = createQueues(redis, config.queuePrefix);
  const workerDeps = { config, logger, clock: systemClock, conn, models };
  let worker = await accrualWorker.start(workerDeps);
  console.error(`live run: accepting ${checks} checks for ${memberCount} members while one worker posts…`);
  const started = Date.now();
  for (let i = 0; i < checks; i++) {
    await acceptAccrual({ models, logger, queues }, {
      programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: members[i % memberCount]!, check: normalizeToastCheck(paidCheck(10 + (i % 30))), now: new Date(),
    });
    if (rate > 0) await new Promise((r) => setTimeout(r, Math.max(0, started + ((i + 1) * 1000) / rate - Date.now())));
  }
  const acceptedS = (Date.now() - started) / 1000;
  while ((await models.Accrual.countDocuments({ state: 'POSTED' })) < checks) await new Promise((r) => setTimeout(r, 100));
  const elapsedS = (Date.now() - started) / 1000;
  const rows = await models.Accrual.find({}, { acceptedAt: 1, postedAt: 1 }).lean();
  const waits = latency(rows.map((r) => r.postedAt!.getTime() - r.acceptedAt.getTime()));
  await worker.stop();

  console.error(`backlog run: accepting ${checks} more checks with the worker stopped…`);
  for (let i = 0; i < checks; i++) {
    await acceptAccrual({ models, logger, queues }, {
      programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: members[i % memberCount]!, check: normalizeToastCheck(paidCheck(10 + (i % 30))), now: new Date(),
    });
  }
  const drainStart = Date.now();
  worker = await accrualWorker.start(workerDeps);
  while ((await models.Accrual.countDocuments({ state: 'POSTED' })) < 2 * checks) await new Promise((r) => setTimeout(r, 50));
  const drainS = (Date.now() - drainStart) / 1000;
  await worker.stop();
  await queues.close();
  redis.disconnect();
  await conn.dropDatabase();
  await conn.close();
  console.log(`accrual posting, one worker (BullMQ concurrency 8), ${checks} checks, ${memberCount} members`);
  console.log(`  live:    accepted ${(checks / acceptedS).toFixed(0)} checks/s${rate ? ` (paced at ${rate}/s)` : ''}; all posted after ${elapsedS.toFixed(1)} s`);
  console.log(`           accepted → posted: p50 ${waits.p50.toFixed(0)} ms, p99 ${waits.p99.toFixed(0)} ms, max ${waits.max.toFixed(0)} ms`);
  console.log(`  backlog: ${checks} jobs drained in ${drainS.toFixed(1)} s → ${(checks / drainS).toFixed(0)} jobs/s`);
  if (services.startedHere) console.error('(test services left running: npm run services:stop -- --profile test)');
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
