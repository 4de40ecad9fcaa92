/**
 * Correcting a member's name, email or phone (admin PATCH). A phone or email stays unique per
 * program through the members service's key claiming: the new key is claimed before the member
 * changes (a taken one refuses the change), the member is updated guarded on the values it was
 * read with, and only then is the old key released. A crash in between leaves at worst an extra
 * key owned by this member, never two members on one phone.
 */
import type { Models } from '../../../store/models/index.js';
import { LoyaltyError } from '../../errors.js';
import { claimKeys, keyId, normalizeEmail, normalizePhone, type MemberRecord } from '../members.js';

/** Fields to set; null clears email or phone (names too). Absent fields are left alone. */
export interface ContactChange {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
}

export type ContactOutcome =
  | { status: 'UPDATED'; member: MemberRecord }
  | { status: 'INVALID_PHONE' }
  | { status: 'TAKEN'; field: 'phone' | 'email' }
  | { status: 'CONCURRENT_CHANGE' }
  | { status: 'ERASED' };

type KeyField = 'phone' | 'email';

/** The normalised phone/email values that change, or INVALID_PHONE. */
function keyChanges(member: MemberRecord, change: ContactChange): Map<KeyField, string | null> | 'INVALID_PHONE' {
  const next = new Map<KeyField, string | null>();
  if (change.phone !== undefined) {
    const phone = change.phone === null ? null : normalizePhone(change.phone);
    if (change.phone !== null && phone === null) return 'INVALID_PHONE';
    if (phone !== (member.phone ?? null)) next.set('phone', phone);
  }
  if (change.email !== undefined) {
    const email = change.email === null ? null : normalizeEmail(change.email);
    if (email !== (member.email ?? null)) next.set('email', email);
  }
  return next;
}

async function release(models: Models, member: MemberRecord, keys: [KeyField, string][]): Promise<void> {
  const ids = keys.map(([kind, value]) => keyId(models, member.programId, kind, value));
  if (ids.length) await models.MemberKey.deleteMany({ _id: { $in: ids }, memberId: member._id });
}

function nameFields(change: ContactChange): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  for (const field of ['firstName', 'lastName'] as const) {
    const value = change[field];
    if (value === undefined) continue;
    set[field] = value;
    set[`${field}Lower`] = value === null ? null : value.toLowerCase();
  }
  return set;
}

export async function updateContact(models: Models, member: MemberRecord, change: ContactChange, now: Date): Promise<ContactOutcome> {
  if (member.erasedAt) return { status: 'ERASED' };
  const keys = keyChanges(member, change);
  if (keys === 'INVALID_PHONE') return { status: 'INVALID_PHONE' };
  const claimed: [KeyField, string][] = [];
  for (const [field, value] of keys) {
    if (value === null) continue;
    try {
      await claimKeys(models, member.programId, member._id, [[field, value]], now);
    } catch (err) {
      await release(models, member, claimed);
      if (err instanceof LoyaltyError && err.code === 'ALREADY_REGISTERED') return { status: 'TAKEN', field };
      throw err;
    }
    claimed.push([field, value]);
  }
  const updated = await models.Member.findOneAndUpdate(
    // Never on an erased tombstone: its guest data must not come back.
    { _id: member._id, phone: member.phone ?? null, email: member.email ?? null, erasedAt: null },
    { $set: { ...nameFields(change), ...Object.fromEntries(keys) } },
    { returnDocument: 'after' },
  ).lean<MemberRecord>();
  if (!updated) {
    await release(models, member, claimed);
    return { status: 'CONCURRENT_CHANGE' };
  }
  const replaced = [...keys.keys()].flatMap((field): [KeyField, string][] => (member[field] ? [[field, member[field] as string]] : []));
  await release(models, member, replaced);
  return { status: 'UPDATED', member: updated };
}
