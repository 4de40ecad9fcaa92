import { expect } from 'chai';
import { normalizeToastCheck } from '../../../rules/index.js';
import { toCents } from '../../../rules/engine/money.js';

describe('normalizeToastCheck', () => {
  it('converts dollars to integer cents, rounding half away from zero on the decimal value', () => {
    expect([0.285, 1.005, 2.675, -0.005, 10, 8.994, 1e-7].map(toCents)).to.deep.equal([29, 101, 268, -1, 1000, 899, 0]);
    expect(['9.50', '10', ' 3.125 ', '-1.255'].map(toCents)).to.deep.equal([950, 1000, 313, -126]);
    expect([null, undefined, '', 'abc', NaN, Infinity, {}].map(toCents)).to.deep.equal([null, null, null, null, null, null, null]);
  });

  it('tolerates nulls everywhere and numeric strings for amounts', () => {
    const n = normalizeToastCheck({ guid: null, selections: [{ guid: 's', quantity: '2', preDiscountPrice: '17.98', price: null, item: null, modifiers: null, appliedDiscounts: null }], appliedDiscounts: null, payments: null, amount: '17.98' });
    expect(n.lines[0]).to.include({ selectionGuid: 's', quantity: 2, preDiscountCents: 1798, netCents: 1798, menuItemGuid: null, voided: false });
    expect(n.amountCents).to.equal(1798);
    expect(normalizeToastCheck(null).lines).to.deep.equal([]);
  });

  it('modifiers are flattened and their prices are part of the parent gross price', () => {
    const n = normalizeToastCheck({ selections: [{ guid: 'p', quantity: 1, preDiscountPrice: 10.49, price: 10.49, item: { guid: 'burger' },
      modifiers: [{ item: { guid: 'bacon' }, preDiscountPrice: 1.5, modifiers: [{ item: { guid: 'extra' }, preDiscountPrice: 0.5 }] }, { item: { guid: 'x' }, preDiscountPrice: 9, voided: true }] }] });
    expect(n.lines[0]?.basePreDiscountCents).to.equal(849);
    expect(n.lines[0]?.modifiers.map((m) => m.menuItemGuid)).to.deep.equal(['bacon', 'extra']);
  });

  it('splits loyalty from Toast-configured discounts at check and item level; voided loyalty discounts drop out', () => {
    const loyalty = (ref: string, state = 'PENDING_APPLIED') => ({ guid: `ad-${ref}`, entityType: 'AppliedLoyaltyProviderDiscount', discountAmount: 2, processingState: state, loyaltyDetails: { vendor: null, referenceId: ref } });
    const n = normalizeToastCheck({
      selections: [{ guid: 's', quantity: 1, preDiscountPrice: 10, price: 7, appliedDiscounts: [{ guid: 'd', discountAmount: 1, loyaltyDetails: null }, loyalty('a')] }],
      appliedDiscounts: [{ guid: 'c', discountAmount: 0.5 }, loyalty('b'), loyalty('gone', 'VOID')],
    });
    expect(n.lines[0]).to.deep.include({ hasNonLoyaltyItemDiscount: true, nonLoyaltyDiscountCents: 100, loyaltyDiscounts: [{ appliedDiscountGuid: 'ad-a', referenceId: 'a', amountCents: 200, processingState: 'PENDING_APPLIED' }] });
    expect(n.checkNonLoyaltyDiscountCents).to.equal(50);
    expect(n.checkLoyaltyDiscounts.map((d) => d.referenceId)).to.deep.equal(['b']);
  });

  it('derives net price when Toast omits it, flags voided and deferred lines, and sums tips of live payments', () => {
    const n = normalizeToastCheck({
      selections: [{ guid: 'a', preDiscountPrice: 5, appliedDiscounts: [{ discountAmount: 1 }] }, { guid: 'g', preDiscountPrice: 25, deferred: true, voided: true }],
      payments: [{ tipAmount: 2.5, paymentStatus: 'CAPTURED' }, { tipAmount: '1.25' }, { tipAmount: 9, paymentStatus: 'VOIDED' }],
    });
    expect(n.lines.map((l) => [l.netCents, l.voided, l.deferred, l.quantity])).to.deep.equal([[400, false, false, 1], [2500, true, true, 1]]);
    expect(n.tipCents).to.equal(375);
  });
});
