/**
 * Issue 9 items 6 and 7: lookup keys are keyed hashes, and everything a cashier can key
 * (identifier, card, phone) lives in one namespace: a TRANSFER target that already resolves to
 * someone, or that would be read as a phone, is refused.
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { inquireRequest, signupRequest, transferRequest } from '../../support/toast-requests.js';
import { memberKeyId } from '../../../server/store/models/member-key.js';

const SECRET = 'namespace-test-secret-0123456789abcdef';

describe('member lookup keys and the identifier namespace', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'idns', env: { MEMBER_KEY_SECRET: SECRET } }); });
  after(async () => { await t.close(); });

  it('stores phone, email and card keys as HMACs under the configured secret, never the values', async () => {
    const member = await seedMember(t.deps, { phone: '6175550177', email: 'keys@example.com', cardNumbers: ['CARD-KEY-1'] });
    const keys = await t.deps.models.MemberKey.find({ memberId: member._id }).lean();
    expect(keys.map((k) => k._id).sort()).to.deep.equal([
      memberKeyId(SECRET, 'demo', 'phone', '6175550177'), memberKeyId(SECRET, 'demo', 'email', 'keys@example.com'), memberKeyId(SECRET, 'demo', 'card', 'CARD-KEY-1'),
    ].sort());
    const text = JSON.stringify(keys);
    for (const value of ['6175550177', 'keys@example.com', 'CARD-KEY-1']) expect(text).to.not.include(value);
    expect(memberKeyId('another-secret-0123456789abcdefghij', 'demo', 'phone', '6175550177')).to.not.equal(keys.find((k) => k.kind === 'phone')!._id);
    // Still found through the keyed hash.
    const byPhone = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('6175550177'));
    expect(byPhone.body.checkResponse!.accountInfo!.identifier).to.equal(member.loyaltyIdentifier);
  });

  it('refuses a phone-shaped TRANSFER target, so a later sign-up with that phone is read as that guest', async () => {
    const x = await seedMember(t.deps, { email: 'x@example.com', points: 40 });
    for (const target of ['6175550123', '(617) 555-0123', '+1 617 555 0123']) {
      const r = await toast(t.app, 'LOYALTY_TRANSFER', transferRequest(x.loyaltyIdentifier, target));
      expect(r.body.transactionStatus, target).to.equal('ERROR_INVALID_TRANSFER');
    }
    const y = await toast(t.app, 'LOYALTY_SIGNUP', signupRequest({ phone: '6175550123' }));
    const keyed = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('6175550123'));
    expect(keyed.body.checkResponse!.accountInfo!.identifier).to.equal(y.body.signupResponse!.loyaltyIdentifier);
    expect(keyed.body.checkResponse!.accountInfo!.identifier).to.not.equal(x.loyaltyIdentifier);
  });

  it('refuses a TRANSFER target that already resolves to someone as identifier, card or phone', async () => {
    const x = await seedMember(t.deps, { email: 'x2@example.com' });
    const other = await seedMember(t.deps, { phone: '6175550199', cardNumbers: ['CARD-TAKEN-9'] });
    for (const target of [other.loyaltyIdentifier, 'CARD-TAKEN-9', '6175550199']) {
      const r = await toast(t.app, 'LOYALTY_TRANSFER', transferRequest(x.loyaltyIdentifier, target));
      expect(r.body.transactionStatus, target).to.equal('ERROR_INVALID_TRANSFER');
    }
    const stillX = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(x.loyaltyIdentifier));
    expect(stillX.body.checkResponse!.accountInfo!.identifier).to.equal(x.loyaltyIdentifier);
  });
});
