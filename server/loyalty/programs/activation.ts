/**
 * Making a stored rule-set version the active one of its program: now, or at a scheduled time.
 * Every activation is one guarded single-document update of the program (active hash, label,
 * history entry), so concurrent activations and repeated schedule runs cannot half-apply or
 * apply twice. Processes pick the new active hash up within program-cache.ts's re-read delay
 * (1 s); nothing needs a restart. The program's Toast locations follow the activated file
 * (upserted after the program update; repeating an activation repairs a crash in between).
 * Rollback is activating an older version.
 */
import type { Program } from '../../../rules/index.js';
import { ACTIVATION_HISTORY_LIMIT } from '../../store/models/program.js';
import type { Models } from '../../store/models/index.js';
import { findVersionInfo, locationOfAnotherProgram, type VersionInfo } from './rule-set-versions.js';

export type ActivationHow = 'BOOT' | 'API' | 'SCHEDULED';

export type ActivationOutcome =
  | { status: 'ACTIVATED'; version: VersionInfo; previousVersion: string | null }
  | { status: 'SCHEDULED'; version: VersionInfo; at: Date }
  | { status: 'UNKNOWN_VERSION' }
  /** A scheduled activation needs an existing program (activate a first version now). */
  | { status: 'UNKNOWN_PROGRAM' }
  | { status: 'LOCATION_TAKEN'; index: number; otherProgramId: string };

async function upsertLocations(models: Models, program: Program): Promise<void> {
  for (const loc of program.locations) {
    await models.Location.updateOne(
      { _id: loc.guid },
      { $set: { programId: program.id, name: loc.name, timezone: loc.timezone, tags: loc.tags ?? [] } },
      { upsert: true },
    );
  }
}

async function bodyOf(models: Models, version: VersionInfo): Promise<Program> {
  const doc = await models.RuleSetVersion.findOne({ programId: version.programId, contentHash: version.contentHash }, { body: 1 }).lean();
  if (!doc) throw new Error('rule-set version vanished');
  return doc.body as Program;
}

/**
 * Makes `version` (already stored) active now, with one atomic update of the program (created
 * when missing). Answers the label that was active before.
 */
export async function activateStored(models: Models, version: VersionInfo, by: string, how: ActivationHow, now: Date): Promise<ActivationOutcome> {
  const program = await bodyOf(models, version);
  if (how !== 'BOOT') {
    const taken = await locationOfAnotherProgram(models, program);
    if (taken) return { status: 'LOCATION_TAKEN', ...taken };
  }
  const entry = { version: version.version, contentHash: version.contentHash, at: now, by, how };
  const before = await models.Program.findOneAndUpdate(
    { _id: version.programId },
    {
      $set: { name: program.name, activeHash: version.contentHash, activeVersion: version.version, updatedAt: now },
      $push: { activations: { $each: [entry], $slice: -ACTIVATION_HISTORY_LIMIT } },
    },
    { upsert: true, returnDocument: 'before', projection: { activeVersion: 1 } },
  ).lean();
  await upsertLocations(models, program);
  return { status: 'ACTIVATED', version, previousVersion: before?.activeVersion ?? null };
}

/** Activates the version labelled `label` now, or schedules it for `at` when that is later than `now`. */
export async function activateVersion(models: Models, programId: string, label: string, opts: { by: string; now: Date; at?: Date }): Promise<ActivationOutcome> {
  const version = await findVersionInfo(models, programId, label);
  if (!version) return { status: 'UNKNOWN_VERSION' };
  if (opts.at === undefined || opts.at.getTime() <= opts.now.getTime()) return activateStored(models, version, opts.by, 'API', opts.now);
  const taken = await locationOfAnotherProgram(models, await bodyOf(models, version));
  if (taken) return { status: 'LOCATION_TAKEN', ...taken };
  const scheduled = { version: version.version, contentHash: version.contentHash, at: opts.at, by: opts.by, requestedAt: opts.now };
  // One pending activation per program: a new schedule replaces the previous one.
  const updated = await models.Program.findOneAndUpdate({ _id: programId }, { $set: { scheduled } }, { projection: { _id: 1 } }).lean();
  if (!updated) return { status: 'UNKNOWN_PROGRAM' };
  return { status: 'SCHEDULED', version, at: opts.at };
}

/** Cancels a pending scheduled activation; answers what was cancelled (null when none). */
export async function cancelScheduledActivation(models: Models, programId: string): Promise<{ version: string; at: Date } | null> {
  const before = await models.Program.findOneAndUpdate(
    { _id: programId, scheduled: { $ne: null } }, { $set: { scheduled: null } }, { returnDocument: 'before', projection: { scheduled: 1 } },
  ).lean();
  return before?.scheduled ? { version: before.scheduled.version, at: before.scheduled.at } : null;
}

/**
 * Applies every scheduled activation due at `now`. Safe to run from any number of processes at
 * once and to repeat: each is applied by the one update whose guard still matches the schedule.
 * Answers the activations this call applied.
 */
export async function applyDueActivations(models: Models, now: Date): Promise<{ programId: string; version: string }[]> {
  const due = await models.Program.find({ 'scheduled.at': { $lte: now } }, { scheduled: 1 }).lean();
  const applied: { programId: string; version: string }[] = [];
  for (const p of due) {
    const s = p.scheduled;
    if (!s) continue;
    const stored = await models.RuleSetVersion.findOne({ programId: p._id, contentHash: s.contentHash }, { body: 1 }).lean();
    if (!stored) continue;
    const program = stored.body as Program;
    const entry = { version: s.version, contentHash: s.contentHash, at: now, by: s.by, how: 'SCHEDULED' };
    const updated = await models.Program.findOneAndUpdate(
      { _id: p._id, 'scheduled.contentHash': s.contentHash, 'scheduled.at': s.at },
      {
        $set: { name: program.name, activeHash: s.contentHash, activeVersion: s.version, updatedAt: now, scheduled: null },
        $push: { activations: { $each: [entry], $slice: -ACTIVATION_HISTORY_LIMIT } },
      },
      { projection: { _id: 1 } },
    ).lean();
    if (!updated) continue; // another process applied it, or it was replaced or cancelled
    await upsertLocations(models, program);
    applied.push({ programId: p._id, version: s.version });
  }
  return applied;
}
