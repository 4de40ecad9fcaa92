/**
 * Toast request builders of the POS simulator, shared with the webhook benchmark
 * (bench/toast.bench.ts) so both speak to Perkwire exactly as the register does: Toast's
 * headers (§1.2) and bodies with explicit nulls for the other types' members (§5).
 */
import { randomUUID } from 'node:crypto';
import { toastCheck, type Visit } from './check.js';

type Json = Record<string, unknown>;

/** The demo restaurant of the dev stack (rules/programs/demo.json). */
export const DEMO_RESTAURANT_GUID = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
/** The development static key (config default). */
export const DEV_TOAST_KEY = 'dev-toast-key';

const NULLS = {
  searchTransactionInformation: null, checkTransactionInformation: null, reverseTransactionInformation: null,
  signupTransactionInformation: null, transferTransactionInformation: null,
};

/** `Toast-Transaction-Type` without its `LOYALTY_` prefix. */
export type PosType = 'SEARCH' | 'INQUIRE' | 'SIGNUP' | 'REDEEM' | 'ACCRUE' | 'REVERSE' | 'TRANSFER';

/** Headers Toast sends with every request. */
export function toastHeaders(type: PosType, guid: string, key = DEV_TOAST_KEY, restaurant = DEMO_RESTAURANT_GUID): Record<string, string> {
  return {
    'Content-Type': 'application/json', Authorization: key, 'Toast-Restaurant-External-ID': restaurant,
    'Toast-Transaction-Type': `LOYALTY_${type}`, 'Toast-Transaction-GUID': guid,
  };
}

/** A LoyaltyTransaction body whose one non-null member is `member`. */
export function toastBody(type: PosType, member: string, info: unknown): Json {
  return { ...NULLS, toastTransactionType: `LOYALTY_${type}`, [member]: info };
}

/** `checkTransactionInformation` for the visit's check; `paid` closes it with a card payment. */
export const checkInfo = (visit: Visit, id: string | null, redemptions: unknown[] = [], paid = false) => ({
  loyaltyIdentifier: id, orderGuid: visit.orderGuid, check: toastCheck(visit, paid), redemptions,
});

/** Applies `offer` to the visit's check the way the POS does: on its selection, or on the check. */
export function applyOffer(visit: Visit, offer: Json): Json {
  const discountGuid = randomUUID();
  const cents = Math.round(Number(offer.amount ?? 0) * 100);
  const rewardId = String(offer.identifier);
  const target = (offer.itemApplication as { selectionIdentifier: string }[] | undefined)?.[0]?.selectionIdentifier ?? null;
  const line = visit.lines.find((l) => l.guid === target);
  if (line) Object.assign(line, { discountGuid, discountCents: cents, rewardId });
  else visit.checkDiscount = { guid: discountGuid, cents, rewardId };
  return { identifier: rewardId, selectionGuid: line ? line.guid : null, appliedDiscountGuid: discountGuid, amount: cents / 100, quantity: 1 };
}
