import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One menu entity (item, modifier option, group, sales category, modifier group, menu) of one
 * catalogue version (`_id` = `versionId:kind:guid`). Written before the version becomes active,
 * never updated; a version's entries are deleted once the pointer has moved two versions past
 * them (see server/menus/catalogue-store.ts).
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
