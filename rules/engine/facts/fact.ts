import type { LocalClock } from '../clock.js';
import type { MemberState, NormalizedCheck, Program } from '../types.js';

/** What a fact is computed from (one evaluation). */
export interface FactInput {
  program: Program;
  clock: LocalClock;
  check: NormalizedCheck;
  member: MemberState | null;
  locationTags: string[];
}

/** Value kinds: validation uses them to pick allowed operators and value types. */
export type FactKind = 'number' | 'string' | 'stringList';

/** The values a number fact can take: validation refuses conditions no such value satisfies. */
export interface FactRange {
  min?: number;
  max?: number;
  /** Only whole numbers occur (cents, minutes, counts of selections). */
  integer?: boolean;
}

/**
 * A fact of the eligibility vocabulary, declared as data. `params` names required condition
 * params (e.g. `guid` for item counts). Documented for program managers in rules/README.md.
 */
export interface FactDefinition {
  id: string;
  kind: FactKind;
  params?: string[];
  /** Allowed string values, when closed (validation rejects others). */
  values?: readonly string[];
  /** For number facts: the values that can occur. */
  range?: FactRange;
  description: string;
  compute(input: FactInput, params: Record<string, unknown>): number | string | string[];
}
