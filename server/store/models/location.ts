import { Schema, type InferSchemaType } from 'mongoose';

/** A Toast restaurant on the allow-list; `_id` is its Toast restaurant GUID. */
export const locationSchema = new Schema({
  _id: { type: String, required: true },
  programId: { type: String, required: true, index: true },
  name: { type: String, required: true },
  timezone: { type: String, required: true },
  tags: { type: [String], default: [] },
}, { collection: 'locations', versionKey: false, strict: 'throw' });

export type LocationDoc = InferSchemaType<typeof locationSchema>;
