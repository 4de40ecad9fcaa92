import type { FactDefinition } from './fact.js';
import { liveLines } from './line-sums.js';

export const selectionCount: FactDefinition = {
  id: 'selectionCount',
  kind: 'number',
  description: 'Number of non-voided selections on the check.',
  compute: ({ check }) => liveLines(check).length,
};
