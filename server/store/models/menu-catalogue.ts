import { Schema, type InferSchemaType } from 'mongoose';

/**
 * The pointer to a restaurant's active menu version (`_id` = Toast restaurant GUID). An import
 * writes the new version's `menuEntries` first and then moves this pointer with one guarded
 * update (`versionId` still the one it read), so readers see the old catalogue or the new one,
 * never a mix, without transactions.
 */
export const menuCatalogueSchema = new Schema({
  _id: { type: String, required: true },
  /** menuEntries.versionId of the active version. */
  versionId: { type: String, required: true },
  /** The version this one replaced, kept readable until the next switch. */
  previousVersionId: { type: String, default: null },
  /** Hash of the version's entities: an identical re-import changes nothing but `lastUpdated`. */
  contentHash: { type: String, required: true },
  /** Toast's publication timestamp of the menu data, as Toast wrote it. */
  lastUpdated: { type: String, required: true },
  /** Where the version came from: `toast`, `file:<name>`, `boot:<file>`. */
  source: { type: String, required: true },
  entities: { type: Number, required: true },
  importedAt: { type: Date, required: true },
}, { collection: 'menuCatalogues', versionKey: false, strict: 'throw' });

export type MenuCatalogueDoc = InferSchemaType<typeof menuCatalogueSchema>;
