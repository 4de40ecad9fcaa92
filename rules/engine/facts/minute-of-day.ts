import type { FactDefinition } from './fact.js';

export const minuteOfDay: FactDefinition = {
  id: 'minuteOfDay',
  kind: 'number',
  description: "Minutes since local midnight in the location's timezone (14:00 = 840).",
  compute: ({ clock }) => clock.minuteOfDay,
};
