/** SIGNUP and TRANSFER over HTTP: uniqueness under races, card replacement, opaque identifiers. */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { inquireRequest, signupRequest, transferRequest } from '../../support/toast-requests.js';

describe('Toast webhook: SIGNUP and TRANSFER', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'signup' }); });
  after(async () => { await t.close(); });

  it('signs up by email (stored lower-case, unique per program) with an identifier that is not PII', async () => {
    const r = await toast(t.app, 'LOYALTY_SIGNUP', signupRequest({ email: 'Grace.Hopper@Example.com' }));
    const id = r.body.signupResponse!.loyaltyIdentifier;
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    const stored = await t.deps.models.Member.findOne({ loyaltyIdentifier: id }).lean();
    expect([stored!.email, stored!.status]).to.deep.equal(['grace.hopper@example.com', 'REGISTERED']);
    const again = await toast(t.app, 'LOYALTY_SIGNUP', signupRequest({ email: 'grace.hopper@example.com' }));
    expect(again.body.transactionStatus).to.equal('ERROR_ALREADY_REGISTERED');
    const cafe = await toast(t.app, 'LOYALTY_SIGNUP', signupRequest({ email: 'grace.hopper@example.com' }), { restaurant: 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01' });
    expect(cafe.status).to.equal(200);
  });

  it('lets exactly one of 20 concurrent sign-ups for one phone win', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => toast(t.app, 'LOYALTY_SIGNUP', signupRequest({ phone: '3125550100' }))));
    expect(replies.filter((r) => r.status === 200)).to.have.length(1);
    expect(replies.filter((r) => r.body.transactionStatus === 'ERROR_ALREADY_REGISTERED')).to.have.length(19);
    expect(await t.deps.models.Member.countDocuments({ phone: '3125550100' })).to.equal(1);
  });

  it('moves an account to a new identifier; the old one stops answering', async () => {
    const member = await seedMember(t.deps, { points: 70 });
    const r = await toast(t.app, 'LOYALTY_TRANSFER', transferRequest(member.loyaltyIdentifier, 'CARD-NEW-0001'));
    expect(r.body.transferResponse).to.deep.equal({ loyaltyIdentifier: 'CARD-NEW-0001' });
    const old = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier));
    expect(old.status).to.equal(404);
    const moved = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('CARD-NEW-0001'));
    expect(moved.body.checkResponse!.accountInfo!.pointsBalance).to.equal('70');
  });

  it('replaces a linked card: the new card answers, the old card does not, the account keeps its identifier', async () => {
    const member = await seedMember(t.deps, { cardNumbers: ['OLD-CARD-7'] });
    const r = await toast(t.app, 'LOYALTY_TRANSFER', transferRequest('OLD-CARD-7', 'NEW-CARD-8'));
    expect(r.status).to.equal(200);
    expect((await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('OLD-CARD-7'))).status).to.equal(404);
    const viaNew = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('NEW-CARD-8'));
    expect(viaNew.body.checkResponse!.accountInfo!.identifier).to.equal(member.loyaltyIdentifier);
  });
});
