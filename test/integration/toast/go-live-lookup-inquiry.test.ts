/**
 * Toast's loyalty go-live test plan (contract §6.1), cases 1–13: account lookup and inquiry,
 * as the POS would drive them (card swipe = identifier or linked card, QR = phone).
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { check, inquireRequest, loyaltyDiscount, redemption, searchRequest } from '../../support/toast-requests.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';

const INVALID = '{"transactionStatus":"ERROR_ACCOUNT_INVALID"}';

describe('Toast go-live plan 1–13: account lookup and inquiry', () => {
  let t: TestApp;
  let ada: MemberRecord;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'golive1' });
    ada = await seedMember(t.deps, {
      firstName: 'Ada', lastName: 'Lovelace', phone: '6175550123', email: 'ada@example.com', cardNumbers: ['7000000000001'], points: 60,
    });
  });
  after(async () => { await t.close(); });

  const inquire = (identifier: string, body = {}) => toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(identifier, body));

  it('1. swiping a valid (linked) card shows the account', async () => {
    const r = await inquire('7000000000001');
    expect(r.body.checkResponse!.accountInfo).to.include({ identifier: ada.loyaltyIdentifier, firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('2. swiping a card linked to no account → Invalid Account', async () => {
    const r = await inquire('7000000000999');
    expect([r.status, r.text]).to.deep.equal([404, INVALID]);
  });

  it('3. swiping a card that is not a rewards card → Invalid Account', async () => {
    const r = await inquire('4111111111111111');
    expect([r.status, r.text]).to.deep.equal([404, INVALID]);
  });

  it('4. keying in a valid loyalty number shows the account', async () => {
    const r = await inquire(ada.loyaltyIdentifier);
    expect(r.body.checkResponse!.accountInfo!.identifier).to.equal(ada.loyaltyIdentifier);
  });

  it('5. scanning a valid QR code (phone) shows the account', async () => {
    const r = await inquire('6175550123');
    expect(r.body.checkResponse!.accountInfo!.identifier).to.equal(ada.loyaltyIdentifier);
  });

  it('6. scanning an invalid QR code → Invalid Account (only a well-formed 10-digit phone enrols, issue 8 §5)', async () => {
    for (const scanned of ['QR-0000-UNKNOWN', '617555999', '61755599990']) {
      const r = await inquire(scanned);
      expect([r.status, r.text]).to.deep.equal([404, INVALID]);
    }
  });

  it('7. looks up by email, in any case', async () => {
    const r = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ email: 'ADA@Example.com' }));
    expect(r.body.searchResponse!.accounts.map((a) => a.identifier)).to.deep.equal([ada.loyaltyIdentifier]);
  });

  it('8. looks up by phone; an unknown phone enrols a STARTER (the demo program allows it)', async () => {
    const r = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550123' }));
    expect(r.body.searchResponse!.accounts.map((a) => a.identifier)).to.deep.equal([ada.loyaltyIdentifier]);
    const fresh = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550777' }));
    const enrolled = fresh.body.searchResponse!.accounts[0]!;
    expect(enrolled).to.include({ phone: '6175550777', pointsBalance: '0' });
    expect(enrolled.identifier).to.not.include('6175550777');
    const stored = await t.deps.models.Member.findOne({ loyaltyIdentifier: enrolled.identifier }).lean();
    expect(stored!.status).to.equal('STARTER');
    const again = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550777' }));
    expect(again.body.searchResponse!.accounts[0]!.identifier).to.equal(enrolled.identifier);
  });

  it('9. looks up by name, case-insensitively, treating regex characters literally', async () => {
    const r = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ firstName: 'ada', lastName: 'LOVELACE' }));
    expect(r.body.searchResponse!.accounts.map((a) => a.identifier)).to.deep.equal([ada.loyaltyIdentifier]);
    const regex = await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ firstName: '.*' }));
    expect(regex.status).to.equal(404);
  });

  it('10. unavailable rewards are shown but cannot be applied', async () => {
    const r = await inquire(ada.loyaltyIdentifier, { check: check({ selections: [burger(), fries()] }) });
    const burgerOffer = r.body.checkResponse!.offers!.find((o) => o.identifier === 'free-burger')!;
    expect(burgerOffer.applicable).to.equal(false);
    expect(burgerOffer.itemApplication ?? null).to.equal(null);
  });

  it('11. available rewards can be redeemed: applicable, pointing at their selection, listed first', async () => {
    const friesSel = fries();
    const r = await inquire(ada.loyaltyIdentifier, { check: check({ selections: [burger(), friesSel] }) });
    const offers = r.body.checkResponse!.offers!;
    const friesOffer = offers.find((o) => o.identifier === 'free-fries')!;
    expect(friesOffer).to.deep.include({ applicable: true, selectionType: 'ITEM', amount: 3.49 });
    expect(friesOffer.itemApplication).to.deep.equal([{ selectionIdentifier: friesSel.guid, amount: 3.49 }]);
    const firstBlocked = offers.findIndex((o) => !o.applicable);
    expect(offers.slice(firstBlocked).every((o) => !o.applicable)).to.equal(true);
  });

  it('12. the points balance is displayed', async () => {
    const r = await inquire(ada.loyaltyIdentifier);
    expect(r.body.checkResponse!.accountInfo!.pointsBalance).to.equal('60');
  });

  it('13. removing the trigger items voids an applied reward (rejected with its applied-discount GUID)', async () => {
    const [first, second] = [burger(8.99), burger(7.99)];
    const discount = loyaltyDiscount('bogo-burger-tuesday', 7.99);
    const withBoth = await inquire(ada.loyaltyIdentifier, {
      check: check({ selections: [first, { ...second, appliedDiscounts: [discount] }] }),
      redemptions: [redemption('bogo-burger-tuesday', { selectionGuid: second.guid, appliedDiscountGuid: discount.guid })],
    });
    expect(withBoth.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['bogo-burger-tuesday']);
    const removed = await inquire(ada.loyaltyIdentifier, {
      check: check({ selections: [{ ...second, appliedDiscounts: [discount] }] }),
      redemptions: [redemption('bogo-burger-tuesday', { selectionGuid: second.guid, appliedDiscountGuid: discount.guid })],
    });
    const c = removed.body.checkResponse!;
    expect(c.appliedRedemptions).to.deep.equal([]);
    expect(c.rejectedRedemptions![0]!.redemption.appliedDiscountGuid).to.equal(discount.guid);
    expect(c.rejectedRedemptions![0]!.message).to.be.a('string').and.not.equal('');
  });
});
