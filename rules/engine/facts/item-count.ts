import type { FactDefinition } from './fact.js';
import { liveLines } from './line-sums.js';

export const itemCount: FactDefinition = {
  id: 'itemCount',
  kind: 'number',
  description: 'Number of units on the check (sum of quantities of non-voided selections, modifiers not counted).',
  compute: ({ check }) => liveLines(check).reduce((s, l) => s + l.quantity, 0),
};
