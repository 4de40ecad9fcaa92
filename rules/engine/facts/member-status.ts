import type { FactDefinition } from './fact.js';

export const memberStatus: FactDefinition = {
  id: 'memberStatus',
  kind: 'string',
  values: ['NONE', 'STARTER', 'REGISTERED', 'SUSPENDED'],
  description: 'Member status: STARTER, REGISTERED, SUSPENDED, or NONE for an anonymous check.',
  compute: ({ member }) => member?.status ?? 'NONE',
};
