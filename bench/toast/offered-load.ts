/**
 * Offered load (`bench:toast --rate N`): requests arrive at a fixed rate, N per second, whatever
 * the server's pace — as registers do — instead of each connection waiting for its answer
 * (autocannon's closed loop, which measures saturation). A request's latency runs from the
 * moment it was due to its last byte, so time spent waiting for a free socket counts
 * (no coordinated omission). Sockets are kept alive and capped; a request past the cap waits.
 */
import { Agent, request } from 'node:http';
import type { LoadResult, TypeStats } from './load.js';
import type { MixType, Planner, PlannedRequest } from './mix.js';

export interface OfferedLoadOptions {
  baseUrl: string;
  ratePerS: number;
  durationS: number;
  /** Open sockets at most; requests beyond wait for one (their wait is part of their latency). */
  maxSockets: number;
  timeoutMs: number;
}

interface Answer { status: number; body: string }

function send(agent: Agent, url: URL, planned: PlannedRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: planned.headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(planned.body);
  });
}

export async function runOfferedLoad(mix: Planner, opts: OfferedLoadOptions): Promise<LoadResult> {
  const url = new URL('/toast/loyalty', opts.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets });
  const byType = new Map<MixType, TypeStats>();
  const stats = (type: MixType): TypeStats => {
    let s = byType.get(type);
    if (!s) byType.set(type, (s = { latenciesMs: [], unexpected: 0, statuses: {}, rejectedRedemptions: 0 }));
    return s;
  };
  let errors = 0;
  let timeouts = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.round(opts.ratePerS * opts.durationS);
  const intervalMs = 1000 / opts.ratePerS;
  const fire = (dueAt: number): void => {
    const planned = mix.next();
    const p = send(agent, url, planned, opts.timeoutMs).then((answer) => {
      const s = stats(planned.type);
      s.latenciesMs.push(performance.now() - dueAt);
      s.statuses[answer.status] = (s.statuses[answer.status] ?? 0) + 1;
      const outcome = planned.settle(answer.status, answer.body);
      if (!outcome.expected) s.unexpected++;
      if (outcome.rejectedRedemptions) s.rejectedRedemptions++;
    }, (err: unknown) => {
      if (err instanceof Error && err.message === 'timeout') timeouts++; else errors++;
    }).finally(() => { inFlight.delete(p); });
    inFlight.add(p);
  };
  let sent = 0;
  while (sent < total) {
    // Everything due by now goes out now; each keeps its own due time as the start of its latency.
    const now = performance.now();
    while (sent < total && started + sent * intervalMs <= now) fire(started + sent++ * intervalMs);
    const nextDue = started + sent * intervalMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextDue - performance.now())));
  }
  const sendingS = (performance.now() - started) / 1000;
  await Promise.all([...inFlight]);
  agent.destroy();
  // Answers per second of the arrival window: equal to the rate when the server keeps up.
  return { elapsedS: sendingS, byType, errors, timeouts };
}
