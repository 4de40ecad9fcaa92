import type { OperatorDefinition } from './operator.js';

export const equal: OperatorDefinition = {
  name: 'equal',
  accepts: { number: 'number', string: 'string' },
  evaluate: (fact, value) => typeof fact === typeof value && fact === value,
};
