/**
 * Every error the webhook answers, in the contract's vocabulary, and the order of its checks:
 * auth → restaurant → type → GUID → body → handler.
 */
import { expect } from 'chai';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { expectValid, toast } from '../../support/toast-client.js';
import {
  inquireRequest, redeemRequest, searchRequest, signupRequest, toastHeaders, transferRequest,
} from '../../support/toast-requests.js';

const status = (s: string): string => JSON.stringify({ transactionStatus: s });
/** The status of an answer; refusals also carry a `message` (tested in refusals.test.ts). */
const statusOf = (text: string): string => (JSON.parse(text) as { transactionStatus: string }).transactionStatus;

describe('Toast webhook: error statuses', () => {
  let t: TestApp;
  let memberId: string;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'errors', env: { BODY_LIMIT_BYTES: '4096', TOAST_API_KEYS: 'dev-toast-key,next-key' } });
    memberId = (await seedMember(t.deps, { phone: '6175550100', cardNumbers: ['CARD-1'] })).loyaltyIdentifier;
  });
  after(async () => { await t.close(); });

  it('answers any method but POST with 400 and an empty body', async () => {
    for (const method of ['get', 'put', 'delete', 'patch'] as const) {
      const res = await request(t.app)[method]('/toast/loyalty');
      expect([res.status, res.text]).to.deep.equal([400, '']);
    }
  });

  describe('authentication', () => {
    it('refuses a missing or wrong key with 400 ERROR_INVALID_TOKEN, before looking at the restaurant', async () => {
      for (const authorization of ['', 'wrong-key', 'dev-toast-keyx', 'x'.repeat(300)]) {
        const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(memberId), { authorization, restaurant: randomUUID() });
        expect([r.status, statusOf(r.text)]).to.deep.equal([400, 'ERROR_INVALID_TOKEN']);
      }
    });

    it('accepts every configured key (rotation) and tolerates a Bearer prefix', async () => {
      for (const authorization of ['dev-toast-key', 'next-key', 'Bearer next-key']) {
        const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(memberId), { authorization });
        expect(r.status).to.equal(200);
      }
    });
  });

  it('refuses an unknown or missing restaurant with 400 ERROR_INVALID_RESTAURANT', async () => {
    for (const restaurant of [randomUUID(), '', 'not a guid!']) {
      const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(memberId), { restaurant });
      expect([r.status, statusOf(r.text)]).to.deep.equal([400, 'ERROR_INVALID_RESTAURANT']);
    }
  });

  it('refuses a missing, unknown or mismatched type with 400 ERROR_INVALID_TOAST_TRANSACTION_TYPE', async () => {
    for (const headerType of [null, 'LOYALTY_VALIDATE', 'loyalty_inquire']) {
      const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(memberId), { headerType });
      expect([r.status, statusOf(r.text)]).to.deep.equal([400, 'ERROR_INVALID_TOAST_TRANSACTION_TYPE']);
    }
    const mismatched = { ...inquireRequest(memberId), toastTransactionType: 'LOYALTY_REDEEM' };
    const r = await toast(t.app, 'LOYALTY_INQUIRE', mismatched);
    expect([r.status, statusOf(r.text)]).to.deep.equal([400, 'ERROR_INVALID_TOAST_TRANSACTION_TYPE']);
  });

  it('refuses a missing GUID, malformed JSON, an oversized or schema-invalid body with 400 ERROR_INVALID_INPUT_PROPERTIES', async () => {
    const noGuid = toastHeaders('LOYALTY_INQUIRE');
    delete (noGuid as Record<string, string | undefined>)['Toast-Transaction-GUID'];
    const bodies: [Record<string, string>, string][] = [
      [noGuid, JSON.stringify(inquireRequest(memberId))],
      [toastHeaders('LOYALTY_INQUIRE'), '{"toastTransactionType": "LOYALTY_INQUIRE", '],
      [toastHeaders('LOYALTY_INQUIRE'), JSON.stringify({ ...inquireRequest(memberId), padding: 'x'.repeat(5000) })],
      [toastHeaders('LOYALTY_INQUIRE'), '"just a string"'],
      [toastHeaders('LOYALTY_INQUIRE'), ''],
      [toastHeaders('LOYALTY_INQUIRE'), JSON.stringify({ toastTransactionType: 'LOYALTY_INQUIRE' })],
    ];
    for (const [headers, body] of bodies) {
      const res = await request(t.app).post('/toast/loyalty').set(headers).send(body);
      expectValid('LOYALTY_INQUIRE', res.status, res.text);
      expect([res.status, statusOf(res.text)]).to.deep.equal([400, 'ERROR_INVALID_INPUT_PROPERTIES']);
    }
  });

  it('answers an unknown account with 404 ERROR_ACCOUNT_INVALID on INQUIRE and REDEEM (an ACCRUE keeps the check: accounts.test.ts)', async () => {
    for (const [type, body] of [
      ['LOYALTY_INQUIRE', inquireRequest('no-such-account')],
      ['LOYALTY_REDEEM', redeemRequest('no-such-account')],
    ] as const) {
      const r = await toast(t.app, type, body);
      expect([r.status, statusOf(r.text)]).to.deep.equal([404, 'ERROR_ACCOUNT_INVALID']);
    }
  });

  it('refuses a malformed phone in SEARCH and both contacts in SIGNUP with ERROR_INVALID_INPUT_PROPERTIES', async () => {
    const search = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '617-555-0100' }));
    expect([search.status, statusOf(search.text)]).to.deep.equal([400, 'ERROR_INVALID_INPUT_PROPERTIES']);
    const both = { ...signupRequest({ phone: '6175550111' }), signupTransactionInformation: { phone: '6175550111', email: 'a@b.co' } };
    const signup = await toast(t.app, 'LOYALTY_SIGNUP', both);
    expect([signup.status, statusOf(signup.text)]).to.deep.equal([400, 'ERROR_INVALID_INPUT_PROPERTIES']);
  });

  it('refuses a transfer from an unknown account or onto one in use with ERROR_INVALID_TRANSFER', async () => {
    const other = await seedMember(t.deps, {});
    for (const body of [transferRequest('unknown-card', 'new-card'), transferRequest(memberId, other.loyaltyIdentifier), transferRequest('CARD-1', '6175550100')]) {
      const r = await toast(t.app, 'LOYALTY_TRANSFER', body);
      expect([r.status, statusOf(r.text)]).to.deep.equal([400, 'ERROR_INVALID_TRANSFER']);
    }
  });

  it('answers an unexpected failure with 500 {"transactionStatus":"ERROR"} and nothing internal', async () => {
    // The member read goes through the driver's collection (members.ts byIdentifierOrCard).
    const collection = t.deps.models.Member.collection;
    const original = collection.findOne;
    collection.findOne = (() => { throw new Error('secret internal detail mongodb://user:pw@host'); }) as never;
    try {
      const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(memberId));
      expect([r.status, r.text]).to.deep.equal([500, status('ERROR')]);
    } finally {
      collection.findOne = original;
    }
    const after = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(memberId));
    expect(after.status).to.equal(200);
  });
});

