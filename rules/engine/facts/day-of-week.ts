import { DAY_NAMES } from '../clock.js';
import type { FactDefinition } from './fact.js';

export const dayOfWeek: FactDefinition = {
  id: 'dayOfWeek',
  kind: 'string',
  values: DAY_NAMES,
  description: "Day of week in the location's timezone: MON … SUN.",
  compute: ({ clock }) => clock.day,
};
