/**
 * Issue 8 §4–§6: which account a check request names, STARTER enrolment at the register,
 * suspended accounts, and visits whose account cannot be found — none of them lost.
 */
import { expect } from 'chai';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { releaseWithheldAccruals } from '../../../server/loyalty/accrual/withheld-accruals.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { balanceOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import {
  accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, selection,
} from '../../support/toast-requests.js';
import { CAFE_RESTAURANT, KEYS, claim } from '../claims/helpers.js';

const FRIES = 'a1f0c3d2-0010-4b5e-9c1a-000000000010';
const BURGER = 'a1f0c3d2-0001-4b5e-9c1a-000000000001';
const BURGERS = 'a1f0c3d2-1001-4b5e-9c1a-000000001001';

/** A demo check the member can use Free Fries and $10 off on (burger $12.99, fries $3.49). */
function demoCheck(paid = false) {
  const selections = [
    selection({ price: 12.99, menuItemGuid: BURGER, itemGroup: { guid: BURGERS, entityType: 'MenuGroup' } }),
    selection({ price: 3.49, menuItemGuid: FRIES, displayName: 'Fries' }),
  ];
  return paid ? paidCheck({ selections }) : check({ selections });
}

/** The check's account only in appliedLoyaltyInfo, as Toast's Orders API attaches it (doc 002). */
function attached(c: ReturnType<typeof demoCheck>, identifier: string) {
  return { ...c, appliedLoyaltyInfo: { guid: null, entityType: null, accrualText: null, accrualFamilyGuid: null, vendor: 'INTEGRATION', loyaltyIdentifier: identifier } };
}

