/** Allowed condition operators, collected explicitly. Anything else is refused at validation. */
import { contains } from './contains.js';
import { doesNotContain } from './does-not-contain.js';
import { equal } from './equal.js';
import { greaterThanInclusive } from './greater-than-inclusive.js';
import { greaterThan } from './greater-than.js';
import { inList } from './in.js';
import { lessThanInclusive } from './less-than-inclusive.js';
import { lessThan } from './less-than.js';
import { notEqual } from './not-equal.js';
import { notIn } from './not-in.js';
import type { OperatorDefinition } from './operator.js';

export type { OperatorDefinition, ValueShape } from './operator.js';

export const OPERATORS: readonly OperatorDefinition[] = [
  equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive,
  inList, notIn, contains, doesNotContain,
];

export const OPERATORS_BY_NAME: ReadonlyMap<string, OperatorDefinition> = new Map(OPERATORS.map((o) => [o.name, o]));
