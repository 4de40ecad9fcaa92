import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { validateProgram } from '../../../rules/index.js';
import { FACTS } from '../../../rules/engine/facts/index.js';
import { OPERATORS } from '../../../rules/engine/operators/index.js';
import { REWARD_TYPES } from '../../../rules/engine/effects/index.js';
import schema from '../../../rules/schema/program.schema.json' with { type: 'json' };

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const errorsOf = (json: unknown) => {
  const r = validateProgram(json);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
};

describe('validateProgram', () => {
  it('accepts both sample programs', () => {
    for (const file of ['rules/programs/demo.json', 'rules/programs/cafe.json']) expect(errorsOf(read(file)), file).to.deep.equal([]);
  });

  it('reports every schema error at once, each with its JSON path', () => {
    expect(errorsOf(read('test/fixtures/rules/broken-schema.json'))).to.have.members([
      '/earning/perCents must be >= 1',
      '/promotions/0/schedule/days/1 must be one of MON, TUE, WED, THU, FRI, SAT, SUN',
      '/rewards/0/pointsCost must be >= 0',
      '/rewards/1/type unknown type "FREE_ITEMS"; one of BOGO, FREE_ITEM, PERCENT_OFF_CHECK, PERCENT_OFF_ITEM, AMOUNT_OFF_CHECK, AMOUNT_OFF_ITEM, PRICE_ADJUSTMENT, MULTI_ITEM, BONUS_POINTS',
      '/rewards/2/colour is not a known property (known here: id, name, description, pointsCost, eligibility, schedule, locations, members, limits, expiresAt, combinesWithNonLoyaltyDiscounts, amountCents, minSubtotalCents, type)',
      '/rewards/4/percent must be <= 100',
      '/policies/reversal is required',
    ]);
  });

  it('reports every semantic error: ids, groups, conditions, schedules, timezones, BOGO sets', () => {
    expect(errorsOf(read('test/fixtures/rules/broken-semantics.json'))).to.have.members([
      '/rewards/4/id duplicate reward id "free-fries"',
      '/policies/stacking/exclusivityGroups/0/rewards/1 unknown reward "free-pizza"',
      '/rewards/1/eligibility/all/0/value must be a number for checkSubtotalCents greaterThan',
      '/rewards/1/eligibility/all/1/params/guid is required by fact menuItemQuantity',
      '/rewards/1/eligibility/all/2/operator operator "contains" does not apply to fact "checkSubtotalCents"',
      '/rewards/1/eligibility/all/3/value "FUNDAY" is not a value of dayOfWeek',
      '/locations/0/timezone unknown IANA timezone "America/Gotham"',
      '/rewards/2/schedule/days none of these days falls inside the date range',
      '/promotions/0/schedule/hours/0 start and end are equal: the window never occurs',
      '/rewards/3/get/items a BOGO needs a non-empty buy and get set',
    ]);
  });

  it('refuses misspelled facts and operators (json-rules-engine would only fail at run time)', () => {
    const demo = read('rules/programs/demo.json') as { rewards: Record<string, unknown>[] };
    demo.rewards[0] = { ...demo.rewards[0], eligibility: { any: [{ fact: 'checkTotal', operator: 'greaterThen', value: 1 }] } };
    const errors = errorsOf(demo);
    expect(errors.some((e) => e.startsWith('/rewards/0/eligibility/any/0/fact must be one of'))).to.equal(true);
    expect(errors.some((e) => e.startsWith('/rewards/0/eligibility/any/0/operator must be one of'))).to.equal(true);
  });

  it('checks tiers, rolling basis, expiry days, multipliers and shop-with-points rates', () => {
    const demo = read('rules/programs/demo.json') as Record<string, unknown>;
    const bad = {
      ...demo,
      tiers: { basis: 'ROLLING', levels: [{ id: 'gold', name: 'Gold', minPoints: 1, multiplier: 1.333 }] },
      shopWithPoints: { rate: { points: 100, cents: 300 }, denominationsCents: [100] },
      policies: { ...(demo.policies as object), expiry: { mode: 'INACTIVITY' } },
      rewards: [...(demo.rewards as object[]), { id: 'vip', name: 'VIP', type: 'AMOUNT_OFF_CHECK', amountCents: 100, members: { tiers: ['platinum'] } }],
    };
    expect(errorsOf(bad)).to.have.members([
      '/tiers/levels/0/multiplier at most two decimal places',
      '/tiers/rollingDays is required for a ROLLING tier basis',
      '/policies/expiry/days is required for expiry mode INACTIVITY',
      '/shopWithPoints/denominationsCents/0 must cost a whole number of points at the rate',
      '/rewards/4/members/tiers/0 unknown tier "platinum"',
    ]);
  });

  it("the schema's fact, operator and reward-type lists match the engine's", () => {
    const defs = (schema as unknown as { definitions: Record<string, { properties?: Record<string, { enum?: string[] }>; oneOf?: { properties: { type: { const: string } } }[] }> }).definitions;
    expect(defs.conditionNode?.properties?.fact?.enum).to.deep.equal(FACTS.map((f) => f.id));
    expect(defs.conditionNode?.properties?.operator?.enum).to.deep.equal(OPERATORS.map((o) => o.name));
    expect(defs.reward?.oneOf?.map((b) => b.properties.type.const)).to.have.members([...REWARD_TYPES]);
  });
});
