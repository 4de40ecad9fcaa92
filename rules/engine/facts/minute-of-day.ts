import type { FactDefinition } from './fact.js';

export const minuteOfDay: FactDefinition = {
  id: 'minuteOfDay',
  kind: 'number',
  range: { min: 0, max: 1439, integer: true },
  description: "Minutes since local midnight in the location's timezone (14:00 = 840).",
  compute: ({ clock }) => clock.minuteOfDay,
};
