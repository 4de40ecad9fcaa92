/**
 * Issue 9 item 6: `requestHash` is keyed. Every claim records a hash of the request body to spot
 * a GUID reused for other content; bodies carry phones and emails, so a plain hash would let
 * anyone holding the database test a list of phone numbers against it. It must be an HMAC under
 * the configured secret: a different secret gives a different hash of the same body.
 */
import { expect } from 'chai';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { toast } from '../../support/toast-client.js';
import { signupRequest } from '../../support/toast-requests.js';

const SECRETS = ['request-hash-secret-one-0123456789abcdef', 'request-hash-secret-two-0123456789abcdef'];

describe('request hashes are keyed', () => {
  const apps: TestApp[] = [];
  before(async () => {
    for (const secret of SECRETS) apps.push(await startTestApp({ dbPrefix: 'reqhash', env: { MEMBER_KEY_SECRET: secret } }));
  });
  after(async () => {
    for (const t of apps) await t.close();
  });

  it('records an HMAC of the body under the configured secret, never a plain hash', async () => {
    const body = signupRequest({ phone: '6175550142' });
    const json = JSON.stringify(body);
    const stored: string[] = [];
    for (const t of apps) {
      const guid = randomUUID();
      const reply = await toast(t.app, 'LOYALTY_SIGNUP', body, { guid });
      expect(reply.body.transactionStatus).to.equal('ACCEPT');
      const claim = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
      stored.push(claim!.requestHash);
    }
    // What someone without the secret could compute from a guessed body matches nothing.
    for (const algorithm of ['sha256', 'sha1', 'md5', 'sha512']) {
      const plain = createHash(algorithm).update(json).digest();
      for (const hash of stored) expect([plain.toString('hex'), plain.toString('base64'), plain.toString('base64url')], algorithm).to.not.include(hash);
    }
    expect(stored[0]).to.equal(createHmac('sha256', SECRETS[0]!).update(json).digest('hex'));
    expect(stored[1], 'another secret, another hash of the same body').to.not.equal(stored[0]);
    for (const hash of stored) expect(hash).to.not.include('6175550142');
  });
});
