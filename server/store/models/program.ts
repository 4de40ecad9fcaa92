import { Schema, type InferSchemaType } from 'mongoose';

/** One activation of a rule-set version, kept on the program (newest last, bounded). */
const activationSchema = new Schema({
  version: { type: String, required: true },
  contentHash: { type: String, required: true },
  /** When it became active. */
  at: { type: Date, required: true },
  /** Key fingerprint, `boot:<file>` or `schedule:<key fingerprint>`. */
  by: { type: String, required: true },
  how: { type: String, enum: ['BOOT', 'API', 'SCHEDULED'], required: true },
}, { _id: false, strict: 'throw' });

/** An activation waiting for its time; a worker applies it (guarded, so exactly once). */
const scheduledActivationSchema = new Schema({
  version: { type: String, required: true },
  contentHash: { type: String, required: true },
  at: { type: Date, required: true },
  by: { type: String, required: true },
  requestedAt: { type: Date, required: true },
}, { _id: false, strict: 'throw' });

/** Activations kept on the program document (older ones stay in the audit log). */
export const ACTIVATION_HISTORY_LIMIT = 100;

/** A brand's loyalty program; `_id` is the rule file's program id. */
export const programSchema = new Schema({
  _id: { type: String, required: true },
  name: { type: String, required: true },
  /** Content hash of the active published rule-set version. */
  activeHash: { type: String, required: true },
  activeVersion: { type: String, required: true },
  updatedAt: { type: Date, required: true },
  scheduled: { type: scheduledActivationSchema, default: null },
  activations: { type: [activationSchema], default: [] },
}, { collection: 'programs', versionKey: false, strict: 'throw' });
programSchema.index({ 'scheduled.at': 1 });

export type ProgramDoc = InferSchemaType<typeof programSchema>;
