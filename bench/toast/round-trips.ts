/**
 * MongoDB commands per webhook request for the benchmark's output (issue 11 §2): an in-process
 * app on the bench database, its connection opened with command monitoring, answers one request
 * of each type for a seeded member while the commands it sends are counted. Its queue producers
 * use a prefix of their own (`<bench prefix>-rt`), so its ACCRUE is posted here, in-process, and
 * counted too; the stack's cleanup drops it with the rest. Same budget as
 * test/integration/toast/round-trips.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../../config/index.js';
import { newVisit } from '../../scripts/pos/check.js';
import { applyOffer, checkInfo, toastBody, toastHeaders, type PosType } from '../../scripts/pos/requests.js';
import { systemClock } from '../../server/clock.js';
import { buildApp } from '../../server/http/app.js';
import { postAccrual } from '../../server/loyalty/accrual/accrual.js';
import { registerModels } from '../../server/store/models/index.js';
import { closeRedis, producerConnection } from '../../server/queues/connections.js';
import { createQueues } from '../../server/queues/queues.js';
import { commandCounter, type CountedCommand } from '../../test/support/command-counter.js';
import type { BenchMember } from './seed.js';
import type { Stack } from './stack.js';

/** The budget of issue 11 §2. */
export const ROUND_TRIP_BUDGET: Record<string, number> = { INQUIRE: 2, SEARCH: 2, ACCRUE: 3, REDEEM: 6, 'REVERSE (redeem)': 6, 'REVERSE (accrue)': 6, 'accrual posting': 6 };

export type RoundTrips = Record<string, { commands: number; budget: number; sent: string }>;

export async function countRoundTrips(stack: Stack, member: BenchMember): Promise<RoundTrips> {
  const config = loadConfig({ ...process.env, MONGODB_URI: stack.mongodbUri, REDIS_URL: stack.redisUrl, QUEUE_PREFIX: `${stack.queuePrefix}-rt`, LOG_LEVEL: 'silent' });
  const conn = await mongoose.createConnection(stack.mongodbUri, { monitorCommands: true, serverSelectionTimeoutMS: 5000 }).asPromise();
  const models = await registerModels(conn, { memberKeySecret: config.memberKeySecret });
  const redis = producerConnection(stack.redisUrl);
  redis.on('error', () => undefined);
  const queues = createQueues(redis, config.queuePrefix);
  const app = buildApp({ config, logger: pino({ level: 'silent' }), clock: systemClock, conn, models, redis, queues, readiness: { accepting: true } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/toast/loyalty`;
  const counter = commandCounter(conn);
  const out: RoundTrips = {};
  const record = (label: string, commands: CountedCommand[]): void => {
    out[label] = { commands: commands.length, budget: ROUND_TRIP_BUDGET[label] ?? NaN, sent: commands.map((c) => `${c.name} ${c.collection}`).join(', ') };
  };
  const send = async (label: string, type: PosType, infoKey: string, info: unknown, guid = randomUUID()): Promise<string> => {
    const { commands } = await counter.during(async () => {
      const res = await fetch(url, { method: 'POST', headers: toastHeaders(type, guid), body: JSON.stringify(toastBody(type, infoKey, info)) });
      await res.text();
    });
    record(label, commands);
    return guid;
  };
  try {
    // Warm the per-process caches (location, rule set) as a running server has them.
    await send('warm-up', 'INQUIRE', 'checkTransactionInformation', checkInfo(newVisit(), member.id));
    await send('INQUIRE', 'INQUIRE', 'checkTransactionInformation', checkInfo(newVisit(), member.id));
    await send('SEARCH', 'SEARCH', 'searchTransactionInformation', { searchCriteria: { firstName: null, lastName: null, email: null, phone: member.phone } });
    const visit = newVisit();
    const fries = visit.lines.find((l) => l.kind === 'fries');
    const redemption = applyOffer(visit, { identifier: 'free-fries', amount: 3.49, itemApplication: [{ selectionIdentifier: fries?.guid }] });
    const redeemed = await send('REDEEM', 'REDEEM', 'checkTransactionInformation', checkInfo(visit, member.id, [redemption]));
    await send('REVERSE (redeem)', 'REVERSE', 'reverseTransactionInformation', { loyaltyIdentifier: member.id, transactionId: redeemed });
    const accrued = await send('ACCRUE', 'ACCRUE', 'checkTransactionInformation', checkInfo(newVisit(), member.id, [], true));
    const acc = await models.Accrual.findOne({ transactionGuids: accrued }, { _id: 1 }).lean();
    if (acc) record('accrual posting', (await counter.during(() => postAccrual({ models }, String(acc._id), new Date()))).commands);
    await send('REVERSE (accrue)', 'REVERSE', 'reverseTransactionInformation', { loyaltyIdentifier: member.id, transactionId: accrued });
    delete out['warm-up'];
    return out;
  } finally {
    counter.stop();
    await new Promise((resolve) => server.close(resolve));
    await queues.close().catch(() => undefined);
    await closeRedis(redis);
    await conn.close();
  }
}
