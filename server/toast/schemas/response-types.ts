/**
 * TypeScript shapes of the bodies we send Toast (contract §3.2). Amounts are dollars as JSON
 * numbers with at most two decimals: build them with `centsToDollars` from money.ts. Members
 * without a value are left out, never `null` (only `maxRedemptions` is nullable in Toast's
 * OpenAPI), so every optional member here is optional, not nullable.
 */
import type { TransactionStatus } from '../statuses.js';

/** What we know about a member, as shown on the POS. */
export interface AccountInfo {
  /** Our opaque loyalty identifier (never PII). */
  identifier: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  email?: string;
  /** A string of digits, as Toast's OpenAPI types it (its examples show numbers). */
  pointsBalance?: string;
}

/** One selection an ITEM / MULTI_ITEM offer or redemption applies to. */
export interface ItemRedemptionInfo {
  /** `Selection.guid` on the check (not the menu item GUID). */
  selectionIdentifier: string;
  /** Required in REDEEM responses. */
  amount?: number;
  /** Response only: the AppliedDiscount GUID created on that selection, once applied. */
  appliedDiscountIdentifier?: string;
}

/** When (part of) an offer expires. */
export interface ExpirationData {
  date?: string;
  quantity?: number;
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
  itemApplication?: ItemRedemptionInfo[];
  /** Required on REDEEM; for ITEM / MULTI_ITEM equals Σ itemApplication[].amount. */
  amount?: number;
  quantity?: number;
  expiration?: ExpirationData[];
  description?: string;
  autoApply?: boolean;
}

/** A redemption as we echo it in `appliedRedemptions` or inside a rejection. */
export interface ResponseRedemption {
  /** Always set in `appliedRedemptions`; in a rejection, only when Toast sent one. */
  identifier?: string;
  /** Echoed in rejections when Toast sent it (003's REDEEM example carries `itemId`). */
  itemId?: string;
  selectionGuid?: string;
  appliedDiscountGuid?: string;
  multiItemDiscountGuid?: string;
  amount?: number;
  itemApplication?: ItemRedemptionInfo[];
  quantity?: number;
  name?: string;
}

/** A submitted redemption that is no longer valid; the POS removes its discount. */
export interface RejectedRedemption {
  redemption: ResponseRedemption;
  message?: string;
}

/** INQUIRE only: `maxRedemptions` null = unlimited, 0 = none, N = at most N (including applied). */
export interface RedemptionLimit { maxRedemptions: number | null }

/** `checkResponse` (INQUIRE, REDEEM, ACCRUE). */
export interface ResponseCheck {
  accountInfo?: AccountInfo;
  offers?: Offer[];
  rejectedRedemptions?: RejectedRedemption[];
  appliedRedemptions?: ResponseRedemption[];
  userMessage?: string;
  redemptionLimit?: RedemptionLimit;
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
