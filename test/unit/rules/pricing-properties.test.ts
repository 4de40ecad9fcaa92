/**
 * Pricing invariants over generated checks — weighed and counted lines, refunds, quantity-0
 * lines, modifiers, voided lines, Toast discounts and loyalty discounts already on the check:
 * no discount exceeds its line or the net check, all loyalty discounts together stay within the
 * net check, no selection (unit) is discounted twice, points are never negative.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { accrual, offers, validateRedemptions, type NormalizedCheck, type NormalizedLine, type Reward, type SubmittedRedemption } from '../../../rules/index.js';
import { discountableSubtotalCents } from '../../../rules/engine/facts/line-sums.js';
import { GROUP, ITEM, program } from './helpers.js';
import { at, check, line, ours } from './lines.js';

const STEAK = 'item-steak';
const burgers = { menuGroups: [GROUP.burgers] };
const REWARDS: Reward[] = [
  { id: 'free-burger', name: 'Free Burger', type: 'FREE_ITEM', items: burgers },
  { id: 'bogo', name: 'BOGO', type: 'BOGO', buy: { items: burgers, quantity: 1 }, get: { items: burgers, quantity: 1 } },
  { id: 'bogo-steak', name: 'BOGO Steak', type: 'BOGO', buy: { items: { menuItems: [STEAK] }, quantity: 1 }, get: { items: { menuItems: [STEAK] }, quantity: 1 }, percentOff: 50 },
  { id: 'free-steak', name: 'Free Pound', type: 'FREE_ITEM', items: { menuItems: [STEAK] } },
  { id: 'half-fries', name: 'Half Fries', type: 'PERCENT_OFF_ITEM', percent: 50, items: { menuItems: [ITEM.fries] } },
  { id: 'ten-off-burger', name: '$10 Off Burger', type: 'AMOUNT_OFF_ITEM', amountCents: 1000, items: burgers, modifiers: 'EXCLUDE' },
  { id: 'steak-15', name: 'Steak $15', type: 'PRICE_ADJUSTMENT', priceCents: 1500, items: { menuItems: [STEAK] } },
  { id: 'combo', name: 'Combo', type: 'MULTI_ITEM', components: [{ items: burgers, percentOff: 50 }, { items: { menuItems: [ITEM.fries] }, percentOff: 100 }] },
  { id: 'twenty-pct', name: '20% Off', type: 'PERCENT_OFF_CHECK', percent: 20 },
  { id: 'all-off', name: '100% Off', type: 'PERCENT_OFF_CHECK', percent: 100 },
  { id: 'ten-off', name: '$10 Off', type: 'AMOUNT_OFF_CHECK', amountCents: 1000, minSubtotalCents: 500 },
];
const PROGRAM = program(REWARDS, {
  promotions: [{ id: 'burger-bonus', name: 'Burger bonus', kind: 'ITEM_BONUS', items: burgers, pointsPerUnit: 7 }],
  earning: { points: 1, perCents: 100, rounding: 'NEAREST' },
});

const item = fc.constantFrom(ITEM.burger, ITEM.cheese, ITEM.fries, ITEM.soda, STEAK);
const quantity = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3000 }).map((m) => m / 1000));

/** One generated line; `standing` puts a loyalty discount of ours on it (a reward from an earlier request). */
const lineArb = fc.record({
  item, quantity, unitCents: fc.integer({ min: 0, max: 3000 }), refund: fc.boolean(), voided: fc.boolean(),
  bacon: fc.option(fc.integer({ min: 0, max: 300 })), toastDiscount: fc.boolean(), standing: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
}, { requiredKeys: ['item', 'quantity', 'unitCents'] }).map((g): NormalizedLine => {
  const gross = Math.round(g.unitCents * g.quantity) + (g.bacon ?? 0);
  const cents = g.refund ? -Math.max(1, gross) : gross;
  const loyalty = g.standing != null && cents > 0 && !g.toastDiscount ? [ours('free-burger', Math.floor(cents * g.standing))] : [];
  const l = line(g.item, cents, {
    qty: g.refund ? 1 : g.quantity, uom: g.item === STEAK ? 'LB' : null, voided: g.voided ?? false,
    ...(g.bacon != null ? { modifiers: [[ITEM.bacon, g.bacon] as [string, number]] } : {}), loyalty,
  });
  if (!g.toastDiscount || cents <= 0) return l;
  const off = Math.min(100, cents);
  return { ...l, hasNonLoyaltyItemDiscount: true, nonLoyaltyDiscountCents: off, netCents: Math.max(0, l.netCents - off), toastPriceCents: cents - off };
});

