/**
 * TypeScript shapes of Toast request bodies *after* validation (contract §3.1). Optional members
 * may be absent or null, exactly as Toast sends them; members the schemas do not declare may
 * also be present and are not typed. Dollar amounts are `ToastAmount`: convert with money.ts.
 */
import type { TransactionType } from '../transaction-types.js';

/** Dollars as Toast sends them: a finite number or a numeric string such as `"10"`. */
export type ToastAmount = number | string;
/** An instant as Toast sends it: ISO 8601 text, epoch milliseconds, or those digits as a string. */
export type ToastInstant = string | number;
/** A business date `yyyyMMdd`: number or numeric string. */
export type ToastBusinessDate = number | string;
/** A quantity: number or numeric string (decimal for items sold by weight). */
export type ToastQuantity = number | string;
/** Absent or null. */
type Opt<T> = T | null | undefined;
/** Toast enums are validated as UPPER_SNAKE tokens; these unions document the known values. */
type Open<T extends string> = T | (string & Record<never, never>);

/** ToastReference / ExternalReference / ConfigReference. */
export interface ToastReference {
  guid?: string | null;
  entityType?: string | null;
  externalId?: string | null;
  multiLocationId?: string | number | null;
}

/** Loyalty part of an AppliedDiscount; `referenceId` is our Offer.identifier. */
export interface LoyaltyDetails {
  vendor?: Opt<string>;
  referenceId?: Opt<string>;
}

/** A discount on the check or on a selection. */
export interface AppliedDiscount extends ToastReference {
  name?: Opt<string>;
  discountAmount?: Opt<ToastAmount>;
  nonTaxDiscountAmount?: Opt<ToastAmount>;
  discount?: Opt<ToastReference>;
  triggers?: Opt<{ selection?: Opt<ToastReference>; quantity?: Opt<ToastQuantity> }[]>;
  approver?: Opt<ToastReference>;
  processingState?: Opt<Open<'PENDING_APPLIED' | 'APPLIED' | 'PENDING_VOID' | 'VOID'>>;
  loyaltyDetails?: Opt<LoyaltyDetails>;
  comboItems?: Opt<ToastReference[]>;
  appliedPromoCode?: Opt<string>;
}

/** A tax applied to a selection or service charge. */
export interface AppliedTaxRate extends ToastReference {
  taxRate?: Opt<ToastReference>;
  name?: Opt<string>;
  rate?: Opt<ToastAmount>;
  taxAmount?: Opt<ToastAmount>;
  type?: Opt<Open<'PERCENT' | 'FIXED' | 'NONE' | 'TABLE' | 'EXTERNAL'>>;
}

/** A service charge on the check. */
export interface AppliedServiceCharge extends ToastReference {
  serviceCharge?: Opt<ToastReference>;
  chargeAmount?: Opt<ToastAmount>;
  chargeType?: Opt<Open<'FIXED' | 'PERCENT' | 'OPEN'>>;
  name?: Opt<string>;
  delivery?: Opt<boolean>;
  gratuity?: Opt<boolean>;
  taxable?: Opt<boolean>;
  appliedTaxes?: Opt<AppliedTaxRate[]>;
}

/** A device reference. */
export interface Device { id?: Opt<string> }

/** A payment on the check (`amount` excludes `tipAmount`). */
export interface Payment extends ToastReference {
  paidDate?: Opt<ToastInstant>;
  paidBusinessDate?: Opt<ToastBusinessDate>;
  type?: Opt<Open<'CASH' | 'CREDIT' | 'GIFTCARD' | 'HOUSE_ACCOUNT' | 'REWARDCARD' | 'LEVELUP' | 'OTHER' | 'UNDETERMINED'>>;
  cardEntryMode?: Opt<string>;
  amount?: Opt<ToastAmount>;
  tipAmount?: Opt<ToastAmount>;
  amountTendered?: Opt<ToastAmount>;
  cardType?: Opt<string>;
  last4Digits?: Opt<string>;
  originalProcessingFee?: Opt<ToastAmount>;
  refundStatus?: Opt<Open<'NONE' | 'PARTIAL' | 'FULL'>>;
  refund?: Opt<{ refundAmount?: Opt<ToastAmount>; tipRefundAmount?: Opt<ToastAmount>; refundDate?: Opt<ToastInstant>; refundBusinessDate?: Opt<ToastBusinessDate> }>;
  paymentStatus?: Opt<string>;
  voidInfo?: Opt<{ voidDate?: Opt<ToastInstant>; voidBusinessDate?: Opt<ToastBusinessDate> }>;
  createdDevice?: Opt<Device>;
  lastModifiedDevice?: Opt<Device>;
  mcaRepaymentAmount?: Opt<ToastAmount>;
}

