import { expect } from 'chai';
import {
  TRANSACTION_STATUSES, httpStatusFor, isStatusAllowedFor, isTransactionStatus,
} from '../../../server/toast/statuses.js';
import { REQUEST_MEMBER, TRANSACTION_TYPES, TransactionType, isTransactionType } from '../../../server/toast/transaction-types.js';

describe('toast statuses and transaction types', () => {
  it('knows the seven types, case-sensitively', () => {
    expect(TRANSACTION_TYPES).to.have.length(7);
    expect(isTransactionType('LOYALTY_INQUIRE')).to.equal(true);
    for (const bad of ['loyalty_inquire', 'LOYALTY_VALIDATE', '', null, 1, 'LOYALTY_INQUIRE ']) expect(isTransactionType(bad)).to.equal(false);
    expect(REQUEST_MEMBER[TransactionType.ACCRUE]).to.equal('checkTransactionInformation');
  });
  it('maps ACCEPT → 200, ERROR → 500, other errors → 400', () => {
    for (const type of [...TRANSACTION_TYPES, null]) {
      expect(httpStatusFor(type, 'ACCEPT')).to.equal(200);
      expect(httpStatusFor(type, 'ERROR')).to.equal(500);
      for (const status of TRANSACTION_STATUSES.filter((s) => s.startsWith('ERROR_') && s !== 'ERROR_ACCOUNT_INVALID')) {
        expect(httpStatusFor(type, status)).to.equal(400);
      }
    }
  });
  it('maps ERROR_ACCOUNT_INVALID → 404 on SEARCH/INQUIRE/REDEEM/ACCRUE (OpenAPI), 400 elsewhere', () => {
    const expected: Record<string, number> = {
      LOYALTY_SEARCH: 404, LOYALTY_INQUIRE: 404, LOYALTY_REDEEM: 404, LOYALTY_ACCRUE: 404,
      LOYALTY_REVERSE: 400, LOYALTY_SIGNUP: 400, LOYALTY_TRANSFER: 400,
    };
    for (const type of TRANSACTION_TYPES) expect(httpStatusFor(type, 'ERROR_ACCOUNT_INVALID'), type).to.equal(expected[type]);
    expect(httpStatusFor(null, 'ERROR_ACCOUNT_INVALID')).to.equal(400);
  });
  it('restricts type-specific statuses to their types', () => {
    expect(isStatusAllowedFor('LOYALTY_SIGNUP', 'ERROR_ALREADY_REGISTERED')).to.equal(true);
    expect(isStatusAllowedFor('LOYALTY_INQUIRE', 'ERROR_ALREADY_REGISTERED')).to.equal(false);
    expect(isStatusAllowedFor('LOYALTY_REVERSE', 'ERROR_TRANSACTION_CANNOT_BE_REVERSED')).to.equal(true);
    expect(isStatusAllowedFor(null, 'ERROR_INVALID_TOKEN')).to.equal(true);
    expect(isStatusAllowedFor(null, 'ERROR_INVALID_TRANSFER')).to.equal(false);
    expect(isTransactionStatus('OK')).to.equal(false);
  });
});
