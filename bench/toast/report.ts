/**
 * Summaries, targets and output of the webhook benchmark: a table for people, `--json` for
 * machines. Targets are informational (issue 4 §10, for a 2-core machine): a MISS does not fail
 * the run.
 */
import type { CpuSplit } from './cpu.js';
import type { LoadResult } from './load.js';
import { MIX, type MixType } from './mix.js';
import type { RoundTrips } from './round-trips.js';

export interface Latency { p50: number; p99: number; max: number }

export interface TypeRow extends Latency {
  type: MixType;
  count: number;
  reqPerS: number;
  unexpected: number;
  statuses: Record<number, number>;
  rejectedRedemptions: number;
}

export interface ReferenceRow extends Latency {
  count: number;
  reqPerS: number;
  unexpected: number;
  cpuUsPerRequest: number | null;
}

export interface Target { name: string; want: string; got: string; pass: boolean }

export interface Report {
  settings: Record<string, unknown>;
  elapsedS: number;
  totalReqPerS: number;
  total: number;
  errors: number;
  timeouts: number;
  rows: TypeRow[];
  targets: Target[];
  /** CPU time of the server process during the measured load, per answer (µs); null off Linux. */
  serverCpu: { ms: number; usPerRequest: number } | null;
  /** µs of CPU per answer of every process on the machine's load path: where the 2 cores went. */
  cpuSplit?: Record<'server' | 'database' | 'redis' | 'driver', number | null> | undefined;
  /** Toast's reference implementation under the same INQUIRE load (`--reference`). */
  reference?: ReferenceRow;
  /** ACCRUE accepted → points posted by the worker, for the load's accruals. */
  accrualPosting: (Latency & { count: number; stillPending: number }) | null;
  /** MongoDB commands one request of each type sent (round-trips.ts), against the issue 11 §2 budget. */
  roundTrips?: RoundTrips;
}

/** Nearest-rank percentiles of `values` (ms). */
export function latency(values: number[]): Latency {
  if (values.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] as number };
}

/** The issue 11 targets for the rows this run has (a type not in the load has no target). */
function targetsFor(rows: TypeRow[], offered: boolean): Target[] {
  const row = (type: MixType): TypeRow | undefined => rows.find((r) => r.type === type && r.count > 0);
  const targets: Target[] = [];
  const inquire = row('INQUIRE');
  // Throughput at an offered rate is the rate: only saturation shows what the server can do.
  if (inquire && !offered) {
    targets.push({ name: 'INQUIRE throughput', want: '≥ 1500 req/s', got: `${inquire.reqPerS.toFixed(0)} req/s`, pass: inquire.reqPerS >= 1500 });
    targets.push({ name: 'INQUIRE p99', want: '≤ 50 ms', got: `${inquire.p99.toFixed(1)} ms`, pass: inquire.p99 <= 50 });
  }
  for (const type of ['REDEEM', 'ACCRUE'] as const) {
    const r = row(type);
    if (r) targets.push({ name: `${type} p99`, want: '≤ 100 ms', got: `${r.p99.toFixed(1)} ms`, pass: r.p99 <= 100 });
  }
  return targets;
}

export function summarize(load: LoadResult, serverCpuMs: number | null = null, offered = false, split?: CpuSplit): Omit<Report, 'settings' | 'accrualPosting'> {
  const rows: TypeRow[] = MIX.map(({ type }) => {
    const s = load.byType.get(type);
    const count = s?.latenciesMs.length ?? 0;
    return {
      type, count, reqPerS: count / load.elapsedS, ...latency(s?.latenciesMs ?? []),
      unexpected: s?.unexpected ?? 0, statuses: s?.statuses ?? {}, rejectedRedemptions: s?.rejectedRedemptions ?? 0,
    };
  });
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const serverCpu = serverCpuMs === null || total === 0 ? null : { ms: serverCpuMs, usPerRequest: (serverCpuMs * 1000) / total };
  const perAnswer = (ms: number | null): number | null => (ms === null || total === 0 ? null : (ms * 1000) / total);
  const cpuSplit = split && { server: perAnswer(split.server), database: perAnswer(split.database), redis: perAnswer(split.redis), driver: perAnswer(split.driver) };
  return { elapsedS: load.elapsedS, total, totalReqPerS: total / load.elapsedS, errors: load.errors, timeouts: load.timeouts, rows, targets: targetsFor(rows, offered), serverCpu, cpuSplit };
}

