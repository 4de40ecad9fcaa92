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

export interface ProgramDetail {
  program: ProgramSummary;
  scheduled: { version: string; at: Date; by: string; requestedAt: Date } | null;
  /** Newest first. */
  activations: { version: string; contentHash: string; at: Date; by: string; how: string }[];
}

/** One program with its pending scheduled activation and activation history; null when unknown. */
export async function programDetail(models: Models, programId: string): Promise<ProgramDetail | null> {
  const d = await models.Program.findById(programId).lean();
  if (!d) return null;
  const s = d.scheduled;
  return {
    program: { id: d._id, name: d.name, activeVersion: d.activeVersion, activeHash: d.activeHash, updatedAt: d.updatedAt },
    scheduled: s ? { version: s.version, at: s.at, by: s.by, requestedAt: s.requestedAt } : null,
    activations: [...(d.activations ?? [])].reverse().map((a) => ({ version: a.version, contentHash: a.contentHash, at: a.at, by: a.by, how: a.how })),
  };
}
