import { isNum, type OperatorDefinition } from './operator.js';

export const lessThan: OperatorDefinition = {
  name: 'lessThan',
  accepts: { number: 'number' },
  evaluate: (fact, value) => isNum(fact) && isNum(value) && fact < value,
};