/** At an offered load, the accrual worker must keep up: ACCRUE accepted → posted p99 ≤ 1 s (issue 11 §5). */
export function withPostingTarget(report: Report): Report {
  const a = report.accrualPosting;
  if (!a || a.count === 0) return report;
  const pass = a.p99 <= 1000 && a.stillPending === 0;
  const target: Target = { name: 'ACCRUE posted p99', want: '≤ 1000 ms', got: `${a.p99.toFixed(0)} ms${a.stillPending ? `, ${a.stillPending} pending` : ''}`, pass };
  return { ...report, targets: [...report.targets, target] };
}

/** The reference's INQUIRE figures from its load. */
export function referenceRow(load: LoadResult, cpuMs: number | null): ReferenceRow {
  const s = load.byType.get('INQUIRE');
  const count = s?.latenciesMs.length ?? 0;
  return {
    count, reqPerS: count / load.elapsedS, ...latency(s?.latenciesMs ?? []), unexpected: (s?.unexpected ?? 0) + load.errors + load.timeouts,
    cpuUsPerRequest: cpuMs === null || count === 0 ? null : (cpuMs * 1000) / count,
  };
}

/** The report with the reference's row and the "≥ 3× the reference" target. */
export function withReference(report: Report, reference: ReferenceRow | undefined): Report {
  const inquire = report.rows.find((r) => r.type === 'INQUIRE');
  if (!reference || !inquire) return report;
  const ratio = inquire.reqPerS / reference.reqPerS;
  const target: Target = { name: 'INQUIRE vs reference', want: '≥ 3× Toast\'s', got: `${ratio.toFixed(2)}×`, pass: ratio >= 3 };
  return { ...report, reference, targets: [...report.targets, target] };
}

const num = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

export function printTable(report: Report): void {
  const head = ['type', 'count', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'statuses'];
  const lines = report.rows.map((r) => [
    r.type, String(r.count), num(r.reqPerS, 0), num(r.p50), num(r.p99), num(r.max), String(r.unexpected),
    Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ') + (r.type === 'REDEEM' ? ` (${r.rejectedRedemptions} with rejections)` : ''),
  ]);
  lines.push(['ALL', String(report.total), num(report.totalReqPerS, 0), '', '', '', String(report.rows.reduce((s, r) => s + r.unexpected, 0)), `errors ${report.errors}, timeouts ${report.timeouts}`]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const offered = report.settings.offeredReqPerS;
  console.log(`\n${offered === undefined ? 'load (saturation)' : `load (offered ${String(offered)} req/s)`}: ${num(report.elapsedS)} s, ${JSON.stringify(report.settings)}`);
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  const ref = report.reference;
  if (ref) {
    console.log(`REFERENCE INQUIRE (Toast's example implementation): ${ref.count} answers, ${num(ref.reqPerS, 0)} req/s, p50 ${num(ref.p50)} ms, p99 ${num(ref.p99)} ms, max ${num(ref.max)} ms, ` +
      `non-200 ${ref.unexpected}, CPU ${ref.cpuUsPerRequest === null ? '-' : num(ref.cpuUsPerRequest, 0)} µs/request`);
  }
  const cpu = report.serverCpu;
  if (cpu) console.log(`server CPU: ${num(cpu.ms, 0)} ms during the load, ${num(cpu.usPerRequest, 0)} µs per answer (user + system, /proc)`);
  const split = report.cpuSplit;
  if (split) {
    const part = (name: string, us: number | null): string => `${name} ${us === null ? '-' : num(us, 0)}`;
    console.log(`CPU µs per answer by process: ${part('server', split.server)}, ${part('database server', split.database)}, ${part('redis', split.redis)}, ${part('load driver', split.driver)}`);
  }
  console.log('\ntargets (2-core machine, informational):');
  for (const t of report.targets) console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.name.padEnd(20)} want ${t.want.padEnd(13)} got ${t.got}`);
  const a = report.accrualPosting;
  if (a) {
    console.log(`\nACCRUE accepted → posted (worker): ${a.count} accruals, p50 ${num(a.p50, 0)} ms, p99 ${num(a.p99, 0)} ms, max ${num(a.max, 0)} ms` +
      (a.stillPending > 0 ? `; ${a.stillPending} still pending` : ''));
  }
  if (report.roundTrips) {
    console.log('\nMongoDB commands per request (budget, issue 11 §2):');
    for (const [label, r] of Object.entries(report.roundTrips)) {
      console.log(`  ${r.commands <= r.budget ? 'PASS' : 'MISS'}  ${label.padEnd(17)} ${String(r.commands).padStart(2)} (≤ ${r.budget})  ${r.sent}`);
    }
  }
}
