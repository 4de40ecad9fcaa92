/**
 * bench:toast's offered-load mode (issue 11 §5, bench/toast/offered-load.ts) against a local
 * HTTP server whose pace the test sets: requests go out at the offered rate whatever the
 * server's pace, and a request's latency runs from when it was due (waiting for a socket counts:
 * no coordinated omission). Margins are wide: this checks the schedule, not anyone's speed.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runOfferedLoad } from '../../../bench/toast/offered-load.js';
import type { Planner } from '../../../bench/toast/mix.js';

const inquiries: Planner = {
  next: () => ({ type: 'INQUIRE', headers: { 'Content-Type': 'application/json' }, body: '{}', settle: (status) => ({ expected: status === 200 }) }),
};

/** A server answering 200 after `delayMs`, recording when each request arrived. */
async function slowServer(delayMs: number): Promise<{ server: Server; baseUrl: string; arrivals: number[] }> {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    req.on('end', () => setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals };
}

describe('bench:toast offered load (--rate)', function () {
  this.timeout(20_000);

  it('sends at the offered rate even when every answer takes 150 ms (an open loop, not the server\'s pace)', async () => {
    const { server, baseUrl, arrivals } = await slowServer(150);
    try {
      const result = await runOfferedLoad(inquiries, { baseUrl, ratePerS: 100, durationS: 1, maxSockets: 256, timeoutMs: 5000 });
      const stats = result.byType.get('INQUIRE');
      expect(stats?.latenciesMs).to.have.length(100);
      expect(arrivals).to.have.length(100);
      // 100 arrivals spread over the second (a closed loop of a few connections would need 15 s).
      const spanMs = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0);
      expect(spanMs).to.be.within(800, 1400);
      expect(Math.min(...(stats?.latenciesMs ?? []))).to.be.at.least(145);
    } finally {
      server.close();
    }
  });

  it('counts the wait for a socket in the latency: one socket, 50 ms answers, 50 offered per second', async () => {
    const { server, baseUrl } = await slowServer(50);
    try {
      // 20 requests due over 0.4 s; one socket serves one every 50 ms, so the last waits ~0.6 s.
      const result = await runOfferedLoad(inquiries, { baseUrl, ratePerS: 50, durationS: 0.4, maxSockets: 1, timeoutMs: 5000 });
      const latencies = result.byType.get('INQUIRE')?.latenciesMs ?? [];
      expect(latencies).to.have.length(20);
      expect(Math.max(...latencies), 'measured from the due time, not from when a socket was free').to.be.at.least(450);
    } finally {
      server.close();
    }
  });
});
