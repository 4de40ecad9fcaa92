import { expect } from 'chai';
import { fixture, responseFixtures } from './fixtures.js';
import { validateResponseRedemption, validateToastResponse } from '../../../server/toast/schemas/index.js';
import { publishedResponseErrors } from '../../support/toast-published.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const body = (name: string): Body => structuredClone((fixture(`responses/${name}.json`) as Body).body) as Body;

describe('toast response schemas', () => {
  describe('§5 example responses', () => {
    for (const { name, type, status, body: response } of responseFixtures()) {
      it(`${name} (${type ?? 'any type'}, HTTP ${status}) conforms`, () => {
        expect(validateToastResponse(type, status, response)).to.deep.equal([]);
        expect(publishedResponseErrors(status, response), "Toast's published schema").to.deep.equal([]);
      });
    }
    it('the schema-derived MULTI_ITEM redemption fragment validates as a Redemption', () => {
      // Its GUIDs are placeholders ("7c1d…", "<sel-guid-sliders>"): response identifiers are
      // bounded strings without a pattern, because they echo Toast's values back.
      expect(validateResponseRedemption(fixture('responses/multi-item-redemption.json'))).to.equal(true);
    });
    it("pointsBalance is a string of digits, as Toast's OpenAPI types it (its examples print numbers)", () => {
      const inquire = body('inquire-accept');
      expect(inquire.checkResponse.accountInfo.pointsBalance).to.equal('40');
      inquire.checkResponse.accountInfo.pointsBalance = 40;
      expect(validateToastResponse('LOYALTY_INQUIRE', 200, inquire).join('\n')).to.match(/pointsBalance: must be string/);
    });
    it('a rejection echoes what Toast sent, so it needs no appliedDiscountGuid (003: every invalid redemption is answered)', () => {
      const b = body('redeem-accept-rejected');
      delete b.checkResponse.rejectedRedemptions[0].redemption.appliedDiscountGuid;
      b.checkResponse.rejectedRedemptions[0].redemption.itemId = 'item-1';
      expect(validateToastResponse('LOYALTY_REDEEM', 200, b)).to.deep.equal([]);
    });
  });

  describe('catches what would break the POS', () => {
    const cases: [string, string, number, (b: Body) => void, RegExp][] = [
      ['string amounts (the guide writes "amount":"10"; we send numbers)', 'inquire-accept', 200,
        (b) => { b.checkResponse.offers[2].amount = '10'; }, /offers\/2\/amount/],
      ['amounts with three decimals', 'redeem-accept', 200, (b) => { b.checkResponse.offers[0].amount = 5.005; }, /amount/],
      ['a member sent as null instead of left out (Toast declares nothing nullable but maxRedemptions)', 'redeem-accept', 200,
        (b) => { b.checkResponse.appliedRedemptions[0].selectionGuid = null; }, /selectionGuid: must be string/],
      ['INQUIRE without accountInfo', 'inquire-accept', 200, (b) => { delete b.checkResponse.accountInfo; }, /accountInfo: required/],
      ['INQUIRE without checkResponse', 'inquire-accept', 200, (b) => { delete b.checkResponse; }, /checkResponse: required/],
      ['an applicable ITEM offer without itemApplication', 'inquire-accept', 200,
        (b) => { delete b.checkResponse.offers[1].itemApplication; }, /needs itemApplication/],
      ['an ITEM offer whose amount is not the sum of its items', 'inquire-accept', 200,
        (b) => { b.checkResponse.offers[1].amount = 6; }, /sum of itemApplication/],
      ['a REDEEM offer without amount', 'redeem-accept', 200, (b) => { delete b.checkResponse.offers[0].amount; }, /required on REDEEM/],
      ['redemptionLimit outside INQUIRE', 'redeem-accept', 200,
        (b) => { b.checkResponse.redemptionLimit = { maxRedemptions: 1 }; }, /INQUIRE only/],
      ['a member of another type', 'reverse-accept', 200, (b) => { b.checkResponse = {}; }, /not expected on LOYALTY_REVERSE/],
      ['an unknown member (typo)', 'search-accept', 200, (b) => { b.searchResponce = {}; }, /additional properties/],
      ['a wrong HTTP status', 'search-no-match', 400, () => undefined, /maps to 404/],
      ['an empty SEARCH ACCEPT', 'search-accept', 200, (b) => { b.searchResponse.accounts = []; }, /404/],
      ['a status the type does not use', 'signup-invalid-input', 400,
        (b) => { b.transactionStatus = 'ERROR_TRANSACTION_DOES_NOT_EXIST'; }, /not used with LOYALTY_SIGNUP/],
      ['an unknown status', 'reverse-accept', 200, (b) => { b.transactionStatus = 'OK'; }, /transactionStatus/],
      ['a payload on an error', 'transfer-invalid', 400, (b) => { b.transferResponse = { loyaltyIdentifier: 'x' }; }, /not expected with/],
    ];
    for (const [label, name, status, mutate, expected] of cases) {
      it(`refuses ${label}`, () => {
        const b = body(name);
        mutate(b);
        const type = (fixture(`responses/${name}.json`) as Body).type;
        const errors = validateToastResponse(type, status, b);
        expect(errors.join('\n')).to.match(expected);
      });
    }
    it('ERROR_ACCOUNT_INVALID is 404 on SEARCH/INQUIRE/REDEEM/ACCRUE and 400 on TRANSFER', () => {
      const b = { transactionStatus: 'ERROR_ACCOUNT_INVALID' };
      for (const type of ['LOYALTY_SEARCH', 'LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE'] as const) {
        expect(validateToastResponse(type, 404, b)).to.deep.equal([]);
      }
      expect(validateToastResponse('LOYALTY_TRANSFER', 400, b)).to.deep.equal([]);
    });
    it('never throws on garbage', () => {
      for (const garbage of [undefined, null, '', 'ACCEPT', 42, [], { transactionStatus: null }]) {
        expect(validateToastResponse('LOYALTY_INQUIRE', 200, garbage)).to.have.length.greaterThan(0);
      }
    });
  });
});
