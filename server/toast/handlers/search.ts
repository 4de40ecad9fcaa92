/** LOYALTY_SEARCH: accounts matching the criteria, or 404 ERROR_ACCOUNT_INVALID. */
import { LoyaltyError } from '../../loyalty/errors';
import { searchMembers } from '../../loyalty/members';
import { accountInfo } from '../present';
import type { ToastHandler } from './handler';

export const searchHandler: ToastHandler<'LOYALTY_SEARCH'> = {
  type: 'LOYALTY_SEARCH',
  identifierOf: () => null,
  async handle({ deps, program, body, now }) {
    const criteria = body.searchTransactionInformation.searchCriteria;
    const found = await searchMembers(deps.models, program.programId, criteria, {
      autoEnrol: program.program.policies.membership.autoEnrolOnPhoneLookup, now,
    });
    if (found.length === 0) throw new LoyaltyError('ACCOUNT_INVALID', 'no account matches');
    return { response: { searchResponse: { accounts: found.map((m) => accountInfo(m, m.pointsBalance)) } } };
  },
};
