/**
 * TypeScript shapes of the bodies we send Toast (contract §3.2). Amounts are dollars as JSON
 * numbers with at most two decimals: build them with `centsToDollars` from money.ts.
 */
import type { TransactionStatus } from '../statuses.js';

/** What we know about a member, as shown on the POS. */
export interface AccountInfo {
  /** Our opaque loyalty identifier (never PII). */
  identifier: string;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  /** String in the OpenAPI, number in Toast's examples; both are accepted. Shown on INQUIRE only. */
  pointsBalance?: string | number | null;
}

/** One selection an ITEM / MULTI_ITEM offer or redemption applies to. */
export interface ItemRedemptionInfo {
  /** `Selection.guid` on the check (not the menu item GUID). */
  selectionIdentifier: string;
  /** Required in REDEEM responses. */
  amount?: number | null;
  /** Response only: the AppliedDiscount GUID created on that selection, once applied. */
  appliedDiscountIdentifier?: string | null;
}

/** When (part of) an offer expires. */
export interface ExpirationData {
  date?: string | null;
  quantity?: number | null;
}

/** Offer selection types. */
export type OfferSelectionType = 'CHECK' | 'ITEM' | 'MULTI_ITEM';

/** An offer the member holds. */
export interface Offer {
  identifier: string;
  name: string;
  applicable: boolean;
  selectionType: OfferSelectionType;
  /** Required (non-empty) when `applicable` and ITEM / MULTI_ITEM. */
  itemApplication?: ItemRedemptionInfo[] | null;
  /** Required on REDEEM; for ITEM / MULTI_ITEM equals Σ itemApplication[].amount. */
  amount?: number | null;
  quantity?: number | null;
  expiration?: ExpirationData[] | null;
  description?: string | null;
  autoApply?: boolean | null;
}

/** A redemption as we echo it in `appliedRedemptions` or inside a rejection. */
export interface ResponseRedemption {
  identifier: string;
  selectionGuid?: string | null;
  appliedDiscountGuid?: string | null;
  multiItemDiscountGuid?: string | null;
  amount?: number | null;
  itemApplication?: ItemRedemptionInfo[] | null;
  quantity?: number | null;
  name?: string | null;
}

/** A submitted redemption that is no longer valid; the POS removes its discount. */
export interface RejectedRedemption {
  redemption: ResponseRedemption & { appliedDiscountGuid: string };
  message?: string | null;
}

/** INQUIRE only: `maxRedemptions` null = unlimited, 0 = none, N = at most N (including applied). */
export interface RedemptionLimit { maxRedemptions: number | null }

/** `checkResponse` (INQUIRE, REDEEM, ACCRUE). */
export interface ResponseCheck {
  accountInfo?: AccountInfo | null;
  offers?: Offer[] | null;
  rejectedRedemptions?: RejectedRedemption[] | null;
  appliedRedemptions?: ResponseRedemption[] | null;
  userMessage?: string | null;
  redemptionLimit?: RedemptionLimit | null;
}

export interface ResponseSearch { accounts: AccountInfo[] }
export interface ResponseSignup { loyaltyIdentifier: string }
export interface ResponseTransfer { loyaltyIdentifier: string }

/** Every body we send Toast. */
export interface LoyaltyTransactionResponse {
  transactionStatus: TransactionStatus;
  /** Not in the OpenAPI; documented by the dev guide; for logs only, never PII. */
  message?: string;
  searchResponse?: ResponseSearch;
  checkResponse?: ResponseCheck;
  signupResponse?: ResponseSignup;
  transferResponse?: ResponseTransfer;
}
