/**
 * Drives the webhook with autocannon (loopback only), one planned request of the mix at a time
 * per connection, and keeps latencies per transaction type. Autocannon only reports aggregate
 * latency, so the type of each answer is handed from its `onResponse` hook to the `response`
 * event that carries the latency: both run synchronously, one right after the other, for the
 * same answer (pipelining 1).
 */
import autocannon from 'autocannon';
import type { MixType, Planner } from './mix.js';

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationS: number;
  /** Hard cap on answers; the run stops early when reached. */
  maxRequests: number;
}

export interface TypeStats {
  latenciesMs: number[];
  /** Answers other than the expected status (every type expects 200 ACCEPT in this mix). */
  unexpected: number;
  statuses: Record<number, number>;
  /** REDEEMs answered ACCEPT with at least one rejected redemption (not an error). */
  rejectedRedemptions: number;
}

export interface LoadResult {
  elapsedS: number;
  byType: Map<MixType, TypeStats>;
  /** Socket errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
}

interface Context { planned?: ReturnType<Planner['next']> }

export async function runLoad(mix: Planner, opts: LoadOptions): Promise<LoadResult> {
  const byType = new Map<MixType, TypeStats>();
  const stats = (type: MixType): TypeStats => {
    let s = byType.get(type);
    if (!s) byType.set(type, (s = { latenciesMs: [], unexpected: 0, statuses: {}, rejectedRedemptions: 0 }));
    return s;
  };
  let answered: TypeStats | null = null;
  let total = 0;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: opts.baseUrl,
      connections: opts.connections,
      pipelining: 1,
      duration: opts.durationS,
      timeout: 10,
      requests: [{
        method: 'POST',
        path: '/toast/loyalty',
        setupRequest: (request, context) => {
          const planned = mix.next();
          (context as Context).planned = planned;
          return { ...request, headers: planned.headers, body: planned.body };
        },
        onResponse: (status, body, context) => {
          const planned = (context as Context).planned;
          if (!planned) return;
          const s = stats(planned.type);
          const outcome = planned.settle(status, body);
          s.statuses[status] = (s.statuses[status] ?? 0) + 1;
          if (!outcome.expected) s.unexpected++;
          if (outcome.rejectedRedemptions) s.rejectedRedemptions++;
          answered = s;
        },
      }],
    }, (err, r) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      const s = answered as TypeStats | null;
      answered = null;
      if (s) s.latenciesMs.push(responseTime);
      if (++total >= opts.maxRequests) instance.stop();
    });
  });
  // Autocannon counts a timeout as an error too.
  const errors = result.errors - result.timeouts;
  const timeouts = result.timeouts;
  return { elapsedS: Number(process.hrtime.bigint() - started) / 1e9, byType, errors, timeouts };
}
