/**
 * Engine results (cents) → Toast response objects (dollars, via money.ts). Nothing here decides
 * anything; it only changes units and shapes.
 */
import type {
  AppliedRedemption, EngineOffer, ItemApplication, RejectedRedemption as EngineRejection, SubmittedRedemption,
} from '../../rules/index.js';
import type { MemberRecord } from '../loyalty/members.js';
import { centsToDollars } from './money.js';
import type {
  AccountInfo, ItemRedemptionInfo, Offer, RejectedRedemption, ResponseRedemption,
} from './schemas/index.js';

/** Account as shown on the POS; `pointsBalance` only where Toast shows it (INQUIRE, REDEEM). */
export function accountInfo(member: MemberRecord, balance?: number): AccountInfo {
  const info: AccountInfo = { identifier: member.loyaltyIdentifier };
  if (member.firstName) info.firstName = member.firstName;
  if (member.lastName) info.lastName = member.lastName;
  if (member.phone) info.phone = member.phone;
  if (member.email) info.email = member.email;
  if (balance !== undefined) info.pointsBalance = balance;
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
 * division is exact and the POS applies exactly the discount recorded. MULTI_ITEM
 * carries its per-selection amounts in `itemApplication` and no single GUID or amount.
 */
export function appliedRedemption(a: AppliedRedemption): ResponseRedemption {
  const out: ResponseRedemption = { identifier: a.identifier, selectionGuid: a.selectionGuid, quantity: a.quantity, name: a.name.slice(0, 200) };
  if (a.multiItemDiscountGuid !== null || (a.itemApplication && a.itemApplication.length > 1)) {
    out.multiItemDiscountGuid = a.multiItemDiscountGuid;
    out.itemApplication = items(a.itemApplication ?? []);
    out.selectionGuid = null;
    out.appliedDiscountGuid = null;
    out.amount = null;
    return out;
  }
  out.appliedDiscountGuid = a.appliedDiscountGuid;
  out.amount = centsToDollars(a.amountCents / Math.max(1, a.quantity));
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);


/**
 * A rejection, echoing the submitted redemption. The POS removes the discount named by
 * `appliedDiscountGuid`; a redemption that never became a discount (no GUID on it or on the
 * check) has nothing to remove and is left out (null).
 */
export function rejectedRedemption(r: EngineRejection): RejectedRedemption | null {
  const raw: SubmittedRedemption = r.redemption;
  const guid = str(raw.appliedDiscountGuid) ?? str(raw.multiItemDiscountGuid);
  if (!guid) return null;
  const redemption: RejectedRedemption['redemption'] = { identifier: str(raw.identifier) ?? 'UNKNOWN', appliedDiscountGuid: guid };
  if (str(raw.selectionGuid)) redemption.selectionGuid = raw.selectionGuid as string;
  if (str(raw.multiItemDiscountGuid)) redemption.multiItemDiscountGuid = raw.multiItemDiscountGuid as string;
  if (typeof raw.amountCents === 'number' && raw.amountCents >= 0) redemption.amount = centsToDollars(raw.amountCents);
  if (typeof raw.quantity === 'number' && Number.isInteger(raw.quantity) && raw.quantity >= 0) redemption.quantity = raw.quantity;
  return { redemption, message: r.message };
}

export function rejectedRedemptions(list: EngineRejection[]): RejectedRedemption[] {
  return list.map(rejectedRedemption).filter((r): r is RejectedRedemption => r !== null);
}
