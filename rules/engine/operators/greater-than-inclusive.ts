import { isNum, type OperatorDefinition } from './operator.js';

export const greaterThanInclusive: OperatorDefinition = {
  name: 'greaterThanInclusive',
  accepts: { number: 'number' },
  evaluate: (fact, value) => isNum(fact) && isNum(value) && fact >= value,
};
