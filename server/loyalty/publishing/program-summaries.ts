/**
 * What the admin API shows about programs: id, name, active version, and a pending scheduled
 * activation. Read-only.
 */
import type { Models } from '../../store/models/index.js';

export interface ProgramSummary {
  id: string;
  name: string;
  activeVersion: string;
  activeHash: string;
  updatedAt: Date;
}

/** Programs in id order; `only` limits them to these ids (a key scoped to some programs). */
export async function listPrograms(models: Models, only: readonly string[] | null): Promise<ProgramSummary[]> {
  const filter = only === null ? {} : { _id: { $in: [...only] } };
  const docs = await models.Program.find(filter).sort({ _id: 1 }).lean();
  return docs.map((d) => ({ id: d._id, name: d.name, activeVersion: d.activeVersion, activeHash: d.activeHash, updatedAt: d.updatedAt }));
}
