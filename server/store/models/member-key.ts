import { createHmac } from 'node:crypto';
import { Schema, type InferSchemaType } from 'mongoose';
import { configSchema } from '../../../config/schema.js';

export type MemberKeyKind = 'phone' | 'email' | 'card';

/**
 * Uniqueness claims on a member's contact and card identifiers within a program:
 * `_id` = `memberKeyId(secret, programId, kind, value)`, a keyed hash of the normalised value, so
 * the collection holds no phone, email or card number in the clear (and cannot be matched
 * against a list of phone numbers without the secret). Claiming is one insert (duplicate `_id`
 * → 11000 → the phone, email or card is taken), releasing is one delete. SIGNUP claims the key
 * before creating the member; TRANSFER claims the new card before releasing the old one.
 */
export const memberKeySchema = new Schema({
  _id: { type: String, required: true },
  programId: { type: String, required: true },
  kind: { type: String, enum: ['phone', 'email', 'card'], required: true },
  memberId: { type: Schema.Types.ObjectId, required: true, index: true },
  createdAt: { type: Date, required: true },
}, { collection: 'memberKeys', versionKey: false, strict: 'throw' });

/**
 * `programId|kind|HMAC-SHA256(secret, programId|kind|value)` (base64url). Program and kind stay
 * readable for operators; the value does not.
 */
export function memberKeyId(secret: string, programId: string, kind: MemberKeyKind, value: string): string {
  const mac = createHmac('sha256', secret).update(`${programId}|${kind}|${value}`).digest('base64url');
  return `${programId}|${kind}|${mac}`;
}

/** The development secret: what a store bound to no configured secret uses (tests, benches). */
export const DEVELOPMENT_MEMBER_KEY_SECRET: string = configSchema.properties.MEMBER_KEY_SECRET.default;

const secrets = new WeakMap<object, string>();

/** Binds the configured secret to a connection's MemberKey model (registerModels does this). */
export function bindMemberKeySecret(memberKeyModel: object, secret: string): void {
  secrets.set(memberKeyModel, secret);
}

/** The secret bound to this connection's MemberKey model. */
export function memberKeySecretOf(memberKeyModel: object): string {
  return secrets.get(memberKeyModel) ?? DEVELOPMENT_MEMBER_KEY_SECRET;
}

export type MemberKeyDoc = InferSchemaType<typeof memberKeySchema>;
