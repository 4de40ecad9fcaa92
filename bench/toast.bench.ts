/**
 * Toast webhook benchmark (issue 4 §10): brings up the test-profile services and the real
 * server, seeds members through the webhook, drives it on loopback with the register's mix
 * (55 % INQUIRE, 25 % ACCRUE, 12 % REDEEM, 5 % SEARCH, 3 % REVERSE) and prints req/s and
 * p50 / p99 / max latency per type, the targets, and ACCRUE → posted latency. Tears it all down.
 *
 *   npm run bench:toast [-- --duration 25 --connections 48 --members 2000 --split-worker --json --cpu-prof]
 *   (--split-worker: workers in a ROLE=worker process of their own, as in production)
 *
 * Every flag also reads BENCH_<NAME> from the environment (BENCH_DURATION=10 …). Exit 0 unless
 * the run itself broke: a missed target is reported, not failed.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { runLoad } from './toast/load.js';
import { Mix } from './toast/mix.js';
import { latency, printTable, summarize, type Report } from './toast/report.js';
import { seed, waitPosted } from './toast/seed.js';
import { startStack, type Stack } from './toast/stack.js';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' },
    members: { type: 'string' }, 'rich-share': { type: 'string' }, 'max-requests': { type: 'string' },
    json: { type: 'boolean' }, 'cpu-prof': { type: 'boolean' }, 'split-worker': { type: 'boolean' },
  },
});

function setting(name: keyof typeof flags, fallback: number): number {
  const raw = flags[name] ?? process.env[`BENCH_${name.toUpperCase().replace('-', '_')}`];
  const value = raw === undefined || typeof raw === 'boolean' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const settings = {
  durationS: setting('duration', 25),
  warmupS: setting('warmup', 3),
  connections: setting('connections', 48),
  members: setting('members', 2000),
  richShare: Math.min(1, setting('rich-share', 0.5)),
  maxRequests: setting('max-requests', 500_000),
  cpus: cpus().length,
  node: process.version,
};
const json = flags.json === true || process.env.BENCH_JSON === '1';
const cpuProf = flags['cpu-prof'] === true || process.env.BENCH_CPU_PROF === '1';
const splitWorker = flags['split-worker'] === true || process.env.BENCH_SPLIT_WORKER === '1';
// Progress goes to stderr so that `--json` leaves stdout to the report alone.
const log = (line: string): void => { process.stderr.write(`[bench:toast] ${line}\n`); };

/** Accept → post latency of the accruals accepted since `since`. */
async function accrualPosting(conn: mongoose.Connection, since: Date): Promise<Report['accrualPosting']> {
  const stillPending = await waitPosted(conn, 60_000);
  const rows = await conn.collection('accruals')
    .find({ acceptedAt: { $gte: since }, postedAt: { $ne: null } }, { projection: { acceptedAt: 1, postedAt: 1 } })
    .toArray();
  const ms = rows.map((r) => (r.postedAt as Date).getTime() - (r.acceptedAt as Date).getTime());
  return { count: ms.length, stillPending, ...latency(ms) };
}

async function run(stack: Stack): Promise<Report> {
  const conn = await mongoose.createConnection(stack.mongodbUri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    const seeded = await seed(stack.baseUrl, conn, { members: settings.members, richShare: settings.richShare, width: 32, log });
    const mix = new Mix(seeded.members, seeded.reversible);
    const load = { baseUrl: stack.baseUrl, connections: settings.connections, maxRequests: settings.maxRequests };
    if (settings.warmupS > 0) {
      log(`warm-up: ${settings.warmupS} s (not measured)`);
      await runLoad(mix, { ...load, durationS: settings.warmupS });
    }
    const since = new Date();
    log(`load: ${settings.durationS} s, ${settings.connections} connections`);
    const result = await runLoad(mix, { ...load, durationS: settings.durationS });
    log('waiting for the accrual worker to post the load\'s accruals…');
    return { settings, ...summarize(result), accrualPosting: await accrualPosting(conn, since) };
  } finally {
    await conn.close();
  }
}

async function main(): Promise<void> {
  const stack = await startStack({ log, splitWorker, ...(cpuProf ? { cpuProfDir: '.run/bench-profile' } : {}) });
  const interrupt = (): void => { log('interrupted: stopping'); void stack.stop().then(() => process.exit(130)); };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let report: Report;
  try {
    report = await run(stack);
  } finally {
    log('stopping the server and dropping the bench database…');
    await stack.stop();
  }
  if (json) console.log(JSON.stringify(report, null, 2));
  else printTable(report);
  if (cpuProf) log('server CPU profile written to .run/bench-profile/ (open in Chrome DevTools → Performance)');
  // Keep-alive sockets of the seeding client would hold the process a few more seconds.
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(`bench:toast failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