/** A menu item selection, or a modifier (modifiers nest at most four levels below a line). */
export interface Selection extends ToastReference {
  /** Selection GUID: what `selectionGuid` and `selectionIdentifier` refer to. */
  guid: string;
  /** The menu item; its `guid` is the menu item GUID. */
  item: ToastReference;
  itemGroup?: Opt<ToastReference>;
  optionGroup?: Opt<ToastReference>;
  preModifier?: Opt<ToastReference>;
  salesCategory?: Opt<ToastReference>;
  diningOption?: Opt<ToastReference>;
  /** Absent or null means 1. */
  quantity?: Opt<ToastQuantity>;
  unitOfMeasure?: Opt<Open<'NONE' | 'LB' | 'OZ' | 'KG' | 'G'>>;
  selectionType?: Opt<Open<'NONE' | 'OPEN_ITEM' | 'SPECIAL_REQUEST' | 'PORTION' | 'HOUSE_ACCOUNT_PAY_BALANCE'>>;
  appliedDiscounts?: Opt<AppliedDiscount[]>;
  deferred?: Opt<boolean>;
  preDiscountPrice?: Opt<ToastAmount>;
  price?: Opt<ToastAmount>;
  tax?: Opt<ToastAmount>;
  voided?: Opt<boolean>;
  voidDate?: Opt<ToastInstant>;
  voidBusinessDate?: Opt<ToastBusinessDate>;
  voidReason?: Opt<ToastReference>;
  displayName?: Opt<string>;
  createdDate?: Opt<ToastInstant>;
  modifiedDate?: Opt<ToastInstant>;
  modifiers?: Opt<Selection[]>;
  fulfillmentStatus?: Opt<Open<'NEW' | 'HOLD' | 'SENT' | 'READY'>>;
  taxInclusion?: Opt<Open<'INCLUDED' | 'NOT_INCLUDED' | 'INHERITED'>>;
  appliedTaxes?: Opt<AppliedTaxRate[]>;
  plu?: Opt<string>;
}

/** The account attached to the check. */
export interface AppliedLoyaltyInfo extends ToastReference {
  loyaltyIdentifier?: Opt<string>;
  vendor?: Opt<string>;
  accrualFamilyGuid?: Opt<string>;
  accrualText?: Opt<string>;
}

/** A Toast check. */
export interface Check extends ToastReference {
  guid: string;
  selections: Selection[];
  openedDate?: Opt<ToastInstant>;
  closedDate?: Opt<ToastInstant>;
  modifiedDate?: Opt<ToastInstant>;
  deletedDate?: Opt<ToastInstant>;
  deleted?: Opt<boolean>;
  appliedLoyaltyInfo?: Opt<AppliedLoyaltyInfo>;
  taxExempt?: Opt<boolean>;
  displayNumber?: Opt<string>;
  appliedServiceCharges?: Opt<AppliedServiceCharge[]>;
  /** Due after discounts, before tax. */
  amount?: Opt<ToastAmount>;
  taxAmount?: Opt<ToastAmount>;
  totalAmount?: Opt<ToastAmount>;
  payments?: Opt<Payment[]>;
  tabName?: Opt<string>;
  paymentStatus?: Opt<Open<'OPEN' | 'PAID' | 'CLOSED'>>;
  appliedDiscounts?: Opt<AppliedDiscount[]>;
  voided?: Opt<boolean>;
  voidDate?: Opt<ToastInstant>;
  voidBusinessDate?: Opt<ToastBusinessDate>;
  paidDate?: Opt<ToastInstant>;
  createdDevice?: Opt<Device>;
  lastModifiedDevice?: Opt<Device>;
}

