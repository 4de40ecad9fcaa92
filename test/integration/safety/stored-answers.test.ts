/**
 * Issue 9 item 6: stored answers of SEARCH, SIGNUP and INQUIRE (and REDEEM) carry no phone,
 * email or name in the clear, and no request key holds a keyed phone; a duplicate still gets
 * the first answer's exact bytes, re-rendered from the member record.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { inquireRequest, searchRequest, signupRequest } from '../../support/toast-requests.js';

describe('stored answers without guest contact data', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'storedpii' }); });
  after(async () => { await t.close(); });

  async function storedText(guid: string): Promise<string> {
    const docs = await t.deps.models.ToastTransaction.find({ transactionGuid: guid }).lean();
    expect(docs).to.have.length(1);
    return JSON.stringify(docs);
  }

  it('SEARCH by phone and INQUIRE by the phone on a QR code: nothing of the guest stored, same bytes on replay', async () => {
    const member = await seedMember(t.deps, { phone: '6175550142', email: 'stored@example.com', firstName: 'Ada', lastName: 'Lovelace', points: 10 });
    for (const [type, body] of [
      ['LOYALTY_SEARCH', searchRequest({ phone: '6175550142' })],
      ['LOYALTY_INQUIRE', inquireRequest('6175550142')],
      ['LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier)],
    ] as const) {
      const guid = randomUUID();
      const first = await toast(t.app, type, body, { guid });
      expect(first.text, type).to.include('6175550142');
      expect(first.text, type).to.include('Lovelace');
      const stored = await storedText(guid);
      for (const value of ['6175550142', 'stored@example.com', 'Ada', 'Lovelace']) expect(stored, `${type} ${value}`).to.not.include(value);
      const replay = await toast(t.app, type, body, { guid });
      expect(replay.text, type).to.equal(first.text);
    }
  });

  it('SIGNUP stores neither the phone nor the email it was given', async () => {
    for (const contact of [{ phone: '6175550143' }, { email: 'signup-stored@example.com' }]) {
      const guid = randomUUID();
      const first = await toast(t.app, 'LOYALTY_SIGNUP', signupRequest(contact), { guid });
      expect(first.body.transactionStatus).to.equal('ACCEPT');
      expect(await storedText(guid)).to.not.include(Object.values(contact)[0]);
    }
  });

  it('a replay after the member changed shows the member as it is now', async () => {
    const member = await seedMember(t.deps, { email: 'before@example.com', points: 5 });
    const guid = randomUUID();
    const first = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier), { guid });
    expect(first.body.checkResponse!.accountInfo!.email).to.equal('before@example.com');
    await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { email: null } });
    const replay = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier), { guid });
    expect(replay.body.checkResponse!.accountInfo).to.not.have.property('email');
    expect(replay.body.checkResponse!.accountInfo!.identifier).to.equal(member.loyaltyIdentifier);
  });
});
