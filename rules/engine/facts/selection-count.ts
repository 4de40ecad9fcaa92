import type { FactDefinition } from './fact.js';
import { purchaseLines } from './line-sums.js';

export const selectionCount: FactDefinition = {
  id: 'selectionCount',
  kind: 'number',
  range: { min: 0, integer: true },
  description: 'Number of selections bought (non-voided, not a refund, quantity above 0).',
  compute: ({ check }) => purchaseLines(check).length,
};
