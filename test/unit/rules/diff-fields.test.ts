/** Field-level differences between two versions of a program (what `rules diff` prints). */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fieldChangeLine, fieldChanges } from '../../../rules/diff-fields.js';
import type { Program } from '../../../rules/index.js';

const cafe = (): Program => JSON.parse(readFileSync('rules/programs/cafe.json', 'utf8')) as Program;
const lines = (a: Program, b: Program): string[] => fieldChanges(a, b).map(fieldChangeLine);

describe('program field changes', () => {
  it('matches rewards, tiers and locations by id: reordering is no change', () => {
    const after = cafe();
    after.rewards.reverse();
    after.tiers!.levels.reverse();
    after.locations.reverse();
    after.fixtures = [];
    after.version = '9';
    expect(lines(cafe(), after)).to.deep.equal([]);
  });

  it('names each changed leaf under its entry or section, with before → after', () => {
    const after = cafe();
    after.tiers!.levels[1]!.minPoints = 1000;
    after.earning.points = 20;
    delete after.earning.rounding;
    after.shopWithPoints!.denominationsCents = [100, 500];
    after.policies.claims = { windowDays: 30 };
    after.rewards.push({ id: 'free-cookie', name: 'Free Cookie', type: 'AMOUNT_OFF_CHECK', amountCents: 200 });
    expect(lines(cafe(), after)).to.have.members([
      '+ reward free-cookie',
      '~ tier gold.minPoints: 1500 → 1000',
      '~ earning.points: 10 → 20',
      '- earning.rounding (was FLOOR)',
      '~ shopWithPoints.denominationsCents: [100,500,1000] → [100,500]',
      '~ policies.claims.windowDays: 14 → 30',
    ]);
  });

  it('a section added whole is one line', () => {
    const before = cafe();
    delete before.tiers;
    expect(lines(before, cafe())).to.deep.equal(['+ tier silver', '+ tier gold', '+ tiers: {"basis":"LIFETIME"}']);
  });
});
