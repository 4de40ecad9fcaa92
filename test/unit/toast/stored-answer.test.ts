/**
 * answerBodies (server/toast/stored-answer.ts): the stored copy of an answer carries a marker
 * instead of each account's contact fields, and is otherwise the answer byte for byte.
 */
import { expect } from 'chai';
import { answerBodies } from '../../../server/toast/stored-answer.js';

/** What the marking must produce: JSON.stringify with a replacer (the reference definition). */
function reference(answer: object): string {
  const contact = new Set(['firstName', 'lastName', 'phone', 'email']);
  return JSON.stringify(answer, function (this: unknown, key: string, value: unknown) {
    const holder = this as { identifier?: unknown } | null;
    return contact.has(key) && typeof value === 'string' && typeof holder?.identifier === 'string' ? { $contact: true } : value;
  });
}

describe('answerBodies', () => {
  it('marks the contact fields of every account, nested and in arrays, and leaves the rest byte for byte', () => {
    const answer = {
      transactionStatus: 'ACCEPT',
      inquireResponse: { accountInfo: { identifier: 'A1', firstName: 'Ann', lastName: 'Lee', phone: '6175550100', email: 'a@x.org', pointsBalance: 12 }, offers: [{ identifier: 'r1', name: 'Coffee' }] },
      searchResponse: { accounts: [{ identifier: 'A2', firstName: 'Bo', email: null }, { identifier: 'A3', lastName: 'Ng' }] },
      // Not accounts: no identifier beside them, so nothing to mark.
      note: { firstName: 'not an account' },
      firstName: 'top level, no identifier',
    };
    const { sent, stored } = answerBodies(answer);
    expect(sent).to.equal(JSON.stringify(answer));
    expect(stored).to.equal(reference(answer));
    expect(stored).to.not.include('Ann').and.not.include('6175550100').and.not.include('a@x.org').and.not.include('"Ng"');
    expect(stored).to.include('not an account').and.include('"email":null');
    expect(answer.inquireResponse.accountInfo.firstName, 'the answer itself is not changed').to.equal('Ann');
  });

  it('stores the sent bytes when no account has a contact field', () => {
    const answer = { transactionStatus: 'ACCEPT', inquireResponse: { accountInfo: { identifier: 'A1', pointsBalance: 3 } } };
    const { sent, stored } = answerBodies(answer);
    expect(stored).to.equal(sent);
  });
});
