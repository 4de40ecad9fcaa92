import type { OperatorDefinition } from './operator.js';

export const notEqual: OperatorDefinition = {
  name: 'notEqual',
  accepts: { number: 'number', string: 'string' },
  evaluate: (fact, value) => typeof fact === typeof value && fact !== value,
};
