import type { OperatorDefinition } from './operator.js';

/** A list fact does not contain the value. */
export const doesNotContain: OperatorDefinition = {
  name: 'doesNotContain',
  accepts: { stringList: 'string' },
  evaluate: (fact, value) => Array.isArray(fact) && !fact.includes(value),
};
