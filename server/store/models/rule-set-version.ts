import { Schema, type InferSchemaType } from 'mongoose';

/**
 * An immutable published rule file. Ledger entries name the version that produced them, so a
 * version label names one content per program (unique): a changed file needs a new `version`.
 * Never updated: publishing a changed file inserts a new document.
 */
export const ruleSetVersionSchema = new Schema({
  programId: { type: String, required: true },
  version: { type: String, required: true },
  contentHash: { type: String, required: true },
  body: { type: Schema.Types.Mixed, required: true },
  publishedAt: { type: Date, required: true },
  publishedBy: { type: String, required: true },
}, { collection: 'ruleSetVersions', versionKey: false, strict: 'throw', minimize: false });
ruleSetVersionSchema.index({ programId: 1, contentHash: 1 }, { unique: true });
ruleSetVersionSchema.index({ programId: 1, version: 1 }, { unique: true });

export type RuleSetVersionDoc = InferSchemaType<typeof ruleSetVersionSchema>;
