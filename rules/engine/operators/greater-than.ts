import { isNum, type OperatorDefinition } from './operator.js';

export const greaterThan: OperatorDefinition = {
  name: 'greaterThan',
  accepts: { number: 'number' },
  evaluate: (fact, value) => isNum(fact) && isNum(value) && fact > value,
};
