/**
 * The workers' publish watcher: a due scheduled activation is applied by its tick, and the
 * per-program expiry/tier schedulers follow the active versions (removed when a version needs no
 * daily run, back with the new timezone when one does), without a restart.
 */
import { expect } from 'chai';
import { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import { closeRedis, workerConnection } from '../../../server/queues/connections.js';
import { expiryPattern } from '../../../workers/expiry.scheduler.js';
import { activeVersionsFingerprint } from '../../../server/loyalty/programs/active-versions.js';
import { watchOnce } from '../../../workers/program-publish.sweeper.js';
import { queueNames } from '../../../server/queues/queues.js';
import type { TestApp } from '../../support/app.js';
import { admin, startAdminApp } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function demo(label: string, change: (file: Json) => void): Json {
  const file = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;
  file.version = label;
  change(file);
  return file;
}

describe('workers: publish watcher', () => {
  let t: TestApp;
  let queue: Queue;
  let connection: ReturnType<typeof workerConnection>;
  const schedulers = async () => Object.fromEntries((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, `${s.pattern} ${s.tz}`]));

  before(async () => {
    t = await startAdminApp();
    connection = workerConnection(t.deps.config.redisUrl);
    queue = new Queue(queueNames.expiry, { connection, prefix: t.deps.config.queuePrefix });
  });
  after(async () => {
    await queue.close();
    await closeRedis(connection);
    await t.close();
  });

  it('keeps the expiry schedulers in line with the active versions', async () => {
    let last = await watchOnce(t.deps.models, queue, t.clock.now(), '', t.deps.logger);
    expect(await schedulers()).to.deep.equal({ 'expiry-cafe': `${expiryPattern} America/Chicago`, 'expiry-demo': `${expiryPattern} America/New_York` });

    await admin(t, 'post', '/admin/v1/programs/demo/versions').send(demo('no-expiry', (f) => { f.policies.expiry = { mode: 'NONE' }; })).expect(201);
    await admin(t, 'post', '/admin/v1/programs/demo/versions/no-expiry/activate').expect(200);
    last = await watchOnce(t.deps.models, queue, t.clock.now(), last, t.deps.logger);
    expect(await schedulers()).to.deep.equal({ 'expiry-cafe': `${expiryPattern} America/Chicago` });

    await admin(t, 'post', '/admin/v1/programs/demo/versions').send(demo('denver', (f) => { f.locations[0].timezone = 'America/Denver'; })).expect(201);
    await admin(t, 'post', '/admin/v1/programs/demo/versions/denver/activate').expect(200);
    last = await watchOnce(t.deps.models, queue, t.clock.now(), last, t.deps.logger);
    expect(await schedulers()).to.deep.include({ 'expiry-demo': `${expiryPattern} America/Denver` });
    expect(last).to.equal(await activeVersionsFingerprint(t.deps.models));
  });

  it('applies a due scheduled activation on its tick', async () => {
    const at = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await admin(t, 'post', '/admin/v1/programs/demo/versions/no-expiry/activate').send({ at }).expect(202);
    const before = await activeVersionsFingerprint(t.deps.models);
    expect(await watchOnce(t.deps.models, queue, t.clock.now(), before, t.deps.logger)).to.equal(before);
    t.clock.advance(60_000);
    await watchOnce(t.deps.models, queue, t.clock.now(), before, t.deps.logger);
    expect((await admin(t, 'get', '/admin/v1/programs/demo')).body.program.activeVersion).to.equal('no-expiry');
    expect(await schedulers()).to.not.have.property('expiry-demo');
  });
});
