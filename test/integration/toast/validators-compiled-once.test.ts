/**
 * Issue 11 §4, "validation compiled once": the JSON schemas of the Toast webhook and the admin
 * API are compiled when their modules load and their routers are built, never per request. Every
 * ajv compilation goes through `_compileSchemaEnv` (`compile`, `getSchema` and `validate` by
 * schema all do), so counting its calls while requests are answered counts compilations.
 */
import { expect } from 'chai';
import { Ajv } from 'ajv';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/app.js';
import { burger, friesRedeem } from '../../support/demo-menu.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, inquireRequest, paidCheck, searchRequest } from '../../support/toast-requests.js';
import { admin, startAdminApp } from '../admin/helpers.js';

type Compiling = { _compileSchemaEnv: (...args: unknown[]) => unknown };

describe('validation compiled once (issue 11 §4)', () => {
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  /** The ajv compilations made while `work` runs. */
  async function compilationsDuring(work: () => Promise<void>): Promise<number> {
    const proto = Ajv.prototype as unknown as Compiling;
    const original = proto._compileSchemaEnv;
    let count = 0;
    proto._compileSchemaEnv = function counted(this: unknown, ...args: unknown[]) { count++; return original.apply(this, args); };
    try {
      await work();
    } finally {
      proto._compileSchemaEnv = original;
    }
    return count;
  }

  let rounds = 0;
  async function requests(): Promise<void> {
    const phone = `61755501${String(rounds++).padStart(2, '0')}`;
    const member = await seedMember(t.deps, { points: 500, phone });
    expect((await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier))).status).to.equal(200);
    expect((await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone }))).status).to.equal(200);
    expect((await toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier), { guid: randomUUID() })).body.transactionStatus).to.equal('ACCEPT');
    expect((await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paidCheck({ selections: [burger()] }) }), { guid: randomUUID() })).body.transactionStatus).to.equal('ACCEPT');
    // A refused body takes the validators' error path.
    expect((await toast(t.app, 'LOYALTY_INQUIRE', { checkIdentifier: 42 })).status).to.equal(400);
    const ledger = `/admin/v1/programs/demo/members/${member.loyaltyIdentifier}/ledger`;
    expect((await admin(t, 'get', `${ledger}?limit=5`)).status).to.equal(200);
    expect((await admin(t, 'get', `${ledger}?limit=ten`)).status).to.equal(400);
  }

  it('counts a compilation when one happens (the probe works)', async () => {
    const ajv = new Ajv();
    expect(await compilationsDuring(async () => { ajv.compile({ type: 'object' }); })).to.be.greaterThan(0);
  });

  it('answers Toast and admin requests, refused ones included, without compiling a schema', async () => {
    await requests(); // warm-up: routers built, caches filled
    expect(await compilationsDuring(requests)).to.equal(0);
  });
});
