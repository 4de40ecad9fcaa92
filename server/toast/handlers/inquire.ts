/**
 * LOYALTY_INQUIRE: the member's offers priced on this check, the submitted redemptions split into
 * applied and rejected, the redemption limit, the balance and what the check will earn.
 */
import type { ToastRedemption } from '../../../rules/index.js';
import { evaluateCheck } from '../../loyalty/check-evaluation';
import { requireMember } from '../../loyalty/members';
import { checkUserMessage } from '../../loyalty/user-message';
import { accountInfo, appliedRedemption, offer, rejectedRedemptions } from '../present';
import type { ToastHandler } from './handler';

export const inquireHandler: ToastHandler<'LOYALTY_INQUIRE'> = {
  type: 'LOYALTY_INQUIRE',
  identifierOf: (body) => body.checkTransactionInformation.loyaltyIdentifier,
  async handle({ deps, program, body, now }) {
    const info = body.checkTransactionInformation;
    const member = await requireMember(deps.models, program.programId, info.loyaltyIdentifier);
    const ev = await evaluateCheck({
      models: deps.models, context: program, member, toastCheck: info.check,
      redemptions: (info.redemptions ?? []) as ToastRedemption[], now,
    });
    const balance = ev.state.pointsBalance;
    return {
      response: {
        checkResponse: {
          accountInfo: accountInfo(member, balance),
          offers: ev.offers.offers.map(offer),
          appliedRedemptions: ev.validation.applied.map(appliedRedemption),
          rejectedRedemptions: rejectedRedemptions(ev.validation.rejected),
          userMessage: checkUserMessage(ev.earn.points, balance, ev.offers.offers),
          redemptionLimit: { maxRedemptions: ev.offers.redemptionLimit },
        },
      },
    };
  },
};