describe('Toast webhook: JWT authentication mode', () => {
  let t: TestApp;
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  before(async () => {
    t = await startTestApp({ dbPrefix: 'jwt', env: { TOAST_AUTH_MODE: 'jwt', TOAST_JWT_PUBLIC_KEY: publicPem } });
  });
  after(async () => { await t.close(); });

  it('accepts an RS256 token signed by the configured key and refuses expired, unsigned or HS256 tokens', async () => {
    const clockSeconds = Math.floor(t.clock.now().getTime() / 1000);
    const good = jwt.sign({ scope: ['gcloy'], exp: clockSeconds + 300 }, privatePem, { algorithm: 'RS256' });
    const ok = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550199' }), { authorization: good });
    expect(ok.status).to.equal(200); // auto-enrolled by the demo program's policy
    const expired = jwt.sign({ exp: clockSeconds - 60 }, privatePem, { algorithm: 'RS256' });
    const hs = jwt.sign({ scope: ['gcloy'] }, publicPem, { algorithm: 'HS256', expiresIn: 300 });
    for (const authorization of [expired, hs, 'dev-toast-key', `${good}x`]) {
      const r = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550199' }), { authorization });
      expect([r.status, statusOf(r.text)]).to.deep.equal([400, 'ERROR_INVALID_TOKEN']);
    }
  });

  it('reads expiry on the injected clock, not the machine clock', async () => {
    const wall = Math.floor(Date.now() / 1000);
    // Valid by the machine's clock but expired at the app's clock, and the other way round.
    t.clock.set(new Date((wall + 3600) * 1000));
    const expiredAtClock = jwt.sign({ exp: wall + 600 }, privatePem, { algorithm: 'RS256' });
    const refused = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550199' }), { authorization: expiredAtClock });
    expect([refused.status, statusOf(refused.text)]).to.deep.equal([400, 'ERROR_INVALID_TOKEN']);
    t.clock.set(new Date((wall - 3600) * 1000));
    const validAtClock = jwt.sign({ exp: wall - 600 }, privatePem, { algorithm: 'RS256' });
    const accepted = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550199' }), { authorization: validAtClock });
    expect(accepted.status).to.equal(200);
  });
});
