/**
 * Builders of valid Toast request bodies and headers for tests. Every builder returns a fresh
 * object shaped like Toast's own payloads (explicit nulls for the other types' members) and
 * typed with the edge's request types; pass overrides to vary one thing.
 */
import { randomUUID } from 'node:crypto';
import type {
  AppliedDiscount, Check, Payment, Redemption, Selection, ToastRequestBodies, TransactionInformationCheck,
} from '../../server/toast/schemas/index.js';
import type { TransactionType } from '../../server/toast/transaction-types.js';

/** The demo restaurant of the dev stack. */
export const DEMO_RESTAURANT_GUID = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
/** The development static key (config default). */
export const DEV_TOAST_KEY = 'dev-toast-key';

/** Toast request headers for `type`; a fresh transaction GUID unless given. */
export function toastHeaders(type: TransactionType, opts: { guid?: string; restaurant?: string; authorization?: string } = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Toast-Transaction-Type': type,
    'Toast-Transaction-GUID': opts.guid ?? randomUUID(),
    'Toast-Restaurant-External-ID': opts.restaurant ?? DEMO_RESTAURANT_GUID,
    Authorization: opts.authorization ?? DEV_TOAST_KEY,
  };
}

/** A menu item selection (price in dollars), or a modifier when used inside `modifiers`. */
export function selection(overrides: Partial<Selection> & { menuItemGuid?: string } = {}): Selection {
  const { menuItemGuid, ...rest } = overrides;
  const price = rest.price ?? rest.preDiscountPrice ?? 10;
  return {
    guid: randomUUID(),
    entityType: 'MenuItemSelection',
    displayName: 'Burger',
    quantity: 1,
    preDiscountPrice: price,
    price,
    tax: 0,
    voided: false,
    fulfillmentStatus: 'NEW',
    item: { guid: menuItemGuid ?? randomUUID(), entityType: 'MenuItem', externalId: null },
    itemGroup: null,
    appliedDiscounts: [],
    modifiers: [],
    ...rest,
  };
}

/** A loyalty AppliedDiscount as Toast puts it on a check or selection after a validated offer. */
export function loyaltyDiscount(referenceId: string, discountAmount: number, overrides: Partial<AppliedDiscount> = {}): AppliedDiscount {
  return {
    guid: randomUUID(),
    entityType: 'AppliedLoyaltyProviderDiscount',
    name: `reward ${referenceId}`,
    discountAmount,
    nonTaxDiscountAmount: null,
    processingState: 'PENDING_APPLIED',
    loyaltyDetails: { vendor: null, referenceId },
    discount: { guid: randomUUID(), entityType: 'CustomDiscount' },
    comboItems: [],
    triggers: [],
    appliedPromoCode: null,
    ...overrides,
  };
}

/** A captured payment (amount excludes tip). */
export function payment(amount: number, overrides: Partial<Payment> = {}): Payment {
  return {
    guid: randomUUID(),
    entityType: 'OrderPayment',
    type: 'CREDIT',
    amount,
    tipAmount: 0,
    paymentStatus: 'CAPTURED',
    refundStatus: 'NONE',
    paidDate: '2026-03-10T18:30:00.000+0000',
    paidBusinessDate: 20260310,
    ...overrides,
  };
}

/** An open check; `amount` defaults to the sum of non-voided selection prices. */
export function check(overrides: Partial<Check> = {}): Check {
  const selections = overrides.selections ?? [selection()];
  const amount = selections.filter((s) => !s.voided).reduce((sum, s) => sum + Number(s.price ?? 0), 0);
  return {
    guid: randomUUID(),
    entityType: 'Check',
    displayNumber: '101',
    paymentStatus: 'OPEN',
    openedDate: '2026-03-10T18:00:00.000+0000',
    amount: Math.round(amount * 100) / 100,
    taxAmount: 0,
    totalAmount: Math.round(amount * 100) / 100,
    tabName: null,
    payments: [],
    appliedDiscounts: [],
    appliedLoyaltyInfo: null,
    appliedServiceCharges: [],
    customer: null,
    deleted: false,
    voided: false,
    ...overrides,
    selections,
  } as Check;
}

