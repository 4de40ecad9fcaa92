/** The demo program's burger menu (rules/programs/demo.json) as Toast selections. */
import type { Selection } from '../../server/toast/schemas/index.js';
import { check, loyaltyDiscount, redeemRequest, redemption, selection } from './toast-requests.js';

export const DEMO_MENU = {
  burger: 'a1f0c3d2-0001-4b5e-9c1a-000000000001',
  burgersGroup: 'a1f0c3d2-1001-4b5e-9c1a-000000001001',
  fries: 'a1f0c3d2-0010-4b5e-9c1a-000000000010',
  sidesGroup: 'a1f0c3d2-1002-4b5e-9c1a-000000001002',
} as const;

export function burger(price = 8.99, overrides: Partial<Selection> = {}): Selection {
  return selection({
    displayName: 'Classic Burger', price, preDiscountPrice: price, menuItemGuid: DEMO_MENU.burger,
    itemGroup: { guid: DEMO_MENU.burgersGroup, entityType: 'MenuGroup' }, ...overrides,
  });
}

export function fries(price = 3.49, overrides: Partial<Selection> = {}): Selection {
  return selection({
    displayName: 'Fries', price, preDiscountPrice: price, menuItemGuid: DEMO_MENU.fries,
    itemGroup: { guid: DEMO_MENU.sidesGroup, entityType: 'MenuGroup' }, ...overrides,
  });
}

/**
 * A REDEEM of the demo's Free Fries (50 points) on a check of a burger and fries, the fries
 * carrying the discount (the bench's REDEEM). A fresh check and discount GUID per call.
 */
export function friesRedeem(loyaltyIdentifier: string, burgerPrice = 8.99) {
  const discount = loyaltyDiscount('free-fries', 3.49);
  const side = fries(3.49, { appliedDiscounts: [discount] });
  return redeemRequest(loyaltyIdentifier, {
    check: check({ selections: [burger(burgerPrice), side] }),
    redemptions: [redemption('free-fries', { selectionGuid: side.guid, appliedDiscountGuid: discount.guid })],
  });
}
