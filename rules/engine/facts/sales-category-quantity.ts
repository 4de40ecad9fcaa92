import type { FactDefinition } from './fact.js';
import { quantityBy } from './line-sums.js';

export const salesCategoryQuantity: FactDefinition = {
  id: 'salesCategoryQuantity',
  kind: 'number',
  range: { min: 0 },
  params: ['guid'],
  description: 'Units in the sales category `params.guid` on the check.',
  compute: ({ check }, params) => quantityBy(check, 'salesCategoryGuid', params.guid),
};
