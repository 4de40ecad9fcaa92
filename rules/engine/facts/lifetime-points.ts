import type { FactDefinition } from './fact.js';

export const lifetimePoints: FactDefinition = {
  id: 'lifetimePoints',
  kind: 'number',
  description: 'Points the member has ever earned.',
  compute: ({ member }) => member?.lifetimePoints ?? 0,
};
