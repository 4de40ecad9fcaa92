/**
 * `GET /metrics`: Toast requests by type, transactionStatus and code with latency, HTTP requests
 * by API, the accrual lag, queue depths, the last ledger verification, process metrics; and its
 * own access setting (loopback by default, a token for others).
 */
import { expect } from 'chai';
import { Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { acceptAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';
import { metricsAccess } from '../../../server/http/metrics/metrics-route.js';
import { runLedgerVerification } from '../../../workers/ledger-verify.scheduler.js';
import { closeRedis, workerConnection } from '../../../server/queues/connections.js';
import { queueNames } from '../../../server/queues/queues.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { DEMO_RESTAURANT_GUID, inquireRequest, paidCheck, searchRequest, selection } from '../../support/toast-requests.js';

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('GET /metrics', function () {
  this.timeout(30000);
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'metrics' }); });
  after(async () => { await t.close(); });

  /** Store readings are reused for a second (one read per scrape); each test wants fresh ones. */
  const scrape = async () => {
    await new Promise((r) => setTimeout(r, 1100));
    return (await request(t.app).get('/metrics').expect(200)).text;
  };

  it('counts and times Toast requests by transaction type, transactionStatus and HTTP code', async () => {
    const member = await seedMember(t.deps, { points: 10 });
    await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier));
    await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('no-such-member'));
    await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '5550000000' }));
    await request(t.app).post('/toast/loyalty').set({ 'Toast-Transaction-Type': 'LOYALTY_NOPE', Authorization: 'dev-toast-key' }).send({});
    const text = await scrape();
    expect(sample(text, 'perkwire_toast_requests_total', { type: 'LOYALTY_INQUIRE', status: 'ACCEPT', code: '200' })).to.equal(1);
    expect(sample(text, 'perkwire_toast_requests_total', { type: 'LOYALTY_INQUIRE', status: 'ERROR_ACCOUNT_INVALID' })).to.equal(1);
    expect(sample(text, 'perkwire_toast_requests_total', { type: 'LOYALTY_SEARCH' })).to.equal(1);
    expect(sample(text, 'perkwire_toast_requests_total', { type: 'OTHER' })).to.equal(1);
    expect(sample(text, 'perkwire_toast_request_duration_seconds_count', { type: 'LOYALTY_INQUIRE', status: 'ACCEPT' })).to.equal(1);
    expect(sample(text, 'perkwire_toast_request_duration_seconds_bucket', { type: 'LOYALTY_INQUIRE', status: 'ACCEPT', le: '5' })).to.equal(1);
    expect(sample(text, 'perkwire_http_requests_total', { api: 'toast' })).to.be.greaterThan(0);
  });

  it('exposes process metrics', async () => {
    const text = await scrape();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(sample(text, name), name).to.be.a('number');
    }
  });

  it('reports the accrual lag and the queue depths', async () => {
    const before = await scrape();
    expect(sample(before, 'perkwire_accrual_lag_seconds')).to.equal(0);
    const member = await seedMember(t.deps);
    const accepted = await acceptAccrual({ models: t.deps.models, logger: t.deps.logger, queues: t.deps.queues }, {
      programId: 'demo', locationGuid: DEMO_RESTAURANT_GUID, transactionGuid: randomUUID(), member,
      check: normalizeToastCheck(paidCheck({ selections: [selection({ price: 12 })] })), now: new Date(t.clock.now().getTime() - 90_000),
    });
    expect(await accepted.queued, 'the job is in the queue').to.equal(true);
    const text = await scrape();
    expect(sample(text, 'perkwire_accruals_pending')).to.equal(1);
    expect(sample(text, 'perkwire_accrual_lag_seconds')).to.equal(90);
    expect(sample(text, 'perkwire_queue_jobs', { queue: 'accrual', state: 'waiting' })).to.equal(1);
    expect(sample(text, 'perkwire_queue_jobs', { queue: 'expiry', state: 'failed' })).to.equal(0);
    expect(sample(text, 'perkwire_scrape_source_up', { source: 'redis' })).to.equal(1);
  });

  it('reports the last ledger verification', async () => {
    expect(sample(await scrape(), 'perkwire_ledger_verify_ok')).to.equal(-1);
    const connection = workerConnection(t.deps.config.redisUrl);
    const prefix = t.deps.config.queuePrefix;
    const worker = new Worker(queueNames.ledgerVerify, () => runLedgerVerification(t.deps), { connection, prefix });
    const queue = new Queue(queueNames.ledgerVerify, { connection, prefix });
    const done = new Promise((resolve) => worker.once('completed', resolve));
    await queue.add('verify', {});
    await done;
    await worker.close();
    await queue.close();
    await closeRedis(connection);
    const text = await scrape();
    expect(sample(text, 'perkwire_ledger_verify_ok')).to.equal(1);
    expect(sample(text, 'perkwire_ledger_verify_violations')).to.equal(0);
    expect(sample(text, 'perkwire_ledger_verify_last_run_timestamp_seconds')).to.be.greaterThan(0);
  });
});

describe('GET /metrics access', () => {
  it('serves loopback clients by default and refuses others unless METRICS_TOKEN is set and presented', () => {
    const config = (over: object) => ({ metricsToken: '', metricsLoopbackOpen: true, ...over }) as never;
    expect(metricsAccess(config({}), '127.0.0.1', undefined)).to.equal('ALLOWED');
    expect(metricsAccess(config({}), '::1', undefined)).to.equal('ALLOWED');
    expect(metricsAccess(config({}), '10.0.0.7', undefined)).to.equal('LOOPBACK_ONLY');
    expect(metricsAccess(config({ metricsToken: 'scrape-token' }), '10.0.0.7', 'Bearer scrape-token')).to.equal('ALLOWED');
    expect(metricsAccess(config({ metricsToken: 'scrape-token' }), '10.0.0.7', 'Bearer wrong')).to.equal('NEEDS_TOKEN');
    expect(metricsAccess(config({ metricsToken: 'scrape-token', metricsLoopbackOpen: false }), '127.0.0.1', undefined)).to.equal('NEEDS_TOKEN');
  });

  it('answers 401/403 in the API error format', async () => {
    const closed = await startTestApp({ dbPrefix: 'metrics', env: { METRICS_LOOPBACK_OPEN: 'false', METRICS_TOKEN: 'scrape-token' } });
    const noToken = await startTestApp({ dbPrefix: 'metrics', env: { METRICS_LOOPBACK_OPEN: 'false' } });
    try {
      expect((await request(closed.app).get('/metrics')).status).to.equal(401);
      expect((await request(closed.app).get('/metrics').set('Authorization', 'Bearer nope')).body.error.code).to.equal('UNAUTHORIZED');
      expect((await request(closed.app).get('/metrics').set('Authorization', 'Bearer scrape-token')).status).to.equal(200);
      const refused = await request(noToken.app).get('/metrics');
      expect(refused.status).to.equal(403);
      expect(refused.body.error.code).to.equal('FORBIDDEN');
    } finally {
      await closed.close();
      await noToken.close();
    }
  });
});
