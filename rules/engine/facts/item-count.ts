import type { FactDefinition } from './fact.js';
import { unitsBought } from './line-sums.js';

export const itemCount: FactDefinition = {
  id: 'itemCount',
  kind: 'number',
  range: { min: 0 },
  description: 'Number of units bought (quantities of non-voided selections, a weighed line as its fraction; refund and quantity-0 lines and modifiers not counted).',
  compute: ({ check }) => unitsBought(check),
};
