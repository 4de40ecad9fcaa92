/**
 * History benchmark (issue 11 §1): does a request cost more for a member with a long ledger?
 * Brings up the test-profile services and the real server (bench/toast/stack.ts), writes cafe
 * (PER_LOT expiry, a per-day limit) members with 10 and with 5,000 ledger entries straight into
 * its database (as data from before the projections: their first request builds them), then
 * drives INQUIRE and REDEEM (a Free Drink, 250 points) at each group in turn (A B B A, half the
 * duration each) and prints req/s and p50 / p99 per group, and the 5,000-entry figures relative to the 10-entry ones (target:
 * within 10 %).
 *
 *   npm run bench:history [-- --duration 12 --connections 4 --entries 5000 --earn-only --cpu-prof --json]
 *   (--earn-only: the long members only earned, never redeemed: every entry an unexpired lot;
 *   --cpu-prof: a V8 profile of the server into .run/bench-profile, for `npm run bench:profile`)
 *
 * One member per connection in each group, so REDEEMs do not queue on one member's ledger.
 * Exit 0 unless the run itself broke: a missed target is reported, not failed.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { CAFE, drinkRedeem } from '../test/support/cafe.js';
import { inquireRequest } from '../test/support/toast-requests.js';
import { memberWithHistory, type HistoryMember } from './history/long-history.js';
import { runLoad } from './toast/load.js';
import type { PlannedRequest } from './toast/mix.js';
import { latency, type Latency } from './toast/report.js';
import { startStack } from './toast/stack.js';

const { values: flags } = parseArgs({
  options: { duration: { type: 'string' }, connections: { type: 'string' }, entries: { type: 'string' }, json: { type: 'boolean' }, 'earn-only': { type: 'boolean' }, 'cpu-prof': { type: 'boolean' } },
});
const num = (name: 'duration' | 'connections' | 'entries', fallback: number): number => {
  const value = Number(flags[name] ?? process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const earnOnly = flags['earn-only'] === true || process.env.BENCH_EARN_ONLY === '1';
const settings = { durationS: num('duration', 12), connections: num('connections', 4), longEntries: num('entries', 5000), shortEntries: 10, earnOnly };
const PROFILE_DIR = resolve('.run/bench-profile');
const log = (line: string): void => { process.stderr.write(`[bench:history] ${line}\n`); };

type Kind = 'INQUIRE' | 'REDEEM';

interface Row extends Latency { kind: Kind; entries: number; count: number; reqPerS: number; unexpected: number }

function planner(kind: Kind, members: HistoryMember[]): { next(): PlannedRequest } {
  let i = 0;
  return {
    next() {
      const m = members[i++ % members.length] as HistoryMember;
      const body = kind === 'INQUIRE' ? inquireRequest(m.loyaltyIdentifier) : drinkRedeem(m);
      const headers = {
        'Content-Type': 'application/json', Authorization: 'dev-toast-key', 'Toast-Restaurant-External-ID': CAFE,
        'Toast-Transaction-Type': `LOYALTY_${kind}`, 'Toast-Transaction-GUID': randomUUID(),
      };
      return { type: kind, headers, body: JSON.stringify(body), settle: (status) => ({ expected: status === 200 }) };
    },
  };
}

/**
 * Drives `kind` at each group in A B B A order (half the duration per run), so that drift on a
 * shared machine (warm-up, other processes) weighs on both groups alike; one row per group.
 */
async function measure(baseUrl: string, kind: Kind, groups: HistoryMember[][]): Promise<Row[]> {
  const acc = groups.map(() => ({ ms: [] as number[], elapsedS: 0, unexpected: 0 }));
  for (const g of [0, 1, 1, 0]) {
    const members = groups[g] as HistoryMember[];
    log(`${kind}: ${settings.durationS / 2} s, ${settings.connections} connections, members with ${members[0]?.entries} entries`);
    const result = await runLoad(planner(kind, members), { baseUrl, connections: settings.connections, durationS: settings.durationS / 2, maxRequests: 1_000_000 });
    const s = result.byType.get(kind);
    const a = acc[g] as (typeof acc)[number];
    a.ms.push(...(s?.latenciesMs ?? []));
    a.elapsedS += result.elapsedS;
    a.unexpected += s?.unexpected ?? 0;
  }
  return acc.map((a, g) => ({
    kind, entries: groups[g]?.[0]?.entries ?? 0, count: a.ms.length, reqPerS: a.ms.length / a.elapsedS, unexpected: a.unexpected, ...latency(a.ms),
  }));
}

async function main(): Promise<void> {
  const stack = await startStack({ log, ...(flags['cpu-prof'] ? { cpuProfDir: PROFILE_DIR } : {}) });
  const rows: Row[] = [];
  try {
    const conn = await mongoose.createConnection(stack.mongodbUri, { serverSelectionTimeoutMS: 5000 }).asPromise();
    const now = new Date();
    const group = async (entries: number): Promise<HistoryMember[]> => {
      const out: HistoryMember[] = [];
      for (let i = 0; i < settings.connections; i++) out.push(await memberWithHistory(conn, { entries, balance: 10_000_000, now, earnOnly }));
      return out;
    };
    const t0 = Date.now();
    const groups = [await group(settings.shortEntries), await group(settings.longEntries)];
    log(`seeded ${settings.connections} members with ${settings.shortEntries} and ${settings.connections} with ${settings.longEntries} ledger entries in ${Date.now() - t0} ms`);
    await conn.close();
    // The first request of each member builds its projections once (not measured).
    for (const m of groups.flat()) {
      const p = planner('INQUIRE', [m]).next();
      await fetch(`${stack.baseUrl}/toast/loyalty`, { method: 'POST', headers: p.headers, body: p.body });
    }
    for (const kind of ['INQUIRE', 'REDEEM'] as const) rows.push(...await measure(stack.baseUrl, kind, groups));
  } finally {
    log('stopping the server and dropping the bench database…');
    await stack.stop();
  }
  print(rows);
  process.exit(0);
}

function print(rows: Row[]): void {
  if (flags.json) {
    console.log(JSON.stringify({ settings, rows }, null, 2));
    return;
  }
  const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log(`\nsettings: ${JSON.stringify(settings)}`);
  console.log('type     entries   count   req/s  p50 ms  p99 ms  max ms  non-2xx');
  for (const r of rows) {
    console.log(`${r.kind.padEnd(8)} ${String(r.entries).padStart(7)} ${String(r.count).padStart(7)} ${f(r.reqPerS, 0).padStart(7)} ${f(r.p50).padStart(7)} ${f(r.p99).padStart(7)} ${f(r.max).padStart(7)} ${String(r.unexpected).padStart(8)}`);
  }
  console.log('\n5,000 entries vs 10 (target: within 10 %, informational):');
  for (const kind of ['INQUIRE', 'REDEEM'] as const) {
    const [short, long] = rows.filter((r) => r.kind === kind);
    if (!short || !long) continue;
    const tput = long.reqPerS / short.reqPerS - 1;
    const p50 = long.p50 / short.p50 - 1;
    const pass = Math.abs(tput) <= 0.1 || tput > 0;
    console.log(`  ${pass ? 'PASS' : 'MISS'}  ${kind.padEnd(8)} req/s ${(tput * 100).toFixed(1)} %, p50 ${(p50 * 100).toFixed(1)} %, p99 ${((long.p99 / short.p99 - 1) * 100).toFixed(1)} %`);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:history failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
