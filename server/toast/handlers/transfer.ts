/** LOYALTY_TRANSFER: card replacement; the account answers to the new identifier only. */
import { transferMember } from '../../loyalty/members/members.js';
import type { ToastHandler } from './handler.js';

export const transferHandler: ToastHandler<'LOYALTY_TRANSFER'> = {
  type: 'LOYALTY_TRANSFER',
  identifierOf: (body) => body.transferTransactionInformation.fromLoyaltyIdentifier,
  async handle({ deps, program, body, now, transactionGuid }) {
    const { fromLoyaltyIdentifier, toLoyaltyIdentifier } = body.transferTransactionInformation;
    const identifier = await transferMember(deps.models, program.programId, fromLoyaltyIdentifier, toLoyaltyIdentifier, now, transactionGuid);
    return { response: { transferResponse: { loyaltyIdentifier: identifier } } };
  },
};
