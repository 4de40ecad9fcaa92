import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { FACTS } from '../../../rules/engine/facts/index.js';
import { OPERATORS } from '../../../rules/engine/operators/index.js';
import { REWARD_TYPES } from '../../../rules/engine/effects/index.js';

describe('rules/README.md documents the whole vocabulary', () => {
  const readme = readFileSync('rules/README.md', 'utf8');
  it('every fact, operator and reward type appears', () => {
    for (const name of [...FACTS.map((f) => f.id), ...OPERATORS.map((o) => o.name), ...REWARD_TYPES]) {
      expect(readme, name).to.contain(`\`${name}\``);
    }
  });
});
