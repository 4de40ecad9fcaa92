/**
 * What changed between two versions of a program: rewards, promotions and tiers added, removed
 * or changed (by id), changed sections, and the old version's fixtures re-run on the new one.
 * Pure: `npm run rules -- diff` prints it, the admin API answers it.
 */
import type { Program } from './engine/types.js';
import { runFixtures, type FixtureOutcome } from './fixtures.js';

export interface ProgramChange {
  /** `+` added, `-` removed, `~` changed. */
  op: '+' | '-' | '~';
  /** `reward`, `promotion`, `tier`, or a section name (`earning`, `policies`…). */
  kind: string;
  /** The entry's id; absent for a whole section. */
  id?: string;
}

export interface ProgramDiff {
  fromVersion: string;
  toVersion: string;
  changes: ProgramChange[];
  /** The old version's fixtures evaluated with the new version. */
  oldFixturesOnNew: FixtureOutcome[];
}

type Named = { id: string };

function diffById<T extends Named>(kind: string, before: T[], after: T[]): ProgramChange[] {
  const old = new Map(before.map((x) => [x.id, JSON.stringify(x)]));
  const now = new Map(after.map((x) => [x.id, JSON.stringify(x)]));
  const changes: ProgramChange[] = [];
  for (const id of now.keys()) if (!old.has(id)) changes.push({ op: '+', kind, id });
  for (const id of old.keys()) if (!now.has(id)) changes.push({ op: '-', kind, id });
  for (const [id, body] of now) if (old.has(id) && old.get(id) !== body) changes.push({ op: '~', kind, id });
  return changes;
}

/** Rule changes only (no fixtures run). */
export function programChanges(before: Program, after: Program): ProgramChange[] {
  const changes = [
    ...diffById('reward', before.rewards, after.rewards),
    ...diffById('promotion', before.promotions, after.promotions),
    ...diffById('tier', before.tiers?.levels ?? [], after.tiers?.levels ?? []),
  ];
  for (const key of ['earning', 'shopWithPoints', 'policies', 'locations'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes.push({ op: '~', kind: key });
  }
  return changes;
}

export async function diffPrograms(before: Program, after: Program): Promise<ProgramDiff> {
  return {
    fromVersion: before.version,
    toVersion: after.version,
    changes: programChanges(before, after),
    oldFixturesOnNew: await runFixtures(after, before),
  };
}

/** A change as one line: `+ reward free-soda`, `~ policies`. */
export function changeLine(change: ProgramChange): string {
  return change.id === undefined ? `${change.op} ${change.kind}` : `${change.op} ${change.kind} ${change.id}`;
}
