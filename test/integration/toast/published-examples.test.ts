/**
 * Issue 8 §2: Toast's published examples are fixtures (test/fixtures/toast-published/README.md).
 * Each request example goes through the webhook exactly as printed — only the restaurant header
 * (and, where the test says so, offer identifiers) swapped for real ones — and must be ACCEPTed
 * with an answer that passes our response schema and Toast's published one (toast-client.ts).
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.js';
import { balanceOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { publishedSchemaErrors, publishedText, repairPrintedJson, stripFootnoteMarkers } from '../../support/toast-published.js';
import { validateToastResponse } from '../../../server/toast/schemas/index.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const redeemExample = (): Json => JSON.parse(publishedText('003-redeem-request.json')) as Json;

describe("Toast's published examples through the webhook", () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'published' }); });
  after(async () => { await t.close(); });

  it('003 REDEEM request, as printed (epoch-ms openedDate, itemId redemption of offer "1"): ACCEPT, the unknown offer rejected with its discount GUID', async () => {
    const jack = await seedMember(t.deps, { loyaltyIdentifier: '3', firstName: 'jack', lastName: 'williams', points: 500 });
    const r = await toast(t.app, 'LOYALTY_REDEEM', redeemExample());
    expect([r.status, r.body.transactionStatus]).to.deep.equal([200, 'ACCEPT']);
    expect(r.body.checkResponse?.accountInfo).to.include({ identifier: '3', pointsBalance: '500' });
    expect(r.body.checkResponse?.appliedRedemptions).to.deep.equal([]);
    expect(r.body.checkResponse?.rejectedRedemptions).to.deep.equal([{
      redemption: { identifier: '1', appliedDiscountGuid: '5318bf86-505a-43fe-91ad-feb6fe6e0ad2', amount: 5, quantity: 2 },
      message: 'This reward is not part of the loyalty program',
    }]);
    expect(await balanceOf(t.deps, jack)).to.equal(500);
  });

  it('003 REDEEM request with its offer "1" swapped for the demo\'s "$10 off" (quantity 2 over the limit of 1): ACCEPT, rejected', async () => {
    const body = redeemExample();
    body.checkTransactionInformation.loyaltyIdentifier = (await seedMember(t.deps, { points: 500 })).loyaltyIdentifier;
    body.checkTransactionInformation.check.appliedLoyaltyInfo.loyaltyIdentifier = body.checkTransactionInformation.loyaltyIdentifier;
    body.checkTransactionInformation.check.appliedDiscounts[0].loyaltyDetails.referenceId = 'ten-off';
    body.checkTransactionInformation.redemptions[0].identifier = 'ten-off';
    const r = await toast(t.app, 'LOYALTY_REDEEM', body);
    expect(r.body.checkResponse?.rejectedRedemptions?.map((x) => [x.redemption.identifier, x.message])).to.deep.equal([['ten-off', 'Too many rewards on this check']]);
    body.checkTransactionInformation.redemptions[0].quantity = 1;
    const one = await toast(t.app, 'LOYALTY_REDEEM', body);
    expect(one.body.checkResponse?.appliedRedemptions).to.deep.equal([{
      identifier: 'ten-off', appliedDiscountGuid: '5318bf86-505a-43fe-91ad-feb6fe6e0ad2', quantity: 1, name: '$10 Off Your Check', amount: 10,
    }]);
  });

  it('002 Orders-API fragment: repaired, its check ACCRUEd with the account only in appliedLoyaltyInfo (a card number)', async () => {
    const holder = await seedMember(t.deps, { cardNumbers: ['6000101001599474'] });
    const order = JSON.parse(repairPrintedJson(publishedText('002-order-applied-loyalty-fragment.txt'))) as Json;
    expect(order.checks[0].appliedLoyaltyInfo).to.deep.equal({ loyaltyIdentifier: '6000101001599474', vendor: 'MYLOYALTYPROVIDER' });
    // The fragment prints no GUIDs for the check and its selection; a real check has them.
    const check = { ...order.checks[0], guid: 'b6a1c6f0-0002-4d8e-9a3b-000000000002', selections: [{ ...order.checks[0].selections[0], guid: 'b6a1c6f0-0002-4d8e-9a3b-000000000003' }] };
    const r = await toast(t.app, 'LOYALTY_ACCRUE', { toastTransactionType: 'LOYALTY_ACCRUE', checkTransactionInformation: { loyaltyIdentifier: null, check } });
    expect([r.status, r.body.transactionStatus]).to.deep.equal([200, 'ACCEPT']);
    const stored = await t.deps.models.Accrual.findOne({ checkGuid: check.guid }).lean();
    expect(String(stored?.memberId)).to.equal(String(holder._id));
    expect(JSON.stringify(stored)).not.to.match(/Francis|Gauthier|987-654-3210/);
  });

  it('003 example response: exactly these deviations from Toast\'s own OpenAPI and from our response schema', () => {
    const printed = JSON.parse(stripFootnoteMarkers(publishedText('003-redeem-response.txt'))) as Json;
    expect(publishedSchemaErrors(printed)).to.deep.equal([
      '/checkResponse/offers/0/amount must be number',
      '/checkResponse/offers/1/itemApplication/0/amount must be number',
      '/checkResponse/offers/1/amount must be number',
      '/checkResponse/appliedRedemptions/0/selectionGuid must be string',
    ]);
    // Ours reports one problem at a time: repair each as it is named, and record it.
    const ours: string[] = [];
    const repairs: Record<string, (b: Json) => void> = {
      '/checkResponse/offers/0/amount: must be number': (b) => { b.checkResponse.offers[0].amount = 5; },
      '/checkResponse/offers/1/itemApplication/0/amount: must be number': (b) => { b.checkResponse.offers[1].itemApplication[0].amount = 10; },
      '/checkResponse/offers/1/amount: must be number': (b) => { b.checkResponse.offers[1].amount = 10; },
      '/checkResponse/appliedRedemptions/0/itemId: must be string': (b) => { delete b.checkResponse.appliedRedemptions[0].itemId; },
      '/checkResponse/appliedRedemptions/0/selectionGuid: must be string': (b) => { delete b.checkResponse.appliedRedemptions[0].selectionGuid; },
    };
    const body = structuredClone(printed);
    for (let errors = validateToastResponse('LOYALTY_REDEEM', 200, body); errors.length > 0; errors = validateToastResponse('LOYALTY_REDEEM', 200, body)) {
      const repair = repairs[errors[0]!];
      if (!repair || ours.length > 5) throw new Error(`unexpected: ${errors.join('; ')}`);
      ours.push(errors[0]!);
      repair(body);
    }
    expect(ours).to.deep.equal(Object.keys(repairs));
    expect(publishedSchemaErrors(body)).to.deep.equal([]);
  });
});
