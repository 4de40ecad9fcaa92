import type { FactDefinition } from './fact.js';
import { discountableSubtotalCents } from './line-sums.js';

export const checkSubtotalCents: FactDefinition = {
  id: 'checkSubtotalCents',
  kind: 'number',
  range: { min: 0, integer: true },
  description: 'Check subtotal in cents before tax and loyalty discounts, after Toast-configured discounts; voided and deferred (gift card) lines excluded.',
  compute: ({ check }) => discountableSubtotalCents(check),
};
