/**
 * `GET /metrics` when several API processes serve (API_PROCESSES > 1). A scrape lands on one
 * of them, but request counters and latency histograms live in each process, so the one
 * scraped asks the supervisor, which collects every API process's counters and process metrics
 * (prom-client's AggregatorRegistry: counters and histograms summed, per-process gauges combined
 * by their own aggregator) and answers over the cluster channel.
 */
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'perkwire:metrics-request';
const ANSWER = 'perkwire:metrics-answer';
/** Below prom-client's own 5 s collection timeout: a stuck process fails the scrape, not hangs it. */
const ANSWER_TIMEOUT_MS = 6000;

interface MetricsRequest { type: typeof REQUEST; id: string }
interface MetricsAnswer { type: typeof ANSWER; id: string; text?: string; error?: string }

const isRequest = (m: unknown): m is MetricsRequest => (m as { type?: unknown } | null)?.type === REQUEST;
const isAnswer = (m: unknown): m is MetricsAnswer => (m as { type?: unknown } | null)?.type === ANSWER;

let answering = false;

/** In the supervisor: answers API processes' requests for the aggregated metrics. Idempotent. */
export function answerMetricsRequests(): void {
  if (answering) return;
  answering = true;
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRequest(message)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text } satisfies MetricsAnswer),
      (err: unknown) => worker.send({ type: ANSWER, id: message.id, error: err instanceof Error ? err.message : String(err) } satisfies MetricsAnswer),
    );
  });
}

let offered = false;

/** In an API process: the registries the supervisor collects from it (set once, on first use). */
export function offerToSupervisor(registries: Registry[]): void {
  if (offered || !cluster.isWorker) return;
  offered = true;
  // Constructing one installs prom-client's listener that answers the supervisor's collection.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries(registries);
}

/** In an API process: every API process's metrics, aggregated by the supervisor. */
export function aggregatedMetrics(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = randomUUID();
    const onMessage = (message: unknown): void => {
      if (!isAnswer(message) || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.text !== undefined) resolve(message.text);
      else reject(new Error(`the supervisor could not collect the metrics: ${message.error ?? 'no answer'}`));
    };
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error(`the supervisor did not answer within ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
    process.on('message', onMessage);
    process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
  });
}
