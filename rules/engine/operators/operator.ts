import type { FactKind } from '../facts/fact.js';

/** What a condition's `value` must be for an operator. */
export type ValueShape = 'number' | 'string' | 'numberList' | 'stringList';

/**
 * An allowed condition operator, declared as data. It replaces json-rules-engine's default of the
 * same name with a strictly typed version (the default lets the string "42" pass `greaterThan 10`).
 */
export interface OperatorDefinition {
  name: string;
  /** Fact kinds this operator applies to, with the value shape required for each. */
  accepts: Partial<Record<FactKind, ValueShape>>;
  evaluate(factValue: unknown, value: unknown): boolean;
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
