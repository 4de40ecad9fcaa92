import type { FactDefinition } from './fact.js';

export const locationGuid: FactDefinition = {
  id: 'locationGuid',
  kind: 'string',
  description: 'Toast restaurant GUID of the location.',
  compute: ({ clock }) => clock.location?.guid ?? '',
};
