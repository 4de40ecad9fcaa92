import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One write made through the admin API: who (the key's fingerprint, never the key), what
 * (`action`, e.g. `program.version.publish`), on what (`target`, e.g. `demo/2026.12.0`), when,
 * and the request id that ties it to the HTTP log line. Append-only: the code inserts and never
 * updates or deletes (no route and no service does).
 */
export const auditEntrySchema = new Schema({
  keyId: { type: String, required: true },
  action: { type: String, required: true },
  programId: { type: String, default: null },
  target: { type: String, required: true },
  requestId: { type: String, required: true },
  /** Small, non-PII facts about the change (versions, counts), for reading the log later. */
  details: { type: Schema.Types.Mixed, default: undefined },
  at: { type: Date, required: true },
}, { collection: 'auditLog', versionKey: false, strict: 'throw' });

auditEntrySchema.index({ programId: 1, at: 1 });

export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema>;
