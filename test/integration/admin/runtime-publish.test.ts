/**
 * Runtime publish across processes: a version activated through the admin API (in this test's
 * process) is used by a second, separately started API process (ROLE=api) within 5 s, without a
 * restart; a scheduled activation is applied by a worker process (ROLE=worker) and reaches the
 * API process within 5 s of its time. The second process boots with the same rule files: boot
 * publishing must not undo the API's activation.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { PerkwireProcess, freePort } from '../../faults/support/processes.js';
import { seedMember } from '../../support/members.js';
import { serviceUrls } from '../../support/services.js';
import { check, inquireRequest, selection, toastHeaders } from '../../support/toast-requests.js';
import type { TestApp } from '../../support/app.js';
import { admin, startAdminApp } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** demo.json with "$10 off" at `cost` points, as version `label`. */
function tenOffAt(label: string, cost: number): Json {
  const file = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;
  file.version = label;
  file.rewards.find((r: Json) => r.id === 'ten-off').pointsCost = cost;
  return file;
}

/** Whether an INQUIRE of a $25 check offers "$10 off" as applicable (the member has 200 points). */
async function tenOffApplicable(baseUrl: string, loyaltyIdentifier: string): Promise<boolean> {
  const body = JSON.stringify(inquireRequest(loyaltyIdentifier, { check: check({ selections: [selection({ price: 25 })] }) }));
  const res = await fetch(`${baseUrl}/toast/loyalty`, { method: 'POST', headers: toastHeaders('LOYALTY_INQUIRE'), body });
  const answer = await res.json() as Json;
  const offers = (answer.checkResponse?.offers ?? answer.offers ?? []) as Json[];
  const tenOff = offers.find((o) => o.identifier === 'ten-off');
  if (!tenOff) throw new Error(`no ten-off offer in ${JSON.stringify(answer).slice(0, 300)}`);
  return tenOff.applicable === true;
}

/** Polls until `probe` answers `want`; answers the milliseconds it took from `since`. */
async function msUntil(probe: () => Promise<boolean>, want: boolean, since: number, limitMs = 10_000): Promise<number> {
  for (;;) {
    if ((await probe()) === want) return Date.now() - since;
    if (Date.now() - since > limitMs) throw new Error(`still ${!want} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('admin API: runtime publish reaches other processes', function () {
  this.timeout(90_000);
  let t: TestApp;
  let api: PerkwireProcess;
  let worker: PerkwireProcess;
  let member: string;

  before(async () => {
    t = await startAdminApp({}, new Date().toISOString());
    const mongodbUri = `${serviceUrls().mongodbUri.replace(/\/[^/]*$/, '')}/${t.deps.conn.name}`;
    const common = { mongodbUri, redisUrl: serviceUrls().redisUrl, queuePrefix: t.deps.config.queuePrefix };
    api = new PerkwireProcess({ ...common, role: 'api', port: await freePort() });
    worker = new PerkwireProcess({ ...common, role: 'worker', env: { LOG_LEVEL: 'info' } });
    member = (await seedMember(t.deps, { points: 200 })).loyaltyIdentifier;
    await admin(t, 'post', '/admin/v1/programs/demo/versions').send(tenOffAt('ten-off-5000', 5000)).expect(201);
    await Promise.all([api.start(), worker.start()]);
  });
  after(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await t.close();
  });

  it('an activation (and its rollback) is used by a second API process within 5 s, without restart', async () => {
    expect(await tenOffApplicable(api.baseUrl, member)).to.equal(true);
    let since = Date.now();
    await admin(t, 'post', '/admin/v1/programs/demo/versions/ten-off-5000/activate').expect(200);
    const took = await msUntil(() => tenOffApplicable(api.baseUrl, member), false, since);
    expect(took).to.be.below(5000);
    since = Date.now();
    await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.11.0/activate').expect(200);
    expect(await msUntil(() => tenOffApplicable(api.baseUrl, member), true, since)).to.be.below(5000);
  });

  it('a scheduled activation is applied by a worker process and used by the API process within 5 s of its time', async () => {
    const at = new Date(Date.now() + 1500);
    await admin(t, 'post', '/admin/v1/programs/demo/versions/ten-off-5000/activate').send({ at: at.toISOString() }).expect(202);
    expect(await tenOffApplicable(api.baseUrl, member)).to.equal(true);
    const took = await msUntil(() => tenOffApplicable(api.baseUrl, member), false, at.getTime());
    expect(took).to.be.below(5000);
    const detail = (await admin(t, 'get', '/admin/v1/programs/demo')).body;
    expect(detail.activations[0]).to.include({ how: 'SCHEDULED', version: 'ten-off-5000' });
    expect(detail.scheduled).to.equal(null);
  });
});
