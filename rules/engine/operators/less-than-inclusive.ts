import { isNum, type OperatorDefinition } from './operator.js';

export const lessThanInclusive: OperatorDefinition = {
  name: 'lessThanInclusive',
  accepts: { number: 'number' },
  evaluate: (fact, value) => isNum(fact) && isNum(value) && fact <= value,
};
