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
  description: string;
  compute(input: FactInput, params: Record<string, unknown>): number | string | string[];
}
