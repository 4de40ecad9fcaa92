/**
 * LOYALTY_SEARCH: accounts matching the criteria, or 404 ERROR_ACCOUNT_INVALID. Answered like a
 * read (one insert of the answer, no claim first): its only effect, enrolling an unknown phone
 * where the program allows it, is keyed by the phone, so concurrent copies find one member.
 */
import { LoyaltyError } from '../../loyalty/errors.js';
import { searchMembers } from '../../loyalty/members/members.js';
import { accountInfo } from '../present.js';
import type { ToastHandler } from './handler.js';

export const searchHandler: ToastHandler<'LOYALTY_SEARCH'> = {
  type: 'LOYALTY_SEARCH',
  identifierOf: () => null,
  readOnly: true,
  async handle({ deps, program, body, now }) {
    const criteria = body.searchTransactionInformation.searchCriteria;
    const found = await searchMembers(deps.models, program.programId, criteria, {
      autoEnrol: program.program.policies.membership.autoEnrolOnPhoneLookup, now,
    });
    if (found.length === 0) throw new LoyaltyError('ACCOUNT_INVALID', 'no account matches');
    return { response: { searchResponse: { accounts: found.map((m) => accountInfo(m, m.pointsBalance)) } } };
  },
};