/** A paid, closed check as ACCRUE carries it. */
export function paidCheck(overrides: Partial<Check> = {}): Check {
  const base = check(overrides);
  const total = Number(base.totalAmount ?? 0);
  return {
    ...base,
    paymentStatus: 'CLOSED',
    paidDate: '2026-03-10T18:30:00.000+0000',
    closedDate: '2026-03-10T18:30:00.000+0000',
    payments: overrides.payments ?? [payment(total)],
  };
}

/** A redemption of offer `identifier` (check-level unless `selectionGuid` is given). */
export function redemption(identifier: string, overrides: Partial<Redemption> = {}): Redemption {
  return { identifier, itemId: null, selectionGuid: null, amount: null, quantity: 1, ...overrides } as Redemption;
}

const NO_OTHER_MEMBERS = {
  searchTransactionInformation: null,
  checkTransactionInformation: null,
  reverseTransactionInformation: null,
  signupTransactionInformation: null,
  transferTransactionInformation: null,
};

type CheckInfo = Partial<TransactionInformationCheck>;

function checkBody<T extends 'LOYALTY_INQUIRE' | 'LOYALTY_REDEEM' | 'LOYALTY_ACCRUE'>(type: T, info: CheckInfo, defaultCheck: () => Check) {
  return {
    ...NO_OTHER_MEMBERS,
    toastTransactionType: type,
    checkTransactionInformation: { loyaltyIdentifier: null, orderGuid: randomUUID(), check: info.check ?? defaultCheck(), redemptions: [], ...info },
  };
}

/** LOYALTY_SEARCH by the given criteria (the others are sent as null). */
export function searchRequest(criteria: { firstName?: string; lastName?: string; email?: string; phone?: string }): ToastRequestBodies['LOYALTY_SEARCH'] {
  const searchCriteria = { firstName: null, lastName: null, email: null, phone: null, ...criteria };
  return { ...NO_OTHER_MEMBERS, toastTransactionType: 'LOYALTY_SEARCH', searchTransactionInformation: { searchCriteria } };
}

/** LOYALTY_INQUIRE for `loyaltyIdentifier`. */
export function inquireRequest(loyaltyIdentifier: string, info: CheckInfo = {}): ToastRequestBodies['LOYALTY_INQUIRE'] {
  return checkBody('LOYALTY_INQUIRE', { ...info, loyaltyIdentifier }, check) as ToastRequestBodies['LOYALTY_INQUIRE'];
}

/** LOYALTY_REDEEM for `loyaltyIdentifier`. */
export function redeemRequest(loyaltyIdentifier: string, info: CheckInfo = {}): ToastRequestBodies['LOYALTY_REDEEM'] {
  return checkBody('LOYALTY_REDEEM', { ...info, loyaltyIdentifier }, check) as ToastRequestBodies['LOYALTY_REDEEM'];
}

/** LOYALTY_ACCRUE of a paid check; `loyaltyIdentifier` null means no account attached. */
export function accrueRequest(loyaltyIdentifier: string | null, info: CheckInfo = {}): ToastRequestBodies['LOYALTY_ACCRUE'] {
  return checkBody('LOYALTY_ACCRUE', { ...info, loyaltyIdentifier }, paidCheck);
}

/** LOYALTY_REVERSE of the transaction with GUID `transactionId`; omit `redemptions` to reverse all. */
export function reverseRequest(transactionId: string, loyaltyIdentifier: string | null, redemptions?: Redemption[]): ToastRequestBodies['LOYALTY_REVERSE'] {
  const info = { loyaltyIdentifier, transactionId, ...(redemptions ? { redemptions } : {}) };
  return { ...NO_OTHER_MEMBERS, toastTransactionType: 'LOYALTY_REVERSE', reverseTransactionInformation: info };
}

/** LOYALTY_SIGNUP with exactly one of phone / email. */
export function signupRequest(contact: { phone: string } | { email: string }): ToastRequestBodies['LOYALTY_SIGNUP'] {
  const info = { phone: null, email: null, ...contact };
  return { ...NO_OTHER_MEMBERS, toastTransactionType: 'LOYALTY_SIGNUP', signupTransactionInformation: info };
}

/** LOYALTY_TRANSFER from one identifier to another. */
export function transferRequest(fromLoyaltyIdentifier: string, toLoyaltyIdentifier: string): ToastRequestBodies['LOYALTY_TRANSFER'] {
  return { ...NO_OTHER_MEMBERS, toastTransactionType: 'LOYALTY_TRANSFER', transferTransactionInformation: { fromLoyaltyIdentifier, toLoyaltyIdentifier } };
}
