/**
 * Engine results (cents) → Toast response objects (dollars, via money.ts). Nothing here decides
 * anything; it only changes units and shapes. Strict writer: a member without a value is left
 * out, never sent as `null` (Toast's OpenAPI declares nothing nullable but
 * `RedemptionLimit.maxRedemptions`), and `pointsBalance` is a string, as the OpenAPI types it.
 */
import type {
  AppliedRedemption, EngineOffer, ItemApplication, RejectedRedemption as EngineRejection, SubmittedRedemption,
} from '../../rules/index.js';
import { centsToDollars } from './money.js';
import type {
  AccountInfo, ItemRedemptionInfo, Offer, RejectedRedemption, ResponseRedemption,
} from './schemas/index.js';

/** The member fields the POS shows (a member record has them all). */
export interface ShownMember {
  loyaltyIdentifier: string;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Account as shown on the POS; `pointsBalance` only where Toast shows it (INQUIRE, REDEEM, SEARCH). */
export function accountInfo(member: ShownMember, balance?: number): AccountInfo {
  const info: AccountInfo = { identifier: member.loyaltyIdentifier };
  if (member.firstName) info.firstName = member.firstName;
  if (member.lastName) info.lastName = member.lastName;
  if (member.phone) info.phone = member.phone;
  if (member.email) info.email = member.email;
  if (balance !== undefined) info.pointsBalance = String(balance);
  return info;
}

function items(list: (ItemApplication & { appliedDiscountIdentifier?: string | null })[]): ItemRedemptionInfo[] {
  return list.map((a) => {
    const info: ItemRedemptionInfo = { selectionIdentifier: a.selectionIdentifier, amount: centsToDollars(a.amountCents) };
    if (a.appliedDiscountIdentifier) info.appliedDiscountIdentifier = a.appliedDiscountIdentifier;
    return info;
  });
}

export function offer(o: EngineOffer): Offer {
  const out: Offer = {
    identifier: o.identifier, name: o.name, applicable: o.applicable, selectionType: o.selectionType,
    amount: centsToDollars(o.amountCents),
  };
  if (o.applicable && o.itemApplication && o.itemApplication.length > 0) out.itemApplication = items(o.itemApplication);
  if (o.quantity !== undefined) out.quantity = o.quantity;
  if (o.expiration) out.expiration = o.expiration;
  if (o.description) out.description = o.description;
  return out;
}

/**
 * An applied redemption. `amount` is per unit when quantity > 1 (003 note 3: Toast discounts
 * `amount × quantity`); the engine prices such a redemption in equal whole-cent units, so the
 * division is exact and the POS applies exactly the discount recorded. MULTI_ITEM carries its
 * per-selection amounts in `itemApplication` and no single selection, discount GUID or amount.
 */
export function appliedRedemption(a: AppliedRedemption): ResponseRedemption {
  const out: ResponseRedemption = { identifier: a.identifier, quantity: a.quantity, name: a.name.slice(0, 200) };
  if (a.multiItemDiscountGuid !== null || (a.itemApplication && a.itemApplication.length > 1)) {
    if (a.multiItemDiscountGuid !== null) out.multiItemDiscountGuid = a.multiItemDiscountGuid;
    out.itemApplication = items(a.itemApplication ?? []);
    return out;
  }
  if (a.selectionGuid !== null) out.selectionGuid = a.selectionGuid;
  if (a.appliedDiscountGuid !== null) out.appliedDiscountGuid = a.appliedDiscountGuid;
  out.amount = centsToDollars(a.amountCents / Math.max(1, a.quantity));
  return out;
}

/** What Toast sent for one selection of a MULTI_ITEM redemption, echoed. */
function echoItems(list: NonNullable<SubmittedRedemption['itemApplication']>): ItemRedemptionInfo[] {
  return list.flatMap((a) => {
    if (!a.selectionIdentifier) return [];
    const info: ItemRedemptionInfo = { selectionIdentifier: a.selectionIdentifier };
    if (typeof a.amountCents === 'number' && a.amountCents >= 0) info.amount = centsToDollars(a.amountCents);
    if (a.appliedDiscountIdentifier) info.appliedDiscountIdentifier = a.appliedDiscountIdentifier;
    return [info];
  });
}

/**
 * A rejection (003: "you must include a RejectedRedemption"), echoing the submitted redemption as
 * Toast sent it — identifier, `itemId`, `selectionGuid`, GUIDs, amount, quantity, and for a
 * MULTI_ITEM bundle its `multiItemDiscountGuid` and per-selection `itemApplication` — so the POS
 * can find and remove the discount whatever shape it sent. Every rejection is answered, also one
 * whose discount cannot be matched on the check; members Toast sent no value for are left out.
 */
export function rejectedRedemption(r: EngineRejection): RejectedRedemption {
  const raw: SubmittedRedemption = r.redemption;
  const redemption: ResponseRedemption = {};
  if (raw.identifier) redemption.identifier = raw.identifier;
  if (raw.itemId) redemption.itemId = raw.itemId;
  if (raw.selectionGuid) redemption.selectionGuid = raw.selectionGuid;
  if (raw.appliedDiscountGuid) redemption.appliedDiscountGuid = raw.appliedDiscountGuid;
  if (raw.multiItemDiscountGuid) redemption.multiItemDiscountGuid = raw.multiItemDiscountGuid;
  if (typeof raw.amountCents === 'number' && raw.amountCents >= 0) redemption.amount = centsToDollars(raw.amountCents);
  if (typeof raw.quantity === 'number' && Number.isInteger(raw.quantity) && raw.quantity >= 0) redemption.quantity = raw.quantity;
  if (raw.name) redemption.name = raw.name.slice(0, 200);
  if (raw.itemApplication && raw.itemApplication.length > 0) redemption.itemApplication = echoItems(raw.itemApplication);
  return { redemption, message: r.message };
}

export function rejectedRedemptions(list: EngineRejection[]): RejectedRedemption[] {
  return list.map(rejectedRedemption);
}
