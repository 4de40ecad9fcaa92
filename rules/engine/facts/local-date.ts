import type { FactDefinition } from './fact.js';

export const localDate: FactDefinition = {
  id: 'localDate',
  kind: 'string',
  description: "Calendar date in the location's timezone, YYYY-MM-DD (use equal, notEqual, in or notIn).",
  compute: ({ clock }) => clock.localDate,
};
