/**
 * The programs' active versions as stored now (not program-cache's 1 s view): what the publish
 * sweeper compares to notice an activation, and what the per-program schedulers are built from.
 * Read-only.
 */
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { programVersion } from './program-cache.js';

/** The programs' active versions as one comparable string. */
export async function activeVersionsFingerprint(models: Models): Promise<string> {
  const programs = await models.Program.find({}, { activeHash: 1 }).sort({ _id: 1 }).lean();
  return programs.map((p) => `${p._id}:${p.activeHash}`).join(',');
}

/** Every program whose active rule set is stored, in id order, with that rule set. */
export async function activeRuleSets(models: Models): Promise<{ programId: string; program: Program }[]> {
  const found: { programId: string; program: Program }[] = [];
  for (const { _id: programId, activeHash } of await models.Program.find({}, { _id: 1, activeHash: 1 }).sort({ _id: 1 }).lean()) {
    const program = await programVersion(models, programId, activeHash);
    if (program) found.push({ programId, program });
  }
  return found;
}
