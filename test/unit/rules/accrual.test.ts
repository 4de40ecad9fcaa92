import { expect } from 'chai';
import { accrual, type Program } from '../../../rules/index.js';
import { ctx, GROUP, ITEM, member, program, sel, toastCheck, toastDiscount } from './helpers.js';

const earn = async (p: Program, selections: Record<string, unknown>[], over = {}, extra = {}) => accrual(p, ctx(toastCheck(selections, extra), over));

describe('accrual', () => {
  it('base points on eligible spend with the rule-set version', async () => {
    const result = await earn(program([]), [sel(ITEM.burger, 8.99), sel(ITEM.fries, 3.49)]);
    expect(result).to.deep.equal({ points: 12, eligibleSpendCents: 1248, ruleSetVersion: 't1', breakdown: [{ ruleId: 'earning', kind: 'BASE', points: 12 }] });
  });

  it('rounding: FLOOR, NEAREST, CEIL', async () => {
    const at = async (rounding: string) => (await earn(program([], { earning: { points: 1, perCents: 100, rounding } }), [sel(ITEM.burger, 8.5)])).points;
    expect([await at('FLOOR'), await at('NEAREST'), await at('CEIL')]).to.deep.equal([8, 9, 9]);
  });

  it('excludes tips, deferred (gift card) lines, voided lines and excluded groups; counts after discounts', async () => {
    const p = program([], { earning: { points: 1, perCents: 100, exclude: { menuGroups: [GROUP.sides] } } });
    const result = await earn(p, [
      sel(ITEM.burger, 10, { price: 9, discounts: [toastDiscount(1)] }), sel(ITEM.fries, 3.49), sel(ITEM.gift, 25, { deferred: true, group: null }),
      sel(ITEM.cheese, 9.99, { voided: true }),
    ], {}, { payments: [{ type: 'CREDIT', amount: 12.49, tipAmount: 5 }] });
    expect(result.eligibleSpendCents).to.equal(900);
  });

  it("never earns on more than Toast's check.amount (check-level discounts)", async () => {
    const result = await earn(program([]), [sel(ITEM.burger, 20)], {}, { amount: 15, appliedDiscounts: [toastDiscount(5)] });
    expect(result.points).to.equal(15);
  });

  it('multipliers, tier multiplier, bonuses and item bonuses, then the cap', async () => {
    const p = program([], {
      earning: { points: 1, perCents: 100, maxPointsPerCheck: 100 },
      tiers: { basis: 'LIFETIME', levels: [{ id: 'silver', name: 'Silver', minPoints: 500, multiplier: 1.25 }] },
      promotions: [
        { id: 'double', name: 'Double', kind: 'MULTIPLIER', multiplier: 2 },
        { id: 'plus25', name: '+25', kind: 'BONUS', points: 25, eligibility: { all: [{ fact: 'checkSubtotalCents', operator: 'greaterThanInclusive', value: 3000 }] } },
        { id: 'per-burger', name: '+10 per burger', kind: 'ITEM_BONUS', pointsPerUnit: 10, items: { menuGroups: [GROUP.burgers] } },
      ],
    });
    const result = await earn(p, [sel(ITEM.burger, 26.97, { qty: 3 }), sel(ITEM.fries, 3.49)], { member: member({ lifetimePoints: 600 }) });
    // base 30 → ×2 = 60 (+30) → ×1.25 = 75 (+15) → +25 → +30 = 130 → cap 100 (−30)
    expect(result.breakdown.map((b) => [b.ruleId, b.kind, b.points])).to.deep.equal([
      ['earning', 'BASE', 30], ['double', 'MULTIPLIER', 30], ['tier:silver', 'TIER_MULTIPLIER', 15],
      ['plus25', 'BONUS', 25], ['per-burger', 'BONUS', 30], ['earning', 'CAP', -30],
    ]);
    expect(result.points).to.equal(100);
    expect(result.breakdown.reduce((s, b) => s + b.points, 0)).to.equal(result.points);
  });

  it('tier multipliers round with the program rounding (integers only)', async () => {
    const p = program([], { tiers: { basis: 'ROLLING', rollingDays: 365, levels: [{ id: 'gold', name: 'Gold', minPoints: 100, multiplier: 1.5 }] } });
    const result = await earn(p, [sel(ITEM.burger, 9.99)], { member: member({ lifetimePoints: 0, rollingPoints: 150 }) });
    expect(result.points).to.equal(13); // 9 × 1.5 = 13.5 → 13 (FLOOR)
  });

  it('a voided check earns nothing', async () => {
    const result = await earn(program([]), [sel(ITEM.burger, 8.99)], {}, { voided: true });
    expect(result.points).to.equal(0);
    expect(result.breakdown[0]?.detail).to.equal('CHECK_VOIDED');
  });
});
