import type { OperatorDefinition } from './operator.js';

/** Fact value is one of the listed values. */
export const inList: OperatorDefinition = {
  name: 'in',
  accepts: { number: 'numberList', string: 'stringList' },
  evaluate: (fact, value) => Array.isArray(value) && value.includes(fact),
};
