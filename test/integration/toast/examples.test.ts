/**
 * Every worked example of toast-loyalty-api.md §5, sent as Toast sends it (fixtures under
 * test/fixtures/toast/requests), against the real services. Members are seeded under the
 * examples' identifiers; the demo program prices the checks.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../support/app.js';
import { balanceOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import type { TransactionType } from '../../../server/toast/transaction-types.js';

interface Fixture { headers: Record<string, string>; body: Record<string, unknown> }
const fixture = (name: string): Fixture => JSON.parse(readFileSync(`test/fixtures/toast/requests/${name}.json`, 'utf8')) as Fixture;

async function send(t: TestApp, name: string, guid?: string) {
  const f = fixture(name);
  const type = f.headers['Toast-Transaction-Type'] as TransactionType;
  return toast(t.app, type, f.body, { guid: guid ?? f.headers['Toast-Transaction-GUID'], restaurant: f.headers['Toast-Restaurant-External-ID'] });
}

describe('Toast webhook: the contract §5 examples', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'examples' });
    await seedMember(t.deps, { loyaltyIdentifier: '1', firstName: 'james', lastName: 'smith', phone: '1111111111', email: 'a1@toasttab.com', points: 40 });
    await seedMember(t.deps, { loyaltyIdentifier: '3', firstName: 'jack', lastName: 'williams', phone: '1111111113', email: 'a3@gmail.com', points: 500 });
    await seedMember(t.deps, { cardNumbers: ['6000101001599474'], firstName: 'card', lastName: 'holder' });
  });
  after(async () => { await t.close(); });

  it('5.1 SEARCH by first and last name (any case) → the account', async () => {
    const r = await send(t, 'search');
    expect(r.status).to.equal(200);
    expect(r.body.searchResponse!.accounts).to.have.length(1);
    expect(r.body.searchResponse!.accounts[0]).to.include({ identifier: '1', firstName: 'james', lastName: 'smith', pointsBalance: '40' });
  });

  it('5.1 SEARCH with no match → 404 ERROR_ACCOUNT_INVALID', async () => {
    const f = fixture('search');
    const body = { ...f.body, searchTransactionInformation: { searchCriteria: { firstName: 'Nobody', lastName: null, email: null, phone: null } } };
    const r = await toast(t.app, 'LOYALTY_SEARCH', body);
    expect([r.status, r.text]).to.deep.equal([404, '{"transactionStatus":"ERROR_ACCOUNT_INVALID"}']);
  });

  it('5.2 INQUIRE → accountInfo with balance, offers, limit and a user message', async () => {
    const r = await send(t, 'inquire');
    expect(r.status).to.equal(200);
    const c = r.body.checkResponse!;
    expect(c.accountInfo).to.include({ identifier: '1', firstName: 'james', pointsBalance: '40' });
    expect(c.offers!.map((o) => o.identifier)).to.include.members(['free-fries', 'ten-off']);
    expect(c.redemptionLimit).to.deep.equal({ maxRedemptions: 1 });
    expect(c.userMessage).to.match(/^This check earns \d+ points\. 10 points to Free Fries\.$/);
  });

  it('5.3 REDEEM of an offer that is not ours → ACCEPT with the rejection naming the check discount', async () => {
    const r = await send(t, 'redeem');
    expect(r.status).to.equal(200);
    const c = r.body.checkResponse!;
    expect(c.appliedRedemptions).to.deep.equal([]);
    expect(c.rejectedRedemptions).to.have.length(1);
    expect(c.rejectedRedemptions![0]!.redemption).to.include({ identifier: '1', appliedDiscountGuid: '5318bf86-505a-43fe-91ad-feb6fe6e0ad2' });
  });

  it('5.4 ACCRUE without an account → 200 ACCEPT', async () => {
    const r = await send(t, 'accrue');
    expect(r.status).to.equal(200);
    expect(r.body.transactionStatus).to.equal('ACCEPT');
  });

  it('5.5 REVERSE of an unknown transaction → 400 ERROR_TRANSACTION_DOES_NOT_EXIST; of an INQUIRE → CANNOT_BE_REVERSED', async () => {
    const unknown = await send(t, 'reverse');
    expect([unknown.status, unknown.text]).to.deep.equal([400, '{"transactionStatus":"ERROR_TRANSACTION_DOES_NOT_EXIST"}']);
    const inquireGuid = fixture('inquire').headers['Toast-Transaction-GUID'];
    const f = fixture('reverse');
    const body = { ...f.body, reverseTransactionInformation: { loyaltyIdentifier: '1', transactionId: inquireGuid } };
    const r = await toast(t.app, 'LOYALTY_REVERSE', body);
    expect([r.status, r.text]).to.deep.equal([400, '{"transactionStatus":"ERROR_TRANSACTION_CANNOT_BE_REVERSED"}']);
  });

  it('5.5 REVERSE of an ACCRUE → 200 ACCEPT', async () => {
    const r = await send(t, 'reverse-accrue');
    expect([r.status, r.text]).to.deep.equal([200, '{"transactionStatus":"ACCEPT"}']);
  });

  it('5.6 SIGNUP → a new opaque identifier; the same phone again → ERROR_ALREADY_REGISTERED', async () => {
    const r = await send(t, 'signup');
    expect(r.status).to.equal(200);
    const id = r.body.signupResponse!.loyaltyIdentifier;
    expect(id).to.not.include('6175550123');
    const again = await send(t, 'signup', crypto.randomUUID());
    expect([again.status, again.text]).to.deep.equal([400, '{"transactionStatus":"ERROR_ALREADY_REGISTERED"}']);
  });

  it('5.7 TRANSFER of a card → the new card; again → ERROR_INVALID_TRANSFER', async () => {
    const r = await send(t, 'transfer');
    expect([r.status, r.body.transferResponse]).to.deep.equal([200, { loyaltyIdentifier: '6000101001600001' }]);
    const again = await send(t, 'transfer', crypto.randomUUID());
    expect([again.status, again.text]).to.deep.equal([400, '{"transactionStatus":"ERROR_INVALID_TRANSFER"}']);
  });

  it('keeps balances untouched by rejected redemptions', async () => {
    const member = await t.deps.models.Member.findOne({ loyaltyIdentifier: '3' }).lean();
    expect(await balanceOf(t.deps, member as never)).to.equal(500);
  });
});
