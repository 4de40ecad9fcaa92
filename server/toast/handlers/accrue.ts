/**
 * LOYALTY_ACCRUE: records the paid check (server/loyalty/accrual.ts) and answers with the points
 * message printed on the receipt. A null identifier is ACCEPT: the check is kept unclaimed for a
 * later receipt claim. An identifier naming no account is ERROR_ACCOUNT_INVALID.
 */
import { acceptAccrual } from '../../loyalty/accrual.js';
import { LoyaltyError } from '../../loyalty/errors.js';
import { resolveMember } from '../../loyalty/members.js';
import { normalizeToastCheck } from '../normalize/index.js';
import type { ToastHandler } from './handler.js';

export const accrueHandler: ToastHandler<'LOYALTY_ACCRUE'> = {
  type: 'LOYALTY_ACCRUE',
  identifierOf: (body) => body.checkTransactionInformation.loyaltyIdentifier ?? null,
  async handle({ deps, program, body, transactionGuid, now }) {
    const info = body.checkTransactionInformation;
    const identifier = info.loyaltyIdentifier ?? null;
    const member = identifier === null ? null : await resolveMember(deps.models, program.programId, identifier);
    if (identifier !== null && !member) throw new LoyaltyError('ACCOUNT_INVALID', 'account not found');
    const result = await acceptAccrual(deps, {
      programId: program.programId, locationGuid: program.restaurantGuid, transactionGuid,
      orderGuid: info.orderGuid ?? null, member, check: normalizeToastCheck(info.check), now,
    });
    return {
      response: { checkResponse: { userMessage: result.userMessage } },
      record: { memberId: member ? String(member._id) : null, accrualId: result.accrualId },
    };
  },
};
