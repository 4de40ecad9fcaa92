/**
 * Property: of 1,000 generated bodies (test/support/toast-fuzz.ts), every malformed one is
 * answered 4xx with a valid `transactionStatus`, never a 5xx, and every tolerant one — dates as
 * epoch-ms numbers, digit strings or ISO with `+0000`, amounts as numeric strings, as Toast's own
 * documents send them — is ACCEPTed; the webhook keeps serving.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { expectValid, toast } from '../../support/toast-client.js';
import { malformedRequest, tolerantRequest } from '../../support/toast-fuzz.js';
import { validateToastRequest } from '../../../server/toast/schemas/index.js';
import { inquireRequest, toastHeaders } from '../../support/toast-requests.js';

describe('Toast webhook: generated malformed bodies', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'fuzz' }); });
  after(async () => { await t.close(); });

  it('answers 1,000 bodies: malformed ones 4xx with a contract status, never 5xx; tolerant dates and amounts ACCEPT', async () => {
    await seedMember(t.deps, { loyaltyIdentifier: 'member-1', points: 10 });
    const statuses = new Map<string, number>();
    let tolerant = 0;
    const body = fc.oneof(
      { arbitrary: malformedRequest.map((r) => ({ ...r, ok: false })), weight: 3 },
      { arbitrary: tolerantRequest.map((r) => ({ ...r, ok: true })), weight: 1 },
    );
    await fc.assert(fc.asyncProperty(body, async ({ type, body: sent, ok }) => {
      const raw = JSON.stringify(sent) ?? '';
      // JSON cannot carry some generated values (Infinity becomes null): judge what is sent.
      fc.pre(ok || raw === '' || !validateToastRequest(type, JSON.parse(raw)).ok);
      const res = await request(t.app).post('/toast/loyalty').set(toastHeaders(type)).send(raw);
      const reply = expectValid(type, res.status, res.text);
      if (ok) {
        tolerant += 1;
        expect([res.status, reply.body.transactionStatus], res.text).to.deep.equal([200, 'ACCEPT']);
        return;
      }
      expect(res.status, res.text).to.be.within(400, 499);
      statuses.set(reply.body.transactionStatus, (statuses.get(reply.body.transactionStatus) ?? 0) + 1);
    }), { numRuns: 1000, seed: 20261122 });
    expect([...statuses.keys()].every((s) => s === 'ERROR_INVALID_INPUT_PROPERTIES' || s === 'ERROR_INVALID_TOAST_TRANSACTION_TYPE')).to.equal(true);
    expect(tolerant).to.be.greaterThan(150);
  });

  it('is still up and answering afterwards', async () => {
    const member = await seedMember(t.deps, { points: 10 });
    const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier));
    expect(r.status).to.equal(200);
  });
});
