import type { FactDefinition } from './fact.js';
import { quantityBy } from './line-sums.js';

export const menuItemQuantity: FactDefinition = {
  id: 'menuItemQuantity',
  kind: 'number',
  range: { min: 0 },
  params: ['guid'],
  description: 'Units of the menu item `params.guid` on the check (selections and modifiers).',
  compute: ({ check }, params) => quantityBy(check, 'menuItemGuid', params.guid),
};
