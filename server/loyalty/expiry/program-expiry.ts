/**
 * The daily expiry run of one program: walks its members in `_id` order in batches (keyset
 * pagination: bounded memory, no long-lived cursor) and runs member-expiry.ts for each.
 *
 * Members with a positive balance are checked for expiry. In programs with tiers every member
 * is visited, so ROLLING tiers fall as points leave the window and a tier recomputation that a
 * failure skipped is repaired within a day. Safe to re-run: everything is idempotent per day.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';
import { expireMember } from './member-expiry.js';
import { activeProgram } from '../programs/program-cache.js';

/** Totals of one run (counts only: no member data). */
export interface ProgramExpiryReport {
  members: number;
  expiredMembers: number;
  expiredPoints: number;
  tierChanges: number;
}

export interface ProgramExpiryOptions {
  /** Members read per query. @defaultValue 200 */
  batch?: number;
}

/** Runs expiry (and tier upkeep) for every member of `programId` as of `now`; null for an unknown program. */
export async function runProgramExpiry(models: Models, programId: string, now: Date, opts: ProgramExpiryOptions = {}): Promise<ProgramExpiryReport | null> {
  const active = await activeProgram(models, programId);
  if (!active) return null;
  const program = active.program;
  const report: ProgramExpiryReport = { members: 0, expiredMembers: 0, expiredPoints: 0, tierChanges: 0 };
  const expires = program.policies.expiry.mode !== 'NONE';
  if (!expires && !program.tiers) return report;
  const filter = program.tiers ? { programId } : { programId, pointsBalance: { $gt: 0 } };
  let after: Types.ObjectId | null = null;
  for (;;) {
    const page: { _id: Types.ObjectId; pointsBalance: number }[] = await models.Member
      .find(after ? { ...filter, _id: { $gt: after } } : filter, { _id: 1, pointsBalance: 1 })
      .sort({ _id: 1 }).limit(opts.batch ?? 200).lean();
    for (const m of page) {
      const done = await expireMember(models, program, m._id, now, expires && m.pointsBalance > 0);
      report.members++;
      if (done.expired > 0) { report.expiredMembers++; report.expiredPoints += done.expired; }
      if (done.tier?.changed) report.tierChanges++;
    }
    if (page.length === 0) return report;
    after = page[page.length - 1]?._id ?? null;
  }
}
