import type { FactDefinition } from './fact.js';

export const lifetimePoints: FactDefinition = {
  id: 'lifetimePoints',
  kind: 'number',
  range: { min: 0, integer: true },
  description: 'Points the member has ever earned.',
  compute: ({ member }) => member?.lifetimePoints ?? 0,
};
