/** LOYALTY_SIGNUP: a new REGISTERED account from exactly one of phone or email. */
import { signUp } from '../../loyalty/members/members.js';
import type { ToastHandler } from './handler.js';

export const signupHandler: ToastHandler<'LOYALTY_SIGNUP'> = {
  type: 'LOYALTY_SIGNUP',
  identifierOf: () => null,
  async handle({ deps, program, body, now, transactionGuid }) {
    const member = await signUp(deps.models, program.programId, body.signupTransactionInformation, now, transactionGuid);
    return { response: { signupResponse: { loyaltyIdentifier: member.loyaltyIdentifier } }, record: { memberId: String(member._id) } };
  },
};
