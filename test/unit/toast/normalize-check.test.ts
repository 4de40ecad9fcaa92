import { expect } from 'chai';
import { normalizeRedemptions, normalizeToastCheck, toastInstant } from '../../../server/toast/normalize/index.js';

/** One line's price, as the engine receives it. */
const lineOf = (price: unknown) => normalizeToastCheck({ selections: [{ guid: 's', preDiscountPrice: price, price, item: { guid: 'i' } }] }).lines[0];

describe('normalizeToastCheck (the Toast edge)', () => {
  it('converts check amounts with the one tested converter (server/toast/money.ts)', () => {
    // The old engine converter (toFixed(10), then rounding) gave 101, 268 and -0 here.
    expect(lineOf(1.0049999999999)?.toastPriceCents).to.equal(100);
    expect(lineOf(2.67499999999)?.toastPriceCents).to.equal(267);
    expect(Object.is(lineOf(-0.001)?.toastPriceCents, -0)).to.equal(false);
    expect(lineOf(-0.001)?.toastPriceCents).to.equal(0);
    expect([0.285, 1.005, 2.675, '9.50', '10'].map((p) => lineOf(p)?.preDiscountCents)).to.deep.equal([29, 101, 268, 950, 1000]);
    // Not a plain decimal: no amount at all (the request schema refuses these before they get here).
    expect([' 3.125 ', '1e3', 'abc'].map((p) => lineOf(p)?.toastPriceCents)).to.deep.equal([null, null, null]);
  });

  it('keeps what Toast sent on each line: signed price, fractional or zero quantity, unit of measure', () => {
    const n = normalizeToastCheck({ selections: [
      { guid: 'refund', quantity: 1, preDiscountPrice: -4.5, price: -4.5, item: { guid: 'i' } },
      { guid: 'weighed', quantity: '0.75', unitOfMeasure: 'LB', preDiscountPrice: 9.38, price: 9.38, item: { guid: 'j' } },
      { guid: 'zero', quantity: 0, preDiscountPrice: 0, price: 0, item: { guid: 'k' } },
    ] });
    expect(n.lines.map((l) => [l.toastPriceCents, l.toastPreDiscountPriceCents, l.netCents, l.preDiscountCents, l.quantity, l.unitOfMeasure])).to.deep.equal([
      [-450, -450, 0, 0, 1, null], [938, 938, 938, 938, 0.75, 'LB'], [0, 0, 0, 0, 0, null],
    ]);
  });

  it('parses every date form Toast sends once, into canonical UTC ISO text', () => {
    const at = '2019-02-04T18:57:57.657Z';
    for (const form of [1549306677657, '1549306677657', at, '2019-02-04T18:57:57.657+0000', '2019-02-04T18:57:57.657+00:00', '2019-02-04T13:57:57.657-0500']) {
      expect(toastInstant(form), String(form)).to.equal(at);
      expect(normalizeToastCheck({ openedDate: form, paidDate: form, closedDate: form, selections: [] })).to.include({ openedDate: at, paidDate: at, closedDate: at });
    }
    for (const bad of [null, undefined, -1, 1.5, 4e13, '', 'yesterday', '2019-02-04', '2019-13-04T00:00:00Z', {}]) expect(toastInstant(bad), String(bad)).to.equal(null);
  });

  it('redemptions: dollars to cents, quantities to numbers, every documented shape kept', () => {
    const [itemId, multi, bad] = normalizeRedemptions([
      { identifier: '1', itemId: null, selectionGuid: null, amount: 5, quantity: 2 },
      { identifier: 'combo', multiItemDiscountGuid: 'm', amount: '3.49', quantity: '1', itemApplication: [{ selectionIdentifier: 's', amount: 1.005, appliedDiscountIdentifier: 'a' }] },
      { identifier: 'x', quantity: 'two' },
    ]);
    expect(itemId).to.deep.include({ identifier: '1', itemId: null, selectionGuid: null, amountCents: 500, quantity: 2, itemApplication: null });
    expect(multi).to.deep.include({ multiItemDiscountGuid: 'm', amountCents: 349, quantity: 1, itemApplication: [{ selectionIdentifier: 's', amountCents: 101, appliedDiscountIdentifier: 'a' }] });
    expect(Number.isNaN(bad?.quantity)).to.equal(true);
    expect(normalizeRedemptions(null)).to.deep.equal([]);
  });

  it('tolerates nulls everywhere and numeric strings for amounts', () => {
    const n = normalizeToastCheck({ guid: null, selections: [{ guid: 's', quantity: '2', preDiscountPrice: '17.98', price: null, item: null, modifiers: null, appliedDiscounts: null, unitOfMeasure: null }], appliedDiscounts: null, payments: null, amount: '17.98', openedDate: null });
    expect(n.lines[0]).to.include({ selectionGuid: 's', quantity: 2, preDiscountCents: 1798, netCents: 1798, toastPriceCents: null, menuItemGuid: null, unitOfMeasure: null, voided: false });
    expect(n.openedDate).to.equal(null);
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