describe('Toast webhook: accounts at the register', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'accounts', env: { ADMIN_API_KEYS: `${KEYS.demo}:demo,${KEYS.cafe}:cafe,${KEYS.ops}:*` } });
  });
  after(async () => { await t.close(); });
  const deps = () => ({ models: t.deps.models, logger: t.deps.logger, queues: t.deps.queues });

  describe('§5 identifier resolution', () => {
    it('INQUIRE, REDEEM and ACCRUE find the account in check.appliedLoyaltyInfo when loyaltyIdentifier is null', async () => {
      const member = await seedMember(t.deps, { points: 60 });
      const withCard = attached(demoCheck(), member.loyaltyIdentifier);
      const inquire = await toast(t.app, 'LOYALTY_INQUIRE', { ...inquireRequest('x', { check: withCard }), checkTransactionInformation: { loyaltyIdentifier: null, check: withCard, redemptions: [] } });
      expect(inquire.body.checkResponse?.accountInfo).to.include({ identifier: member.loyaltyIdentifier, pointsBalance: '60' });
      const discounted = { ...withCard, selections: withCard.selections.map((s, i) => (i === 1 ? { ...s, appliedDiscounts: [loyaltyDiscount('free-fries', 3.49)] } : s)) };
      const redeem = await toast(t.app, 'LOYALTY_REDEEM', { ...redeemRequest('x'), checkTransactionInformation: { loyaltyIdentifier: null, check: discounted, redemptions: [redemption('free-fries', { selectionGuid: discounted.selections[1]!.guid })] } });
      expect(redeem.body.checkResponse?.appliedRedemptions?.map((a) => a.identifier)).to.deep.equal(['free-fries']);
      expect(await balanceOf(t.deps, member)).to.equal(10);
      const paid = attached(demoCheck(true), member.loyaltyIdentifier);
      const accrue = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(null, { check: paid }));
      expect(accrue.body.checkResponse?.userMessage).to.match(/^You earned \d+ points on this visit\.$/);
      expect(await t.deps.models.Accrual.findOne({ checkGuid: paid.guid }).lean()).to.include({ state: 'PENDING' }).and.to.have.property('memberId');
    });

    it('loyaltyIdentifier wins over appliedLoyaltyInfo; an INQUIRE naming no account is refused with a message', async () => {
      const [a, b] = [await seedMember(t.deps, { points: 1 }), await seedMember(t.deps, { points: 2 })];
      const r = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(a.loyaltyIdentifier, { check: attached(demoCheck(), b.loyaltyIdentifier) }));
      expect(r.body.checkResponse?.accountInfo?.identifier).to.equal(a.loyaltyIdentifier);
      const none = await toast(t.app, 'LOYALTY_INQUIRE', { ...inquireRequest('x'), checkTransactionInformation: { loyaltyIdentifier: null, check: demoCheck(), redemptions: [] } });
      expect([none.status, none.body.transactionStatus, none.body.message]).to.deep.equal([400, 'ERROR_INVALID_INPUT_PROPERTIES',
        '/checkTransactionInformation/loyaltyIdentifier: required unless check.appliedLoyaltyInfo.loyaltyIdentifier names the account']);
    });

    it('a 10-digit phone keyed or scanned at INQUIRE or ACCRUE enrols a STARTER where the program allows it', async () => {
      const inquire = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('6175550901', { check: demoCheck() }));
      const starter = await t.deps.models.Member.findOne({ programId: 'demo', loyaltyIdentifier: inquire.body.checkResponse!.accountInfo!.identifier }).lean();
      expect(starter).to.include({ status: 'STARTER', phone: '6175550901' });
      const paid = demoCheck(true);
      await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest('6175550902', { check: paid }));
      const enrolled = await t.deps.models.Member.findOne({ programId: 'demo', phone: '6175550902' }).lean();
      expect(enrolled).to.include({ status: 'STARTER' });
      expect(String((await t.deps.models.Accrual.findOne({ checkGuid: paid.guid }).lean())?.memberId)).to.equal(String(enrolled?._id));
      // The cafe program does not auto-enrol: an unknown phone is an unknown account there.
      const cafe = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest('6175550903'), { restaurant: CAFE_RESTAURANT });
      expect([cafe.status, cafe.body.transactionStatus]).to.deep.equal([404, 'ERROR_ACCOUNT_INVALID']);
      expect(await t.deps.models.Member.countDocuments({ phone: '6175550903' })).to.equal(0);
    });

    it('20 concurrent first visits with one phone (INQUIREs and ACCRUEs) make one member', async () => {
      const phone = '6175550999';
      const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0
        ? toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(phone, { check: demoCheck() }))
        : toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(phone, { check: demoCheck(true) })))));
      expect(replies.map((r) => r.status)).to.deep.equal(new Array(20).fill(200));
      const members = await t.deps.models.Member.find({ programId: 'demo', phone }).lean();
      expect(members).to.have.length(1);
      const ids = new Set(replies.filter((r, i) => i % 2 === 0 && r).map((r) => r.body.checkResponse?.accountInfo?.identifier));
      expect([...ids]).to.deep.equal([members[0]!.loyaltyIdentifier]);
      expect(await t.deps.models.Accrual.countDocuments({ memberId: members[0]!._id })).to.equal(10);
    });
  });

  describe('§4 suspended accounts', () => {
    it('INQUIRE and REDEEM: ACCEPT, nothing applicable, every submitted redemption rejected, nothing debited', async () => {
      const member = await seedMember(t.deps, { points: 500 });
      await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { status: 'SUSPENDED' } });
      const c = demoCheck();
      const submitted = [redemption('free-fries', { selectionGuid: c.selections[1]!.guid, appliedDiscountGuid: 'ad-1' }), redemption('ten-off', { amount: 10 }), redemption('no-such-reward')];
      const inquire = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: c, redemptions: submitted }));
      expect([inquire.status, inquire.body.transactionStatus]).to.deep.equal([200, 'ACCEPT']);
      expect(inquire.body.checkResponse?.offers?.filter((o) => o.applicable)).to.deep.equal([]);
      expect(inquire.body.checkResponse?.appliedRedemptions).to.deep.equal([]);
      expect(inquire.body.checkResponse?.rejectedRedemptions?.map((r) => [r.redemption.identifier, r.message])).to.deep.equal([
        ['free-fries', 'The loyalty account is suspended'], ['ten-off', 'The loyalty account is suspended'], ['no-such-reward', 'The loyalty account is suspended'],
      ]);
      const redeem = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, { check: c, redemptions: submitted }));
      expect([redeem.status, redeem.body.transactionStatus, redeem.body.checkResponse?.rejectedRedemptions?.length]).to.deep.equal([200, 'ACCEPT', 3]);
      expect(await balanceOf(t.deps, member)).to.equal(500);
    });

    it('ACCRUE (WITHHOLD): ACCEPT, the check kept WITHHELD, no points; reinstated → posted once', async () => {
      const member = await seedMember(t.deps);
      await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { status: 'SUSPENDED' } });
      const paid = demoCheck(true);
      const r = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }));
      expect([r.status, r.body.transactionStatus, r.body.checkResponse?.userMessage]).to.deep.equal([200, 'ACCEPT',
        'Your loyalty account is on hold: the points for this visit will be added when it is reinstated.']);
      const acc = await t.deps.models.Accrual.findOne({ checkGuid: paid.guid }).lean();
      expect(acc).to.include({ state: 'WITHHELD' });
      expect(await postAccrual(t.deps, String(acc!._id), t.clock.now())).to.equal('ALREADY_DONE');
      expect(await releaseWithheldAccruals(deps(), { programId: 'demo', memberId: member._id, now: t.clock.now() })).to.deep.equal({ released: 0, posted: 0 });
      await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { status: 'REGISTERED' } });
      const [first, again] = await Promise.all([1, 2].map(() => releaseWithheldAccruals(deps(), { programId: 'demo', memberId: member._id, now: t.clock.now() })));
      expect(first!.released + again!.released).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(32); // $16.48 at 1 point per dollar, doubled 2-5 pm
      expect(await t.deps.models.Accrual.findById(acc!._id).lean()).to.include({ state: 'POSTED', points: 32 });
    });

    it('ACCRUE (FORFEIT, the cafe program): ACCEPT, the check kept FORFEITED, never posted', async () => {
      const member = await seedMember(t.deps, { programId: 'cafe' });
      await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { status: 'SUSPENDED' } });
      const paid = paidCheck({ selections: [selection({ price: 5 })] });
      const r = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }), { restaurant: CAFE_RESTAURANT });
      expect(r.body.checkResponse?.userMessage).to.equal('Your loyalty account is suspended: this visit earns no points.');
      await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { status: 'REGISTERED' } });
      expect(await releaseWithheldAccruals(deps(), { programId: 'cafe', memberId: member._id, now: t.clock.now() })).to.deep.equal({ released: 0, posted: 0 });
      expect(await t.deps.models.Accrual.findOne({ checkGuid: paid.guid }).lean()).to.include({ state: 'FORFEITED' });
      expect(await balanceOf(t.deps, member)).to.equal(0);
    });
  });

  describe('§6 a visit is never lost', () => {
    it('an ACCRUE whose identifier resolves to nobody: ACCEPT, kept UNCLAIMED, then claimed with the receipt', async () => {
      const paid = { ...demoCheck(true), paidDate: '2026-12-01T14:30:00.000Z', closedDate: '2026-12-01T14:30:00.000Z' };
      const orderGuid = '0f9d3c1e-7a61-4b0e-9d6c-5a4b3c2d1e0f';
      const r = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest('OLD-CARD-123456', { check: paid, orderGuid }));
      expect([r.status, r.body.transactionStatus, r.body.checkResponse?.userMessage]).to.deep.equal([200, 'ACCEPT',
        'We could not find that loyalty account. Scan the QR code on this receipt to claim 16 points.']);
      expect(await t.deps.models.Accrual.findOne({ checkGuid: paid.guid }).lean()).to.include({ state: 'UNCLAIMED', memberId: null });
      const member = await seedMember(t.deps);
      const claimed = await claim(t, { receipt: `6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01:${orderGuid}:${paid.guid}`, loyaltyIdentifier: member.loyaltyIdentifier });
      expect(claimed.status, claimed.text).to.equal(201);
      expect(await balanceOf(t.deps, member)).to.equal(16);
    });
  });
});