/** Per-selection part of a MULTI_ITEM redemption. */
export interface RequestItemRedemptionInfo {
  selectionIdentifier?: Opt<string>;
  amount?: Opt<ToastAmount>;
  appliedDiscountIdentifier?: Opt<string>;
}

/** An offer being redeemed (or reversed). Amounts are non-negative. */
export interface Redemption {
  identifier?: Opt<string>;
  /** Sent by Toast's own REDEEM example (003); echoed in a rejection, never used to price. */
  itemId?: Opt<string>;
  selectionGuid?: Opt<string>;
  appliedDiscountGuid?: Opt<string>;
  multiItemDiscountGuid?: Opt<string>;
  amount?: Opt<ToastAmount>;
  itemApplication?: Opt<RequestItemRedemptionInfo[]>;
  /** Integer 0–1000 (number or digit string). */
  quantity?: Opt<number | string>;
  name?: Opt<string>;
}

/** `checkTransactionInformation` (INQUIRE, REDEEM, ACCRUE). */
export interface TransactionInformationCheck {
  /** A string for INQUIRE and REDEEM; may be null on ACCRUE. */
  loyaltyIdentifier?: string | null;
  orderGuid?: Opt<string>;
  check: Check;
  redemptions?: Opt<Redemption[]>;
}

/**
 * INQUIRE / REDEEM variant: the account is named here or by `check.appliedLoyaltyInfo`
 * (validation guarantees one of the two; read it with `accountIdentifierOf`).
 */
export type TransactionInformationCheckWithAccount = TransactionInformationCheck;

/** SEARCH criteria: at least one non-null; `phone` is 10 digits. */
export interface AccountSearchCriteria {
  firstName?: Opt<string>;
  lastName?: Opt<string>;
  email?: Opt<string>;
  phone?: Opt<string>;
}

export interface TransactionInformationSearch { searchCriteria: AccountSearchCriteria }
/** Exactly one of phone / email is a string. */
export interface TransactionInformationSignup { phone?: Opt<string>; email?: Opt<string> }
export interface TransactionInformationReverse {
  loyaltyIdentifier?: Opt<string>;
  transactionId: string;
  /** Absent or null: reverse every redemption of that transaction. */
  redemptions?: Opt<Redemption[]>;
}
export interface TransactionInformationTransfer { fromLoyaltyIdentifier: string; toLoyaltyIdentifier: string }

interface Envelope<T extends TransactionType> { toastTransactionType?: T | null }

/** Validated request body of each type. */
export interface ToastRequestBodies {
  LOYALTY_SEARCH: Envelope<'LOYALTY_SEARCH'> & { searchTransactionInformation: TransactionInformationSearch };
  LOYALTY_INQUIRE: Envelope<'LOYALTY_INQUIRE'> & { checkTransactionInformation: TransactionInformationCheckWithAccount };
  LOYALTY_REDEEM: Envelope<'LOYALTY_REDEEM'> & { checkTransactionInformation: TransactionInformationCheckWithAccount };
  LOYALTY_ACCRUE: Envelope<'LOYALTY_ACCRUE'> & { checkTransactionInformation: TransactionInformationCheck };
  LOYALTY_REVERSE: Envelope<'LOYALTY_REVERSE'> & { reverseTransactionInformation: TransactionInformationReverse };
  LOYALTY_SIGNUP: Envelope<'LOYALTY_SIGNUP'> & { signupTransactionInformation: TransactionInformationSignup };
  LOYALTY_TRANSFER: Envelope<'LOYALTY_TRANSFER'> & { transferTransactionInformation: TransactionInformationTransfer };
}

/** The validated body for type `T`. */
export type ToastRequestBody<T extends TransactionType = TransactionType> = ToastRequestBodies[T];
