import type { FactDefinition } from './fact.js';

export const visits: FactDefinition = {
  id: 'visits',
  kind: 'number',
  range: { min: 0, integer: true },
  description: 'Number of earlier paid visits of the member.',
  compute: ({ member }) => member?.visits ?? 0,
};
