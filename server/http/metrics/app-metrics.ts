/**
 * Perkwire's Prometheus metrics (prom-client). Two registries: the process metrics (CPU, memory,
 * event-loop lag, GC; collected once per process) and one per app holding
 *  - Toast webhook requests by transaction type, transactionStatus and HTTP code, with latency,
 *  - HTTP requests by API (toast, admin, claims, health, metrics, other) and code,
 *  - the accrual backlog (pending count, age of the oldest: the accrual lag),
 *  - BullMQ queue depths by queue and state,
 *  - the last ledger verification (ok, violations, when),
 * the last three read at scrape time from MongoDB and Redis, so they are true for the whole
 * deployment whichever process is scraped. Labels are closed sets: unknown values become OTHER.
 * Under a supervisor (API_PROCESSES > 1) the process and request metrics of every API process
 * are summed by the supervisor (cluster-metrics.ts); the store gauges are read once, here.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { accrualBacklog } from '../../loyalty/accrual/accrual-backlog.js';
import { queueNames } from '../../queues/queues.js';
import type { AppDeps } from '../deps.js';
import { observedQueues } from '../observed-queues.js';
import { isApiProcess } from '../api-processes.js';
import { aggregatedMetrics, offerToSupervisor } from './cluster-metrics.js';

export interface AppMetrics {
  registry: Registry;
  toastRequests: Counter<'type' | 'status' | 'code'>;
  toastDuration: Histogram<'type' | 'status'>;
  httpRequests: Counter<'api' | 'code'>;
  /** Everything, process metrics first, in the Prometheus text format. */
  render(): Promise<string>;
  contentType: string;
}

let processRegistry: Registry | null = null;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Scrape-time reads are bounded: a slow Redis or MongoDB must not hang the scrape. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

const queueStates = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/** What one scrape reads from MongoDB and Redis (absent: that source did not answer). */
interface StoreSnapshot {
  backlog?: { pending: number; oldestPendingSeconds: number };
  queues?: { name: string; counts: Record<string, number> }[];
  verify?: { ok: number; violations: number; finishedAt: number };
}

async function readStores(deps: AppDeps): Promise<StoreSnapshot> {
  const snapshot: StoreSnapshot = {};
  const queues = observedQueues(deps);
  await Promise.all([
    within(2000, accrualBacklog(deps.models, deps.clock.now())).then((b) => { snapshot.backlog = b; }, () => undefined),
    within(2000, Promise.all(queues.map(async (q) => ({ name: q.name, counts: await q.getJobCounts(...queueStates) }))))
      .then((counts) => { snapshot.queues = counts; }, () => undefined),
    within(2000, queues.find((q) => q.name === queueNames.ledgerVerify)!.getJobs(['completed'], 0, 0, false)).then(([last]) => {
      const report = last?.returnvalue as { ok?: boolean; violations?: number } | undefined;
      snapshot.verify = {
        ok: report && typeof report.ok === 'boolean' ? (report.ok ? 1 : 0) : -1,
        violations: typeof report?.violations === 'number' ? report.violations : 0,
        finishedAt: last?.finishedOn ? last.finishedOn / 1000 : 0,
      };
    }, () => undefined),
  ]);
  return snapshot;
}

/**
 * prom-client collects all metrics of a scrape concurrently, so the gauges below share one read
 * of the stores per scrape (reused for a second: concurrent scrapes cost one read).
 */
function storeGauges(registry: Registry, deps: AppDeps): void {
  let last: { at: number; read: Promise<StoreSnapshot> } | null = null;
  const snapshot = (): Promise<StoreSnapshot> => {
    if (!last || Date.now() - last.at > 1000) last = { at: Date.now(), read: readStores(deps) };
    return last.read;
  };
  const gauge = (name: string, help: string, set: (g: Gauge, s: StoreSnapshot) => void, labelNames: string[] = []): void => {
    new Gauge({ name, help, labelNames, registers: [registry], async collect() { set(this, await snapshot()); } });
  };
  gauge('perkwire_accrual_lag_seconds', 'Age of the oldest accepted accrual whose points are not posted yet (0 when none).', (g, s) => { if (s.backlog) g.set(s.backlog.oldestPendingSeconds); });
  gauge('perkwire_accruals_pending', 'Accepted accruals whose points are not posted yet.', (g, s) => { if (s.backlog) g.set(s.backlog.pending); });
  gauge('perkwire_queue_jobs', 'BullMQ jobs by queue and state.', (g, s) => {
    for (const q of s.queues ?? []) for (const state of queueStates) g.set({ queue: q.name, state }, q.counts[state] ?? 0);
  }, ['queue', 'state']);
  gauge('perkwire_ledger_verify_ok', 'Result of the last ledger verification kept by its queue: 1 clean, 0 violations, -1 none kept.', (g, s) => { if (s.verify) g.set(s.verify.ok); });
  gauge('perkwire_ledger_verify_violations', 'Violations found by the last ledger verification.', (g, s) => { if (s.verify) g.set(s.verify.violations); });
  gauge('perkwire_ledger_verify_last_run_timestamp_seconds', 'When the last ledger verification finished (0: none kept).', (g, s) => { if (s.verify) g.set(s.verify.finishedAt); });
  gauge('perkwire_scrape_source_up', 'Whether this scrape could read a source (mongodb, redis).', (g, s) => {
    g.set({ source: 'mongodb' }, s.backlog ? 1 : 0);
    g.set({ source: 'redis' }, s.queues ? 1 : 0);
  }, ['source']);
}

const perDeps = new WeakMap<AppDeps, AppMetrics>();

/** The metrics of one app (the request middleware and GET /metrics share them). */
export function appMetrics(deps: AppDeps): AppMetrics {
  const existing = perDeps.get(deps);
  if (existing) return existing;
  const registry = new Registry();
  const toastRequests = new Counter({
    name: 'perkwire_toast_requests_total', help: 'Toast webhook requests by transaction type, transactionStatus and HTTP status code.',
    labelNames: ['type', 'status', 'code'] as const, registers: [registry],
  });
  const toastDuration = new Histogram({
    name: 'perkwire_toast_request_duration_seconds', help: 'Toast webhook latency by transaction type and transactionStatus (Toast allows 5 s).',
    labelNames: ['type', 'status'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5], registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'perkwire_http_requests_total', help: 'HTTP requests by API and status code.', labelNames: ['api', 'code'] as const, registers: [registry],
  });
  const stores = new Registry();
  storeGauges(stores, deps);
  const process = processMetrics();
  const clustered = isApiProcess();
  if (clustered) offerToSupervisor([process, registry]);
  const metrics: AppMetrics = {
    registry, toastRequests, toastDuration, httpRequests,
    contentType: registry.contentType,
    render: async () => clustered
      ? `${await aggregatedMetrics()}\n${await stores.metrics()}`
      : `${await process.metrics()}\n${await registry.metrics()}\n${await stores.metrics()}`,
  };
  perDeps.set(deps, metrics);
  return metrics;
}
