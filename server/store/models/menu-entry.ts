import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One menu entity (item, modifier option, group, sales category, modifier group, menu) of one
 * catalogue version. Written before the version becomes active; `_id` = `versionId:kind:guid`,
 * so a repeated write of the same version is a harmless duplicate. Never updated; a replaced
 * version's entries are deleted after the pointer moved past them.
 */
export const menuEntrySchema = new Schema({
  _id: { type: String, required: true },
  versionId: { type: String, required: true },
  restaurantGuid: { type: String, required: true },
  kind: { type: String, required: true, enum: ['MENU', 'GROUP', 'ITEM', 'MODIFIER', 'MODIFIER_GROUP', 'SALES_CATEGORY'] },
  guid: { type: String, required: true },
  name: { type: String, required: true },
  priceCents: { type: Number, default: null },
  groupGuids: { type: [String], default: undefined },
  salesCategoryGuid: { type: String, default: null },
  writtenAt: { type: Date, required: true },
}, { collection: 'menuEntries', versionKey: false, strict: 'throw' });

menuEntrySchema.index({ versionId: 1, guid: 1 });
menuEntrySchema.index({ restaurantGuid: 1, writtenAt: 1 });

export type MenuEntryDoc = InferSchemaType<typeof menuEntrySchema>;
