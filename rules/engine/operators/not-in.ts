import type { OperatorDefinition } from './operator.js';

/** Fact value is none of the listed values. */
export const notIn: OperatorDefinition = {
  name: 'notIn',
  accepts: { number: 'numberList', string: 'stringList' },
  evaluate: (fact, value) => Array.isArray(value) && !value.includes(fact),
};
