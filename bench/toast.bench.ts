/**
 * Toast webhook benchmark (issue 4 §10): brings up the test-profile services and the real
 * server, seeds members through the webhook, drives it on loopback with the register's mix
 * (55 % INQUIRE, 25 % ACCRUE, 12 % REDEEM, 5 % SEARCH, 3 % REVERSE) and prints req/s and
 * p50 / p99 / max latency per type, the targets, and ACCRUE → posted latency. Tears it all down.
 *
 *   npm run bench:toast [-- --duration 25 --connections 32 --members 2000 --split-worker --json --cpu-prof]
 *   (--split-worker: workers in a ROLE=worker process of their own, as in production)
 *   --only INQUIRE           one type instead of the mix
 *   --reference DIR          then the same INQUIRE load against Toast's reference implementation
 *                            (a checkout of toasttab/Loyalty-API-example-implementation after npm install)
 *   --api-processes 2       the server's API_PROCESSES (default auto: one per core but one, 1 to 4)
 *   --log-level warn         the server's LOG_LEVEL (default info, as npm start: one line per request,
 *                            written to .run/bench-server.log)
 *   --rate N | --rate 80%    offered load: N req/s at a fixed arrival rate, or 80 % of the req/s a
 *                            saturation run just measured; latency counted from each request's due time
 *
 * Besides latency it prints the server process's CPU per answer (µs, from /proc).
 *
 * Every flag also reads BENCH_<NAME> from the environment (BENCH_DURATION=10 …); --api-processes
 * and --log-level also read the server's own API_PROCESSES and LOG_LEVEL. Exit 0 unless
 * the run itself broke: a missed target is reported, not failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { runLoad } from './toast/load.js';
import { runOfferedLoad } from './toast/offered-load.js';
import { cpuDuring, cpuSplitDuring } from './toast/cpu.js';
import { Mix, MIX, type MixType } from './toast/mix.js';
import { startReference } from './toast/reference.js';
import { latency, printTable, referenceRow, summarize, withPostingTarget, withReference, type Report } from './toast/report.js';
import { countRoundTrips } from './toast/round-trips.js';
import { seed, waitPosted, type BenchMember } from './toast/seed.js';
import { serverSetting, startStack, type Stack } from './toast/stack.js';
import { apiProcessCount } from '../config/index.js';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' },
    members: { type: 'string' }, 'rich-share': { type: 'string' }, 'max-requests': { type: 'string' },
    json: { type: 'boolean' }, 'cpu-prof': { type: 'boolean' }, 'split-worker': { type: 'boolean' },
    only: { type: 'string' }, reference: { type: 'string' }, rate: { type: 'string' }, 'log-level': { type: 'string' },
    'api-processes': { type: 'string' },
  },
});

function setting(name: keyof typeof flags, fallback: number): number {
  const raw = flags[name] ?? process.env[`BENCH_${name.toUpperCase().replace('-', '_')}`];
  const value = raw === undefined || typeof raw === 'boolean' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

/** The server's API_PROCESSES (auto: its default, one per core but one, 1 to 4). */
const apiProcesses = serverSetting(flags['api-processes'], process.env, 'API_PROCESSES') ?? 'auto';
const settings = {
  durationS: setting('duration', 25),
  warmupS: setting('warmup', 3),
  connections: setting('connections', 32),
  members: setting('members', 2000),
  richShare: Math.min(1, setting('rich-share', 0.5)),
  maxRequests: setting('max-requests', 500_000),
  apiProcesses,
  /** What the server makes of it on this machine. */
  apiProcessCount: apiProcessCount(apiProcesses),
  cpus: cpus().length,
  node: process.version,
};
const only = (flags.only ?? process.env.BENCH_ONLY)?.toUpperCase();
if (only !== undefined && !MIX.some((m) => m.type === only)) throw new Error(`--only must be one of ${MIX.map((m) => m.type).join(', ')}`);
const referenceDir = flags.reference ?? process.env.BENCH_REFERENCE;
if (referenceDir !== undefined && only !== 'INQUIRE') throw new Error('--reference compares INQUIREs: use it with --only INQUIRE');
/** `--rate N`: N req/s offered; `--rate P%`: a saturation run first, then P % of its req/s offered. */
const rate = ((): { perS: number } | { percent: number } | null => {
  const raw = flags.rate ?? process.env.BENCH_RATE;
  if (raw === undefined) return null;
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(raw);
  const value = Number(percent ? percent[1] : raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error('--rate must be a positive number of req/s, or a percentage of the measured maximum (80%)');
  return percent ? { percent: value } : { perS: value };
})();
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

/** The same INQUIRE load against Toast's reference implementation, after Perkwire's. */
async function runReference(dir: string): Promise<Report['reference']> {
  const reference = await startReference(dir, log);
  try {
    const load = { baseUrl: reference.baseUrl, connections: settings.connections, maxRequests: settings.maxRequests };
    if (settings.warmupS > 0) await runLoad(reference.inquiries, { ...load, durationS: settings.warmupS });
    log(`reference load: ${settings.durationS} s, ${settings.connections} connections`);
    const { result, cpuMs } = await cpuDuring(reference.pid, () => runLoad(reference.inquiries, { ...load, durationS: settings.durationS }));
    return referenceRow(result, cpuMs);
  } finally {
    await reference.stop();
  }
}

/** The measured loads on the monotonic clock (µs) V8 stamps profile samples with (bench:profile reads them). */
const phases: { name: string; startUs: number; endUs: number }[] = [];
const PROFILE_DIR = '.run/bench-profile';

/** One measured phase: closed-loop saturation (autocannon) or a fixed offered rate. */
async function measure(stack: Stack, conn: mongoose.Connection, mix: Mix, ratePerS: number | null): Promise<Report> {
  const since = new Date();
  const mode = ratePerS === null ? `${settings.connections} connections` : `offered ${ratePerS.toFixed(0)} req/s`;
  log(`load: ${settings.durationS} s, ${mode}${only ? `, ${only} only` : ''}`);
  const startUs = Number(process.hrtime.bigint() / 1000n);
  const { result, cpu } = await cpuSplitDuring({ server: stack.serverPid, database: stack.databasePid, redis: stack.redisPid }, () => (ratePerS === null
    ? runLoad(mix, { baseUrl: stack.baseUrl, connections: settings.connections, maxRequests: settings.maxRequests, durationS: settings.durationS })
    : runOfferedLoad(mix, { baseUrl: stack.baseUrl, ratePerS, durationS: settings.durationS, maxSockets: 256, timeoutMs: 10_000 })));
  phases.push({ name: ratePerS === null ? 'saturation' : `offered ${ratePerS.toFixed(0)} req/s`, startUs, endUs: Number(process.hrtime.bigint() / 1000n) });
  log('waiting for the accrual worker to post the load\'s accruals…');
  const phase = ratePerS === null ? { settings } : { settings: { ...settings, offeredReqPerS: Math.round(ratePerS) } };
  const report: Report = { ...phase, ...summarize(result, cpu.server, ratePerS !== null, cpu), accrualPosting: await accrualPosting(conn, since) };
  return ratePerS === null ? report : withPostingTarget(report);
}

/** Saturation, offered load, or saturation then a share of its rate offered (`--rate 80%`). */
async function run(stack: Stack): Promise<Report[]> {
  const conn = await mongoose.createConnection(stack.mongodbUri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    const seeded = await seed(stack.baseUrl, conn, { members: settings.members, richShare: settings.richShare, width: 32, log });
    const mix = new Mix(seeded.members, seeded.reversible, only as MixType | undefined);
    if (settings.warmupS > 0) {
      log(`warm-up: ${settings.warmupS} s (not measured)`);
      await runLoad(mix, { baseUrl: stack.baseUrl, connections: settings.connections, maxRequests: settings.maxRequests, durationS: settings.warmupS });
      await waitPosted(conn, 60_000);
    }
    const reports = rate && 'perS' in rate ? [await measure(stack, conn, mix, rate.perS)] : [await measure(stack, conn, mix, null)];
    if (rate && 'percent' in rate) reports.push(await measure(stack, conn, mix, ((reports[0] as Report).totalReqPerS * rate.percent) / 100));
    log('counting MongoDB commands per request (one of each type, in-process app with command monitoring)…');
    const rich = seeded.members.find((m) => m.rich) as BenchMember;
    (reports[0] as Report).roundTrips = await countRoundTrips(stack, rich);
    return reports;
  } finally {
    await conn.close();
  }
}

async function main(): Promise<void> {
  const logLevel = serverSetting(flags['log-level'], process.env, 'LOG_LEVEL');
  const stack = await startStack({ log, splitWorker, apiProcesses: settings.apiProcesses, ...(logLevel ? { logLevel } : {}), ...(cpuProf ? { cpuProfDir: PROFILE_DIR } : {}) });
  const interrupt = (): void => { log('interrupted: stopping'); void stack.stop().then(() => process.exit(130)); };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let reports: Report[];
  try {
    reports = await run(stack);
  } finally {
    log('stopping the server and dropping the bench database…');
    await stack.stop();
  }
  // One after the other, never side by side: each gets the whole machine.
  if (referenceDir !== undefined) {
    const reference = await runReference(referenceDir);
    reports = reports.map((r) => withReference(r, reference));
  }
  if (json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else for (const r of reports) printTable(r);
  if (cpuProf) {
    // Beside each profile (the worker's in its own folder): bench:profile reads the measured window from it.
    for (const dir of splitWorker ? [PROFILE_DIR, path.join(PROFILE_DIR, 'worker')] : [PROFILE_DIR]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'phases.json'), JSON.stringify(phases));
    }
    log(`server CPU profile written to ${PROFILE_DIR}/${splitWorker ? `, the worker process's to ${PROFILE_DIR}/worker/` : ''} (npm run bench:profile -- ${PROFILE_DIR}/<file>.cpuprofile, or Chrome DevTools → Performance)`);
  }
  // Keep-alive sockets of the seeding client would hold the process a few more seconds.
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(`bench:toast failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
