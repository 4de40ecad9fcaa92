/**
 * LOYALTY_INQUIRE: the member's offers priced on this check, the submitted redemptions split into
 * applied and rejected, the redemption limit, the balance and what the check will earn. Banked
 * rewards carry the date the points they need would expire (`expiration`), and the message
 * names points expiring soon. The account is named by the request or by the check's
 * appliedLoyaltyInfo; an unknown 10-digit phone enrols a STARTER where the program allows it
 * (idempotent on the phone, so the answer stays storable once). A SUSPENDED account is ACCEPT
 * with nothing applicable and every redemption rejected (003 note 4: ACCEPT even when
 * redemptions are invalid).
 */
import type { EngineOffer } from '../../../rules/index.js';
import { answered, evaluateCheck } from '../../loyalty/offers/check-evaluation.js';
import { expiryNotice, type ExpiryNotice } from '../../loyalty/policy/expiry-notice.js';
import { projectedExpiryView } from '../../loyalty/expiry/member-expiry.js';
import { memberAtRegister } from '../../loyalty/members/register-member.js';
import { withoutLotDetail } from '../../loyalty/ledger/lot-projection.js';
import { recordEvaluation } from '../../loyalty/offers/recorded-evaluation.js';
import { checkUserMessage } from '../../loyalty/policy/user-message.js';
import { accountIdentifierOf } from '../account-identifier.js';
import { normalizeRedemptions, normalizeToastCheck } from '../normalize/index.js';
import { accountInfo, appliedRedemption, offer, rejectedRedemptions } from '../present.js';
import type { Offer } from '../schemas/index.js';
import { LoyaltyError } from '../../loyalty/errors.js';
import type { ToastHandler } from './handler.js';

/** The Toast offer, with the points expiry of a banked reward added to any expiry of its own. */
function offerWithExpiry(o: EngineOffer, notice: ExpiryNotice): Offer {
  const out = offer(o);
  const at = notice.rewardExpiresAt(o.pointsCost);
  if (!at) return out;
  const dates = [...(out.expiration ?? []), { date: at.toISOString() }];
  out.expiration = dates.sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''));
  return out;
}

export const inquireHandler: ToastHandler<'LOYALTY_INQUIRE'> = {
  type: 'LOYALTY_INQUIRE',
  identifierOf: (body) => accountIdentifierOf(body.checkTransactionInformation),
  readOnly: true,
  async handle({ deps, program, body, now }) {
    const info = body.checkTransactionInformation;
    // Without the middle pages of its lots and their traces: INQUIRE reads the lots' head and tail (lot-projection.ts).
    const member = await memberAtRegister(deps.models, program, accountIdentifierOf(info) ?? '', now, { leave: withoutLotDetail });
    if (!member) throw new LoyaltyError('ACCOUNT_INVALID', 'account not found');
    const ev = await evaluateCheck({
      models: deps.models, context: program, member, check: normalizeToastCheck(info.check),
      redemptions: normalizeRedemptions(info.redemptions), now,
    });
    const balance = ev.state.pointsBalance;
    // From the member as read (no command) unless its lots lag the ledger or an answer needs
    // more than their head and tail.
    const expiry = await projectedExpiryView(deps.models, program.program, member, now, { balance, costs: ev.offers.offers.map((o) => o.pointsCost) });
    const { applied, rejected } = answered(ev);
    const notice = expiryNotice(expiry, balance, now, program.timezone);
    return {
      response: {
        checkResponse: {
          accountInfo: accountInfo(member, balance),
          offers: ev.offers.offers.map((o) => offerWithExpiry(o, notice)),
          appliedRedemptions: applied.map(appliedRedemption),
          rejectedRedemptions: rejectedRedemptions(rejected),
          userMessage: checkUserMessage(ev.earn.points, balance, ev.offers.offers, notice.hint ? [notice.hint] : []),
          redemptionLimit: { maxRedemptions: ev.offers.redemptionLimit },
        },
      },
      record: { memberId: String(member._id), evaluation: recordEvaluation(ev, program, now) },
    };
  },
};
