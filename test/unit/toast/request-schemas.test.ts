import { expect } from 'chai';
import { fixture, requestFixtures } from './fixtures.js';
import { isTransactionType, validateToastRequest, type TransactionType } from '../../../server/toast/schemas/index.js';
import {
  accrueRequest, check, inquireRequest, redeemRequest, redemption, reverseRequest, searchRequest, selection, signupRequest,
  transferRequest,
} from '../../support/toast-requests.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (type: string): Body => structuredClone(fixture(`requests/${type}.json`).body) as Body;

function expectInvalid(type: TransactionType, body: unknown, pathPart?: string): string {
  const result = validateToastRequest(type, body);
  expect(result.ok, JSON.stringify(result)).to.equal(false);
  if (result.ok) throw new Error('unreachable');
  if (pathPart) expect(result.error).to.include(pathPart);
  return result.error;
}

describe('toast request schemas', () => {
  describe('§5 example requests', () => {
    for (const { name, headers, body } of requestFixtures()) {
      it(`${name} validates for its Toast-Transaction-Type`, () => {
        const type = headers['Toast-Transaction-Type'];
        if (!isTransactionType(type)) throw new Error(`bad fixture type ${type}`);
        const result = validateToastRequest(type, body);
        expect(result, JSON.stringify(result)).to.deep.include({ ok: true });
        if (result.ok) expect(result.value).to.equal(body); // returned as is, not copied or coerced
      });
    }
  });

  describe('lenient where Toast payloads are', () => {
    it('accepts null guid/entityType/vendor and unknown members (customer, diningOption, itemId)', () => {
      const body = clone('redeem');
      expect(body.checkTransactionInformation.check.appliedLoyaltyInfo.vendor).to.equal(null);
      body.checkTransactionInformation.check.customer = { firstName: 'Ada', nested: { deep: [1, 2] } };
      body.checkTransactionInformation.redemptions[0].itemId = null;
      body.somethingNew = { x: 1 };
      expect(validateToastRequest('LOYALTY_REDEEM', body).ok).to.equal(true);
    });
    it('accepts numeric strings for amounts ("amount":"10") and tax doubles with 8 decimals', () => {
      const body = clone('inquire');
      body.checkTransactionInformation.check.amount = '97.42';
      body.checkTransactionInformation.redemptions = [redemption('4', { amount: '10' })];
      expect(body.checkTransactionInformation.check.selections[0].tax).to.equal(5.49612811);
      expect(validateToastRequest('LOYALTY_INQUIRE', body).ok).to.equal(true);
    });
    it('accepts Toast "+0000" timestamps and unknown enum values', () => {
      const body = clone('accrue');
      body.checkTransactionInformation.check.payments[0].cardEntryMode = 'SOME_FUTURE_MODE';
      expect(validateToastRequest('LOYALTY_ACCRUE', body).ok).to.equal(true);
    });
    it('accepts ACCRUE and REVERSE with a null loyaltyIdentifier, REVERSE without redemptions', () => {
      expect(validateToastRequest('LOYALTY_ACCRUE', accrueRequest(null)).ok).to.equal(true);
      expect(validateToastRequest('LOYALTY_REVERSE', reverseRequest('ab11d469', null)).ok).to.equal(true);
    });
    it('accepts modifiers nested four levels deep', () => {
      let node = selection();
      for (let i = 0; i < 3; i += 1) node = selection({ modifiers: [node] });
      const body = inquireRequest('m-1', { check: check({ selections: [selection({ modifiers: [node] })] }) });
      expect(validateToastRequest('LOYALTY_INQUIRE', body).ok).to.equal(true);
    });
  });

  describe('strict on money and identity', () => {
    it('refuses a fifth modifier level', () => {
      let node = selection();
      for (let i = 0; i < 4; i += 1) node = selection({ modifiers: [node] });
      const body = inquireRequest('m-1', { check: check({ selections: [selection({ modifiers: [node] })] }) });
      expectInvalid('LOYALTY_INQUIRE', body, '/modifiers/0/modifiers/0/modifiers/0/modifiers');
    });
    for (const bad of ['NaN', '1e3', '', ' 10', '10,5', '12345678', 1e7 + 1, -1e7 - 1, Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      it(`refuses amount ${typeof bad === 'number' ? String(bad) : JSON.stringify(bad)}`, () => {
        const body = clone('inquire');
        body.checkTransactionInformation.check.selections[0].price = bad;
        expectInvalid('LOYALTY_INQUIRE', body, '/checkTransactionInformation/check/selections/0/price');
      });
    }
    it('refuses negative redemption amounts and fractional redemption quantities', () => {
      expectInvalid('LOYALTY_REDEEM', redeemRequest('m', { redemptions: [redemption('1', { amount: -5 })] }), '/redemptions/0/amount');
      expectInvalid('LOYALTY_REDEEM', redeemRequest('m', { redemptions: [redemption('1', { quantity: 1.5 })] }), '/redemptions/0/quantity');
    });
    it('requires a non-null loyaltyIdentifier on INQUIRE and REDEEM', () => {
      const body = clone('inquire');
      body.checkTransactionInformation.loyaltyIdentifier = null;
      expectInvalid('LOYALTY_INQUIRE', body, '/checkTransactionInformation/loyaltyIdentifier');
      expectInvalid('LOYALTY_REDEEM', { ...body, toastTransactionType: null }, '/checkTransactionInformation/loyaltyIdentifier');
    });
    it('refuses empty, oversized and control-character identifiers; a TRANSFER target stays printable ASCII', () => {
      for (const id of ['', 'x'.repeat(129), 'a\u0000b', 'a\u001bb']) expectInvalid('LOYALTY_INQUIRE', inquireRequest(id), '/loyaltyIdentifier');
      expectInvalid('LOYALTY_TRANSFER', transferRequest('a', 'x'.repeat(129)), '/toLoyaltyIdentifier');
      expectInvalid('LOYALTY_TRANSFER', transferRequest('a', ' pad'), '/toLoyaltyIdentifier');
    });
    it('accepts identifiers as keyed or scanned: outer spaces, non-ASCII, dashes, a scanner line break', () => {
      for (const id of [' pad ', 'ünïcode 1', '６１７５５５０１２３', '617-555-0123', 'abc\r\n', 'a\tb']) {
        for (const type of ['LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE'] as const) {
          const body = type === 'LOYALTY_INQUIRE' ? inquireRequest(id) : type === 'LOYALTY_REDEEM' ? redeemRequest(id) : accrueRequest(id);
          expect(validateToastRequest(type, body).ok, `${type} ${JSON.stringify(id)}`).to.equal(true);
        }
      }
    });
    it('requires check.guid and selection guids', () => {
      const body = clone('accrue');
      body.checkTransactionInformation.check.guid = null;
      expectInvalid('LOYALTY_ACCRUE', body, '/checkTransactionInformation/check/guid');
      const noSelGuid = clone('accrue');
      delete noSelGuid.checkTransactionInformation.check.selections[0].guid;
      expectInvalid('LOYALTY_ACCRUE', noSelGuid, 'must have member guid');
    });
    it('bounds arrays: 501 selections, 101 redemptions', () => {
      expectInvalid('LOYALTY_INQUIRE', inquireRequest('m', { check: check({ selections: Array(501).fill(selection()) }) }), '/selections');
      expectInvalid('LOYALTY_INQUIRE', inquireRequest('m', { redemptions: Array(101).fill(redemption('1')) }), '/redemptions');
    });
    it('refuses __proto__ / constructor members in declared objects', () => {
      const body = JSON.parse('{"toastTransactionType":"LOYALTY_TRANSFER","__proto__":{"admin":true},"transferTransactionInformation":{"fromLoyaltyIdentifier":"a","toLoyaltyIdentifier":"b"}}');
      expect(expectInvalid('LOYALTY_TRANSFER', body)).to.include('forbidden member name');
      const c = clone('transfer');
      c.transferTransactionInformation = JSON.parse('{"fromLoyaltyIdentifier":"a","toLoyaltyIdentifier":"b","constructor":{}}');
      expectInvalid('LOYALTY_TRANSFER', c, '/transferTransactionInformation');
    });
  });

  describe('per-type rules', () => {
    it('SEARCH needs one non-null criterion and a 10-digit phone', () => {
      expect(validateToastRequest('LOYALTY_SEARCH', searchRequest({ phone: '6175550123' })).ok).to.equal(true);
      expect(validateToastRequest('LOYALTY_SEARCH', searchRequest({ email: 'a@b.co' })).ok).to.equal(true);
      expectInvalid('LOYALTY_SEARCH', searchRequest({}), '/searchTransactionInformation/searchCriteria');
      expectInvalid('LOYALTY_SEARCH', searchRequest({ firstName: '' }), '/searchCriteria');
      for (const phone of ['617555012', '617-555-0123', '+16175550123']) {
        expectInvalid('LOYALTY_SEARCH', searchRequest({ phone }), '/searchTransactionInformation/searchCriteria/phone');
      }
    });
    it('refuses empty criteria objects (ajv skips a custom keyword after propertyNames on {}; ours sit in allOf)', () => {
      expect(expectInvalid('LOYALTY_SEARCH', { searchTransactionInformation: { searchCriteria: {} } })).to.include('at least one of');
      expect(expectInvalid('LOYALTY_SIGNUP', { signupTransactionInformation: {} })).to.include('exactly one of phone, email');
    });
    it('SIGNUP needs exactly one of phone or email', () => {
      expect(validateToastRequest('LOYALTY_SIGNUP', signupRequest({ email: 'ada@example.com' })).ok).to.equal(true);
      expectInvalid('LOYALTY_SIGNUP', { signupTransactionInformation: { phone: '6175550123', email: 'a@example.com' } }, '/signupTransactionInformation');
      expectInvalid('LOYALTY_SIGNUP', { signupTransactionInformation: { phone: null, email: null } }, '/signupTransactionInformation');
      expectInvalid('LOYALTY_SIGNUP', signupRequest({ phone: '61755501234' }), '/signupTransactionInformation/phone');
    });
    it('a body toastTransactionType different from the header is ERROR_INVALID_TOAST_TRANSACTION_TYPE', () => {
      const result = validateToastRequest('LOYALTY_INQUIRE', { ...clone('inquire'), toastTransactionType: 'LOYALTY_REDEEM' });
      expect(result).to.deep.include({ ok: false, code: 'ERROR_INVALID_TOAST_TRANSACTION_TYPE' });
    });
    it('the type member is required and must be an object', () => {
      expectInvalid('LOYALTY_INQUIRE', { toastTransactionType: 'LOYALTY_INQUIRE' }, 'must have member checkTransactionInformation');
      expectInvalid('LOYALTY_INQUIRE', clone('search'), '/checkTransactionInformation: must be object');
      expectInvalid('LOYALTY_REVERSE', { reverseTransactionInformation: [] }, '/reverseTransactionInformation');
      for (const body of [null, [], 'x', 1, undefined]) expectInvalid('LOYALTY_ACCRUE', body);
    });
  });

  it('error text names the path and never echoes body data', () => {
    const secret = 'jane.doe.secret@example.com';
    const error = expectInvalid('LOYALTY_SEARCH', searchRequest({ email: `${secret}@` }));
    expect(error).to.match(/^\/searchTransactionInformation\/searchCriteria\/email: /);
    expect(error).not.to.include('jane');
    expect(error.length).to.be.at.most(200);
  });
});
