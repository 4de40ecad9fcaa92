/**
 * Published rule sets, read from MongoDB and kept in memory by content hash (versions are
 * immutable, so a cached body never goes stale). The active version of a program is re-read
 * at most once per `activeTtlMs`, so a publish reaches every API replica within that delay.
 */
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';

export interface ActiveProgram {
  program: Program;
  contentHash: string;
}

const activeTtlMs = 1000;
const byHash = new Map<string, Program>();
const active = new WeakMap<Models, Map<string, { value: ActiveProgram; readAt: number }>>();

/** The published rule set with this content hash, or null. */
export async function programVersion(models: Models, programId: string, contentHash: string): Promise<Program | null> {
  const key = `${programId}|${contentHash}`;
  const cached = byHash.get(key);
  if (cached) return cached;
  const doc = await models.RuleSetVersion.findOne({ programId, contentHash }, { body: 1 }).lean();
  if (!doc) return null;
  const program = doc.body as Program;
  byHash.set(key, program);
  return program;
}

/** The program's active rule set, or null when the program does not exist. */
export async function activeProgram(models: Models, programId: string, nowMs = Date.now()): Promise<ActiveProgram | null> {
  let perModels = active.get(models);
  if (!perModels) {
    perModels = new Map();
    active.set(models, perModels);
  }
  const hit = perModels.get(programId);
  if (hit && nowMs - hit.readAt < activeTtlMs) return hit.value;
  const doc = await models.Program.findById(programId, { activeHash: 1 }).lean();
  if (!doc) return null;
  const program = await programVersion(models, programId, doc.activeHash);
  if (!program) return null;
  const value = { program, contentHash: doc.activeHash };
  perModels.set(programId, { value, readAt: nowMs });
  return value;
}
