import type { OperatorDefinition } from './operator.js';

/** A list fact (e.g. locationTags) contains the value. */
export const contains: OperatorDefinition = {
  name: 'contains',
  accepts: { stringList: 'string' },
  evaluate: (fact, value) => Array.isArray(fact) && fact.includes(value),
};
