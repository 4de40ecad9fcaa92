import type { FactDefinition } from './fact.js';

export const pointsBalance: FactDefinition = {
  id: 'pointsBalance',
  kind: 'number',
  range: { integer: true },
  description: "Member's current points balance (0 for an anonymous check).",
  compute: ({ member }) => member?.pointsBalance ?? 0,
};
