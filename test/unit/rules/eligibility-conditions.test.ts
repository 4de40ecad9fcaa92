import { expect } from 'chai';
import { offers, type Reward } from '../../../rules/index.js';
import { ctx, freeFries, ITEM, LOC, member, program, sel, toastCheck } from './helpers.js';

const withCondition = (eligibility: Reward['eligibility']): Reward => ({ ...freeFries, eligibility });
const reasons = async (reward: Reward, selections: Record<string, unknown>[], over = {}) =>
  (await offers(program([reward]), ctx(toastCheck(selections), over))).offers[0]?.reasons;

describe('eligibility conditions (json-rules-engine trees over the fact vocabulary)', () => {
  it('passes and fails on checkSubtotalCents, naming the failed fact', async () => {
    const r = withCondition({ all: [{ fact: 'checkSubtotalCents', operator: 'greaterThanInclusive', value: 1000 }] });
    expect(await reasons(r, [sel(ITEM.fries, 3.49), sel(ITEM.burger, 8.99)])).to.deep.equal([]);
    expect(await reasons(r, [sel(ITEM.fries, 3.49)])).to.deep.equal(['CONDITIONS_NOT_MET:checkSubtotalCents']);
  });

  it('item counts take params.guid; any/not combine', async () => {
    const r = withCondition({ any: [
      { fact: 'menuItemQuantity', params: { guid: ITEM.burger }, operator: 'greaterThanInclusive', value: 2 },
      { not: { fact: 'memberStatus', operator: 'equal', value: 'REGISTERED' } },
    ] });
    expect(await reasons(r, [sel(ITEM.fries, 3.49), sel(ITEM.burger, 17.98, { qty: 2 })])).to.deep.equal([]);
    expect(await reasons(r, [sel(ITEM.fries, 3.49)])).to.deep.equal(['CONDITIONS_NOT_MET:memberStatus,menuItemQuantity']);
    expect(await reasons(r, [sel(ITEM.fries, 3.49)], { member: member({ status: 'STARTER' }) })).to.deep.equal([]);
  });

  it('member, location and clock facts', async () => {
    const r = withCondition({ all: [
      { fact: 'visits', operator: 'greaterThan', value: 2 },
      { fact: 'locationTags', operator: 'contains', value: 'city' },
      { fact: 'dayOfWeek', operator: 'in', value: ['WED', 'THU'] },
      { fact: 'minuteOfDay', operator: 'lessThan', value: 12 * 60 },
    ] });
    expect(await reasons(r, [sel(ITEM.fries, 3.49)], { member: member({ visits: 3 }) })).to.deep.equal([]);
    expect(await reasons(r, [sel(ITEM.fries, 3.49)], { member: member({ visits: 3 }), now: '2026-07-15T17:00:00Z' })).to.deep.equal(['CONDITIONS_NOT_MET:minuteOfDay']);
  });

  it('strict operators: a numeric string never passes a numeric comparison', async () => {
    // Such a file is refused at validation; the operator itself is strict as a second line of defence.
    const { greaterThan } = await import('../../../rules/engine/operators/greater-than.js');
    expect(greaterThan.evaluate('42', 10)).to.equal(false);
    expect(greaterThan.evaluate(42, 10)).to.equal(true);
  });

  it('location filters by GUID or tag; unknown locations are NOT_AT_LOCATION', async () => {
    const tagged: Reward = { ...freeFries, locations: { tags: ['airport'] } };
    const result = await offers(program([tagged, { ...freeFries, id: 'here', locations: { guids: [LOC] } }]), ctx(toastCheck([sel(ITEM.fries, 3.49)])));
    expect(result.notOffered).to.deep.equal([{ rewardId: 'free-fries', reasons: ['NOT_AT_LOCATION'] }]);
    expect(result.offers.map((o) => o.identifier)).to.deep.equal(['here']);
    const elsewhere = await offers(program([freeFries]), ctx(toastCheck([]), { locationGuid: 'nowhere' }));
    expect(elsewhere.notOffered[0]?.reasons).to.deep.equal(['NOT_AT_LOCATION']);
  });

  it('member requirements: status and tier hide the reward', async () => {
    const gold: Reward = { ...freeFries, members: { tiers: ['gold'], statuses: ['REGISTERED'] } };
    const tiers = { tiers: { basis: 'LIFETIME', levels: [{ id: 'gold', name: 'Gold', minPoints: 1000 }] } };
    const p = program([gold], tiers);
    const c = (m: Record<string, unknown>) => ctx(toastCheck([sel(ITEM.fries, 3.49)]), { member: member(m) });
    expect((await offers(p, c({ lifetimePoints: 999 }))).notOffered[0]?.reasons).to.deep.equal(['TIER_REQUIRED:gold']);
    expect((await offers(p, c({ lifetimePoints: 1000 }))).offers[0]?.applicable).to.equal(true);
    expect((await offers(p, c({ lifetimePoints: 1000, status: 'STARTER' }))).notOffered[0]?.reasons).to.deep.equal(['STATUS_REQUIRED:REGISTERED']);
  });

  it('expired rewards are not offered; live ones carry their expiration and description', async () => {
    const expiring: Reward = { ...freeFries, expiresAt: '2026-08-01T00:00:00Z', description: 'Summer only' };
    const live = await offers(program([expiring]), ctx(toastCheck([sel(ITEM.fries, 3.49)])));
    expect(live.offers[0]).to.deep.include({ expiration: [{ date: '2026-08-01T00:00:00Z' }], description: 'Summer only' });
    const late = await offers(program([expiring]), ctx(toastCheck([sel(ITEM.fries, 3.49)]), { now: '2026-08-01T00:00:00Z' }));
    expect(late.notOffered[0]?.reasons).to.deep.equal(['EXPIRED']);
  });
});
