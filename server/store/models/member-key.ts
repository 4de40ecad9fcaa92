import { Schema, type InferSchemaType } from 'mongoose';

export type MemberKeyKind = 'phone' | 'email' | 'card';

/**
 * Uniqueness claims on a member's contact and card identifiers within a program:
 * `_id` = `memberKeyId(programId, kind, value)`. Claiming is one insert (duplicate `_id` →
 * 11000 → the phone, email or card is taken), releasing is one delete. SIGNUP claims the key
 * before creating the member; TRANSFER claims the new card before releasing the old one.
 */
export const memberKeySchema = new Schema({
  _id: { type: String, required: true },
  programId: { type: String, required: true },
  kind: { type: String, enum: ['phone', 'email', 'card'], required: true },
  memberId: { type: Schema.Types.ObjectId, required: true, index: true },
  createdAt: { type: Date, required: true },
}, { collection: 'memberKeys', versionKey: false, strict: 'throw' });

export function memberKeyId(programId: string, kind: MemberKeyKind, value: string): string {
  return `${programId}|${kind}|${value}`;
}

export type MemberKeyDoc = InferSchemaType<typeof memberKeySchema>;
