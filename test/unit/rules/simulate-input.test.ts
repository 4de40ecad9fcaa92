/**
 * What `simulate` accepts as a check and a member: Toast checks, request bodies and fixtures
 * unwrapped, menu shorthand priced from the catalogue; anything else refused, never priced $0.00.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { checkFromItems, checkFromJson, checkFromTotal } from '../../../rules/simulate-check.js';
import { MEMBER_KEYS, readSimulationMember } from '../../../rules/simulate-member.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';
import { readToastMenusDocument } from '../../../server/menus/toast-menus-document.js';
import type { Program, RestaurantMenu } from '../../../rules/index.js';

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const program = (path: string): Program => json(path) as Program;
const demoMenu = (): RestaurantMenu => {
  const read = readToastMenusDocument(json('rules/programs/menus/demo-union-square.json'));
  if (!read.ok) throw new Error('demo menu unreadable');
  return read.menu;
};
const subtotal = (check: unknown): number => normalizeToastCheck(check).lines.reduce((s, l) => s + l.preDiscountCents, 0);

describe('simulate input: the check', () => {
  it('every sample check in rules/examples/checks is a priced Toast check', () => {
    const files = readdirSync('rules/examples/checks').filter((f) => f.endsWith('.json'));
    expect(files.length).to.be.greaterThan(4);
    for (const f of files) {
      const read = checkFromJson(json(`rules/examples/checks/${f}`));
      expect(read.ok, f).to.equal(true);
      if (read.ok) expect(subtotal(read.check), f).to.be.greaterThan(0);
    }
  });

  it('unwraps a Toast request body and a fixture, and says so', () => {
    const check = json('rules/examples/checks/burger-and-fries.json');
    const body = checkFromJson({ toastTransactionType: 'LOYALTY_INQUIRE', checkTransactionInformation: { loyaltyIdentifier: 'x', check } });
    expect(body.ok && body.note).to.contain('LOYALTY_INQUIRE request body');
    expect(body.ok && subtotal(body.check)).to.equal(1248);
    const fixture = checkFromJson({ name: 'sixty points', at: '2026-07-15T15:00:00Z', check, expect: {} });
    expect(fixture.ok && fixture.note).to.contain('fixture "sixty points"');
  });

  it('refuses what is not a check instead of pricing it at $0.00', () => {
    const refusals: [unknown, RegExp][] = [
      [{ toastTransactionType: 'LOYALTY_SEARCH', checkTransactionInformation: null }, /LOYALTY_SEARCH request body carries no check/],
      [{ guid: 'c', amount: 12.48 }, /no "selections" list/],
      [{ selections: [] }, /no selections, so it would be priced at \$0\.00/],
      [{ selections: [{ displayName: 'Burger' }] }, /no selection of the check has a "price"/],
      [[1, 2], /not a Toast check/],
    ];
    for (const [input, message] of refusals) {
      const r = checkFromJson(input);
      expect(r.ok, JSON.stringify(input)).to.equal(false);
      if (!r.ok) expect(r.message).to.match(message);
    }
  });

  it('--items prices menu names with quantities from the catalogue; an unknown name gets close matches', () => {
    const r = checkFromItems('Classic Burger x2, fries , Soda ×3', demoMenu());
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const check = normalizeToastCheck(r.check);
    expect(check.lines.map((l) => [l.displayName, l.quantity, l.preDiscountCents, l.menuItemGuid])).to.deep.equal([
      ['Classic Burger', 2, 1798, 'a1f0c3d2-0001-4b5e-9c1a-000000000001'],
      ['Fries', 1, 349, 'a1f0c3d2-0010-4b5e-9c1a-000000000010'],
      ['Soda', 3, 687, 'a1f0c3d2-0020-4b5e-9c1a-000000000020'],
    ]);
    expect(check.lines[0]!.menuGroupGuid).to.equal('a1f0c3d2-1001-4b5e-9c1a-000000001001');
    const unknown = checkFromItems('Clasic Burger', demoMenu());
    expect(unknown.ok || unknown.message).to.contain('close matches: "Classic Burger"');
    const giftCard = checkFromItems('Gift Card', demoMenu());
    expect(giftCard.ok || giftCard.message).to.contain('has no base price');
    expect(checkFromItems('Fries x0', demoMenu()).ok).to.equal(false);
  });

  it('--total is one priced line; a non-amount is refused', () => {
    const r = checkFromTotal('24.50');
    expect(r.ok && subtotal(r.check)).to.equal(2450);
    for (const bad of ['0', '-3', '12.345', 'ten']) expect(checkFromTotal(bad).ok, bad).to.equal(false);
  });
});

describe('simulate input: the member', () => {
  const cafe = program('rules/programs/cafe.json');

  it('absent is an anonymous check; given keys take their defaults', () => {
    expect(readSimulationMember(undefined, cafe)).to.deep.equal({ ok: true, member: null });
    const r = readSimulationMember({ pointsBalance: 60 }, program('rules/programs/demo.json'));
    expect(r.ok && r.member).to.deep.include({ status: 'REGISTERED', pointsBalance: 60, lifetimePoints: 0, visits: 0 });
  });

  it('refuses unknown keys listing the allowed ones, and wrongly typed values, all in one message', () => {
    const r = readSimulationMember({ balance: 60, status: 'GOLD', visits: -1, tier: 'platinum' }, cafe);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.message).to.contain('unknown key "balance"').and.contain(`allowed: ${Object.keys(MEMBER_KEYS).join(', ')}`)
      .and.contain('status must be one of STARTER, REGISTERED, SUSPENDED').and.contain('visits must be a whole number')
      .and.contain('tier must be one of silver, gold');
  });

  it('derives the tier from points, or fills in the points a given tier needs; a contradiction is refused', () => {
    const derived = readSimulationMember({ lifetimePoints: 600 }, cafe);
    expect(derived.ok && derived.member?.tier).to.equal('silver');
    const set = readSimulationMember({ tier: 'gold' }, cafe);
    expect(set.ok && set.member).to.deep.include({ tier: 'gold', lifetimePoints: 1500 });
    const clash = readSimulationMember({ tier: 'gold', lifetimePoints: 20 }, cafe);
    expect(clash.ok || clash.message).to.contain('tier gold needs lifetimePoints from 1500');
    const noTiers = readSimulationMember({ tier: 'gold' }, program('rules/programs/demo.json'));
    expect(noTiers.ok || noTiers.message).to.contain('this program has no tiers');
  });
});