/** A check whose standing loyalty discounts never exceed its net (as Toast would allow). */
const checkArb = fc.record({ lines: fc.array(lineArb, { minLength: 1, maxLength: 7 }), checkLevel: fc.integer({ min: 0, max: 1500 }) })
  .map(({ lines, checkLevel }): NormalizedCheck => {
    const c = check(lines);
    const net = discountableSubtotalCents(c);
    const onLines = standingOf(c);
    if (onLines > net) return check(lines.map((l) => ({ ...l, loyaltyDiscounts: [] })));
    const extra = Math.min(checkLevel, net - onLines);
    return extra > 0 ? { ...c, checkLoyaltyDiscounts: [ours('ten-off', extra)] } : c;
  });

function standingOf(c: NormalizedCheck): number {
  return [...c.checkLoyaltyDiscounts, ...c.lines.filter((l) => !l.voided).flatMap((l) => l.loyaltyDiscounts)].reduce((s, d) => s + d.amountCents, 0);
}

const redemptionsArb = fc.shuffledSubarray(REWARDS.map((r) => r.id)).map((ids): SubmittedRedemption[] =>
  ids.map((identifier, i) => ({ identifier, appliedDiscountGuid: `new-${i}` })));

const lineOf = (c: NormalizedCheck, guid: string) => c.lines.find((l) => l.selectionGuid === guid);
/** The test's own reading of "a purchase": live, a positive quantity, not a refund. */
const bought = (l: NormalizedLine): boolean => !l.voided && l.quantity > 0 && (l.toastPriceCents ?? 0) >= 0 && (l.toastPreDiscountPriceCents ?? 0) >= 0;

describe('pricing invariants over generated checks (fast-check)', () => {
  it('offers: no discount exceeds its line or what the check still owes; only purchase lines are discounted', async () => {
    await fc.assert(fc.asyncProperty(checkArb, async (c) => {
      const owed = Math.max(0, discountableSubtotalCents(c) - standingOf(c));
      for (const o of (await offers(PROGRAM, at(c))).offers) {
        expect(o.amountCents, o.identifier).to.be.within(0, owed + ownStanding(c, o.identifier));
        if (!o.applicable) continue;
        for (const a of o.itemApplication ?? []) {
          const l = lineOf(c, a.selectionIdentifier);
          expect(l && bought(l), `${o.identifier} on a non-purchase line`).to.equal(true);
          expect(a.amountCents, o.identifier).to.be.within(1, l!.preDiscountCents);
        }
      }
    }), { numRuns: 300 });
  });

  it('redemptions: together with the rewards on the check they never exceed the net; no selection discounted twice', async () => {
    await fc.assert(fc.asyncProperty(checkArb, redemptionsArb, async (c, submitted) => {
      const { applied } = await validateRedemptions(PROGRAM, at(c), submitted);
      const total = applied.reduce((s, a) => s + a.amountCents, 0);
      expect(total + standingOf(c)).to.be.at.most(Math.max(discountableSubtotalCents(c), standingOf(c)));
      const used = new Set(c.lines.filter((l) => l.loyaltyDiscounts.length > 0).map((l) => l.selectionGuid));
      for (const a of applied) {
        expect(a.amountCents).to.be.at.least(1);
        for (const item of a.itemApplication ?? []) {
          expect(used.has(item.selectionIdentifier), `${a.identifier}: ${item.selectionIdentifier} discounted twice`).to.equal(false);
          used.add(item.selectionIdentifier);
          const l = lineOf(c, item.selectionIdentifier)!;
          expect(bought(l)).to.equal(true);
          expect(item.amountCents).to.be.within(0, l.preDiscountCents);
        }
      }
    }), { numRuns: 300 });
  });

  it('accrual: points and eligible spend are never negative, and points are whole', async () => {
    await fc.assert(fc.asyncProperty(checkArb, async (c) => {
      const result = await accrual(PROGRAM, at(c));
      expect(Number.isInteger(result.points)).to.equal(true);
      expect(result.points).to.be.at.least(0);
      expect(result.eligibleSpendCents).to.be.at.least(0);
      expect(result.breakdown.reduce((s, l) => s + l.points, 0)).to.equal(result.points);
      const units = c.lines.filter((l) => bought(l) && l.menuGroupGuid === GROUP.burgers).reduce((s, l) => s + l.quantity, 0);
      const bonus = result.breakdown.find((l) => l.ruleId === 'burger-bonus')?.points ?? 0;
      expect(bonus, 'per-unit bonus only on units bought').to.be.within(0, Math.round(units * 7));
    }), { numRuns: 300 });
  });
});

/** Discount the reward itself already holds on the check (an offer is priced as if it were the only new one). */
function ownStanding(c: NormalizedCheck, rewardId: string): number {
  return [...c.checkLoyaltyDiscounts, ...c.lines.filter((l) => !l.voided).flatMap((l) => l.loyaltyDiscounts)]
    .filter((d) => d.referenceId === rewardId).reduce((s, d) => s + d.amountCents, 0);
}
