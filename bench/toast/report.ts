/**
 * Summaries, targets and output of the webhook benchmark: a table for people, `--json` for
 * machines. Targets are informational (issue 4 §10, for a 2-core machine): a MISS does not fail
 * the run.
 */
import type { LoadResult } from './load.js';
import { MIX, type MixType } from './mix.js';

export interface Latency { p50: number; p99: number; max: number }

export interface TypeRow extends Latency {
  type: MixType;
  count: number;
  reqPerS: number;
  unexpected: number;
  statuses: Record<number, number>;
  rejectedRedemptions: number;
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
  /** ACCRUE accepted → points posted by the worker, for the load's accruals. */
  accrualPosting: (Latency & { count: number; stillPending: number }) | null;
}

/** Nearest-rank percentiles of `values` (ms). */
export function latency(values: number[]): Latency {
  if (values.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] as number };
}

export function summarize(load: LoadResult): Pick<Report, 'elapsedS' | 'total' | 'totalReqPerS' | 'errors' | 'timeouts' | 'rows' | 'targets'> {
  const rows: TypeRow[] = MIX.map(({ type }) => {
    const s = load.byType.get(type);
    const count = s?.latenciesMs.length ?? 0;
    return {
      type, count, reqPerS: count / load.elapsedS, ...latency(s?.latenciesMs ?? []),
      unexpected: s?.unexpected ?? 0, statuses: s?.statuses ?? {}, rejectedRedemptions: s?.rejectedRedemptions ?? 0,
    };
  });
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const row = (type: MixType): TypeRow => rows.find((r) => r.type === type) as TypeRow;
  const inquire = row('INQUIRE');
  const targets: Target[] = [
    { name: 'INQUIRE throughput', want: '≥ 1000 req/s', got: `${inquire.reqPerS.toFixed(0)} req/s`, pass: inquire.reqPerS >= 1000 },
    { name: 'INQUIRE p99', want: '≤ 50 ms', got: `${inquire.p99.toFixed(1)} ms`, pass: inquire.p99 <= 50 },
    { name: 'REDEEM p99', want: '≤ 100 ms', got: `${row('REDEEM').p99.toFixed(1)} ms`, pass: row('REDEEM').p99 <= 100 },
    { name: 'ACCRUE p99', want: '≤ 100 ms', got: `${row('ACCRUE').p99.toFixed(1)} ms`, pass: row('ACCRUE').p99 <= 100 },
  ];
  return { elapsedS: load.elapsedS, total, totalReqPerS: total / load.elapsedS, errors: load.errors, timeouts: load.timeouts, rows, targets };
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
  console.log(`\nload: ${num(report.elapsedS)} s, ${JSON.stringify(report.settings)}`);
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  console.log('\ntargets (2-core machine, informational):');
  for (const t of report.targets) console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.name.padEnd(20)} want ${t.want.padEnd(13)} got ${t.got}`);
  const a = report.accrualPosting;
  if (a) {
    console.log(`\nACCRUE accepted → posted (worker): ${a.count} accruals, p50 ${num(a.p50, 0)} ms, p99 ${num(a.p99, 0)} ms, max ${num(a.max, 0)} ms` +
      (a.stillPending > 0 ? `; ${a.stillPending} still pending` : ''));
  }
}
