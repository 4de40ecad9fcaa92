/**
 * Erasing a guest (a privacy request): every piece of personal data of one member goes —
 * phone, email, names and card numbers from the member record, its lookup keys, stored Toast
 * answers that name it, contact data inside its accruals' checks — while the ledger keeps its
 * amounts and ids, so balances, reports and `ledger:verify` stay whole.
 *
 * The member record stays as a tombstone (SUSPENDED, identifier `erased-<memberId>`, no
 * contact data): the ledger and accruals point at its id. Every step is idempotent and the
 * member record is scrubbed last, so an erase interrupted by a crash is finished by running it
 * again (with the original identifier, or the tombstone's).
 */
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';
import { memberKeySecretOf } from '../../store/models/member-key.js';
import { identifierKey } from '../idempotency/idempotency.js';
import { resolveMember, type MemberRecord } from './members.js';

export type EraseOutcome =
  | { status: 'ERASED'; memberId: string; removed: { lookupKeys: number; storedAnswers: number; scrubbedAnswers: number; scrubbedAccruals: number } }
  | { status: 'NOT_FOUND' };

/** Stored answers of requests without effects: deleted outright (a duplicate recomputes). */
const READ_ONLY_TYPES = ['LOYALTY_INQUIRE', 'LOYALTY_SEARCH'];

/** Members of a stored Toast check that are guest data whatever their value. */
const CHECK_GUEST_FIELDS = new Set(['customer', 'tabName', 'firstName', 'lastName', 'phone', 'email', 'last4Digits', 'cardHolderName']);

export function tombstoneIdentifier(memberId: Types.ObjectId | string): string {
  return `erased-${String(memberId)}`;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The guest's values that may appear anywhere: identifiers, cards, contact data. */
function guestValues(member: MemberRecord): string[] {
  const values = [member.loyaltyIdentifier, ...member.cardNumbers, member.phone, member.email, member.firstName, member.lastName];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '' && v !== tombstoneIdentifier(member._id)))];
}

/** Stored answers: read-only ones naming the guest deleted, the others' bodies rewritten. */
async function scrubStoredAnswers(models: Models, programId: string, member: MemberRecord, tombstone: string): Promise<{ deleted: number; rewritten: number }> {
  const secret = memberKeySecretOf(models.MemberKey);
  const keyed = guestValues(member).map((v) => identifierKey(secret, v));
  let deleted = (await models.ToastTransaction.deleteMany({ programId, type: { $in: READ_ONLY_TYPES }, loyaltyIdentifier: { $in: keyed } })).deletedCount;
  let rewritten = 0;
  for (const value of [member.loyaltyIdentifier, ...member.cardNumbers]) {
    const quoted = JSON.stringify(value);
    // A scan of the program's stored answers: erasure is rare, and an answer names its accounts only in its body.
    const docs = await models.ToastTransaction.find({ programId, responseBody: { $regex: escapeRegex(quoted) } }, { type: 1, responseBody: 1 }).lean();
    for (const doc of docs) {
      if (READ_ONLY_TYPES.includes(doc.type)) {
        deleted += (await models.ToastTransaction.deleteOne({ _id: doc._id })).deletedCount;
        continue;
      }
      const body = (doc.responseBody ?? '').split(quoted).join(JSON.stringify(tombstone));
      rewritten += (await models.ToastTransaction.updateOne({ _id: doc._id, responseBody: doc.responseBody }, { $set: { responseBody: body } })).modifiedCount;
    }
  }
  return { deleted, rewritten };
}

/** A copy of a stored check without guest fields and with every guest value blanked. */
function scrubCheck(node: unknown, values: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((v) => scrubCheck(v, values));
  if (typeof node === 'string') return values.has(node) ? null : node;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (!CHECK_GUEST_FIELDS.has(k)) out[k] = scrubCheck(v, values);
  }
  return out;
}

async function scrubAccruals(models: Models, member: MemberRecord): Promise<number> {
  const values = new Set(guestValues(member));
  let scrubbed = 0;
  for (const acc of await models.Accrual.find({ memberId: member._id }, { check: 1 }).lean()) {
    const check = scrubCheck(acc.check, values);
    if (JSON.stringify(check) === JSON.stringify(acc.check)) continue;
    scrubbed += (await models.Accrual.updateOne({ _id: acc._id }, { $set: { check } })).modifiedCount;
  }
  return scrubbed;
}

/**
 * Erases the member `loyaltyIdentifier` names in `programId` (identifier, card or phone, as at
 * the register). NOT_FOUND when nobody matches. Safe to repeat.
 */
export async function eraseMember(models: Models, programId: string, loyaltyIdentifier: string, now: Date): Promise<EraseOutcome> {
  const member = await resolveMember(models, programId, loyaltyIdentifier);
  if (!member) return { status: 'NOT_FOUND' };
  const tombstone = tombstoneIdentifier(member._id);
  const answers = await scrubStoredAnswers(models, programId, member, tombstone);
  const scrubbedAccruals = await scrubAccruals(models, member);
  const lookupKeys = (await models.MemberKey.deleteMany({ memberId: member._id })).deletedCount;
  await models.Member.updateOne({ _id: member._id }, {
    $set: {
      loyaltyIdentifier: tombstone, phone: null, email: null, firstName: null, lastName: null, firstNameLower: null, lastNameLower: null,
      cardNumbers: [], status: 'SUSPENDED', erasedAt: member.erasedAt ?? now,
    },
  });
  return {
    status: 'ERASED', memberId: String(member._id),
    removed: { lookupKeys, storedAnswers: answers.deleted, scrubbedAnswers: answers.rewritten, scrubbedAccruals },
  };
}
