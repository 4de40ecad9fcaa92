import { Schema, type InferSchemaType } from 'mongoose';

/** A brand's loyalty program; `_id` is the rule file's program id. */
export const programSchema = new Schema({
  _id: { type: String, required: true },
  name: { type: String, required: true },
  /** Content hash of the active published rule-set version. */
  activeHash: { type: String, required: true },
  activeVersion: { type: String, required: true },
  updatedAt: { type: Date, required: true },
}, { collection: 'programs', versionKey: false, strict: 'throw' });

export type ProgramDoc = InferSchemaType<typeof programSchema>;
