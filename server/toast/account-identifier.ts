/**
 * Which account a check request names: `checkTransactionInformation.loyaltyIdentifier`, else the
 * account attached to the check itself, `check.appliedLoyaltyInfo.loyaltyIdentifier` (Toast doc
 * 002, "Applying checks to a loyalty program account"; Toast's Orders API attaches the account
 * only there). Null when neither names one.
 */
import type { TransactionInformationCheck } from './schemas/index.js';

export function accountIdentifierOf(info: Pick<TransactionInformationCheck, 'loyaltyIdentifier'> & { check?: TransactionInformationCheck['check'] | null }): string | null {
  return info.loyaltyIdentifier ?? info.check?.appliedLoyaltyInfo?.loyaltyIdentifier ?? null;
}
