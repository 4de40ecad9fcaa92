/**
 * LOYALTY_REDEEM: commits the submitted redemptions (server/loyalty/redemption/redemption.ts). Always
 * ACCEPT for a known account — also a SUSPENDED one (003 note 4) — invalid or unaffordable
 * redemptions come back as rejections. The account is named by the request or by the check's
 * appliedLoyaltyInfo. The answer shows the state after the debit: balance and offers as they are now.
 */
import { LoyaltyError } from '../../loyalty/errors.js';
import { resolveMember, type MemberRecord } from '../../loyalty/members/members.js';
import type { Models } from '../../store/models/index.js';
import type { ToastRequestBody } from '../schemas/index.js';
import { recordEvaluation } from '../../loyalty/offers/recorded-evaluation.js';
import { redeem } from '../../loyalty/redemption/redemption.js';
import { checkUserMessage } from '../../loyalty/policy/user-message.js';
import { accountIdentifierOf } from '../account-identifier.js';
import { normalizeRedemptions, normalizeToastCheck } from '../normalize/index.js';
import { accountInfo, appliedRedemption, offer, rejectedRedemptions } from '../present.js';
import type { ToastHandler } from './handler.js';

/** The account the REDEEM names, or null. */
function accountOf(models: Models, programId: string, body: ToastRequestBody<'LOYALTY_REDEEM'>): Promise<MemberRecord | null> {
  return resolveMember(models, programId, accountIdentifierOf(body.checkTransactionInformation) ?? '');
}

export const redeemHandler: ToastHandler<'LOYALTY_REDEEM'> = {
  type: 'LOYALTY_REDEEM',
  identifierOf: (body) => accountIdentifierOf(body.checkTransactionInformation),
  // The account is read while the request is claimed (dispatch): REDEEM's round trips are sequential.
  prefetch: (deps, program, body) => accountOf(deps.models, program.programId, body),
  async handle({ deps, program, body, transactionGuid, now, rerun, prefetched }) {
    const info = body.checkTransactionInformation;
    const member = await (prefetched as ReturnType<typeof accountOf> | undefined ?? accountOf(deps.models, program.programId, body));
    if (!member) throw new LoyaltyError('ACCOUNT_INVALID', 'account not found');
    const result = await redeem({
      models: deps.models, logger: deps.logger, context: program, member, check: normalizeToastCheck(info.check),
      redemptions: normalizeRedemptions(info.redemptions), transactionGuid, now, rerun: rerun === true,
    });
    const offers = result.offers.offers;
    return {
      response: {
        checkResponse: {
          accountInfo: accountInfo(member, result.balance),
          offers: offers.map(offer),
          appliedRedemptions: result.applied.map(appliedRedemption),
          rejectedRedemptions: rejectedRedemptions(result.rejected),
          userMessage: checkUserMessage(result.evaluation.earn.points, result.balance, offers),
        },
      },
      record: { memberId: String(member._id), redemptions: result.committed, evaluation: recordEvaluation(result.evaluation, program, now) },
    };
  },
};
