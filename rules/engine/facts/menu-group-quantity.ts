import type { FactDefinition } from './fact.js';
import { quantityBy } from './line-sums.js';

export const menuGroupQuantity: FactDefinition = {
  id: 'menuGroupQuantity',
  kind: 'number',
  range: { min: 0 },
  params: ['guid'],
  description: 'Units from the menu group `params.guid` on the check.',
  compute: ({ check }, params) => quantityBy(check, 'menuGroupGuid', params.guid),
};
