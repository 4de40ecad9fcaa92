/**
 * Backtest benchmark (`npm run bench:backtest`): seeds stored checks (accrual documents as the
 * ACCRUE pipeline writes them) over 30 days into a database of its own, then backtests the
 * draft `rules/drafts/demo-double-tuesdays.json` over them and reports checks/s and the live
 * heap. Target: 100,000 checks in at most 60 s on a 2-core machine with the embedded database.
 *   --checks 100000  --members 5000  --days 30
 *   --db <name> --keep   seed into that database and keep it (e.g. to try the README example)
 * Runs against the test-profile services unless MONGODB_URI is set.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import mongoose from 'mongoose';
import { publishProgramsFromDir } from '../server/loyalty/programs/programs.js';
import { parseRange } from '../server/replay/backtest-range.js';
import { runBacktest } from '../server/replay/backtest.js';
import { activeRuleSet, draftRuleSet } from '../server/replay/rule-sets.js';
import { registerModels } from '../server/store/models/index.js';
import { seedStoredChecks } from '../test/support/stored-checks.js';
import { startServices, withDatabase } from './toast/stack.js';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback;
}

const DRAFT = 'rules/drafts/demo-double-tuesdays.json';

async function main(): Promise<void> {
  const checks = Number(flag('checks', '100000'));
  const members = Number(flag('members', '5000'));
  const days = Number(flag('days', '30'));
  const keep = process.argv.includes('--keep');
  const db = flag('db', `bench_backtest_${randomBytes(4).toString('hex')}`);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const services = await startServices((line) => console.error(line));
  const conn = await mongoose.createConnection(withDatabase(services.mongodbUri, db)).asPromise();
  try {
    const models = await registerModels(conn);
    await publishProgramsFromDir(models, 'rules/programs', new Date('2026-10-01T00:00:00Z'));
    console.log(`load before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
    let t0 = Date.now();
    await seedStoredChecks(models, { count: checks, from: new Date('2026-10-01T04:00:00Z'), days, members });
    console.log(`seeded ${checks} stored checks of ${members} members over ${days} days in ${((Date.now() - t0) / 1000).toFixed(1)} s (database ${db})`);
    const current = await activeRuleSet(models, 'demo');
    const draft = await draftRuleSet(DRAFT, 'demo');
    const range = parseRange('2026-10-01', '2026-10-31', 'America/New_York');
    if (!current.ok || !draft.ok || !range.ok) throw new Error('bench setup failed');
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    t0 = Date.now();
    const report = await runBacktest(models, {
      programId: 'demo', current: current.ruleSet, draft: draft.ruleSet, range: range.range, progressEvery: 10_000,
      onProgress: () => { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); },
    });
    const secs = (Date.now() - t0) / 1000;
    const n = report.totals.current.checks;
    console.log(`backtest: ${n} checks in ${secs.toFixed(1)} s = ${Math.round(n / secs)} checks/s; live heap +${((peak - base) / 1e6).toFixed(1)} MB at most`);
    console.log(`points: current ${report.totals.current.pointsIssued}, draft ${report.totals.draft.pointsIssued} (${report.totals.change.percent}%)`);
    console.log(`target (100,000 checks in ≤ 60 s): ${n >= 100_000 && secs <= 60 ? 'met' : n < 100_000 ? `not measured at full size (${n} checks)` : 'NOT met'}`);
    console.log(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    if (!keep) await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
}

main().then(() => process.exit(0), (err: unknown) => { console.error(err); process.exit(1); });
