/**
 * LOYALTY_ACCRUE: records the paid check (server/loyalty/accrual/accrual.ts) and answers with the line
 * printed on the receipt. A visit is never lost (issue 8 §6): the account is named by the request
 * or by the check's appliedLoyaltyInfo (Toast doc 002); an unknown 10-digit phone enrols a
 * STARTER where the program allows it (Spendgo §5.1.1); with no account, or one that resolves to
 * nobody (an old card after TRANSFER, a typo), the answer is ACCEPT and the check is kept
 * UNCLAIMED for a receipt claim. A SUSPENDED member's check is kept with its points withheld.
 */
import { acceptAccrual } from '../../loyalty/accrual/accrual.js';
import { memberAtRegister } from '../../loyalty/members/register-member.js';
import { accountIdentifierOf } from '../account-identifier.js';
import { normalizeToastCheck } from '../normalize/index.js';
import type { ToastHandler } from './handler.js';

export const accrueHandler: ToastHandler<'LOYALTY_ACCRUE'> = {
  type: 'LOYALTY_ACCRUE',
  identifierOf: (body) => accountIdentifierOf(body.checkTransactionInformation),
  claimsByEffect: true,
  async handle({ deps, program, body, transactionGuid, now, request }) {
    const info = body.checkTransactionInformation;
    const identifier = accountIdentifierOf(info);
    const member = identifier === null ? null : await memberAtRegister(deps.models, program, identifier, now);
    const result = await acceptAccrual(deps, {
      programId: program.programId, locationGuid: program.restaurantGuid, transactionGuid,
      orderGuid: info.orderGuid ?? null, member, unresolvedIdentifier: identifier !== null && member === null,
      check: normalizeToastCheck(info.check), now, ...(request ? { request } : {}),
    });
    return {
      response: { checkResponse: { userMessage: result.userMessage } },
      record: { memberId: member ? String(member._id) : null, accrualId: result.accrualId },
      ...(result.queued ? { finishing: result.queued } : {}),
    };
  },
};
