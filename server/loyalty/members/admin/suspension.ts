/**
 * Suspending and reinstating a member. A suspended member is refused at the register
 * (ACCOUNT_INVALID) and in searches; reinstating restores the status it had before. Each step
 * is one guarded update, so of two concurrent suspends exactly one succeeds.
 */
import type { Models } from '../../../store/models/index.js';
import type { MemberRecord } from '../members.js';

export type SuspensionOutcome =
  | { status: 'DONE'; member: MemberRecord }
  | { status: 'ALREADY_SUSPENDED' }
  | { status: 'NOT_SUSPENDED' }
  /** An erased member stays suspended for good (it is a tombstone). */
  | { status: 'ERASED' };

export async function suspendMember(models: Models, member: MemberRecord): Promise<SuspensionOutcome> {
  if (member.status === 'SUSPENDED') return { status: 'ALREADY_SUSPENDED' };
  const updated = await models.Member.findOneAndUpdate(
    { _id: member._id, status: member.status },
    { $set: { status: 'SUSPENDED', statusBeforeSuspension: member.status } },
    { returnDocument: 'after' },
  ).lean<MemberRecord>();
  return updated ? { status: 'DONE', member: updated } : { status: 'ALREADY_SUSPENDED' };
}

export async function reinstateMember(models: Models, member: MemberRecord): Promise<SuspensionOutcome> {
  if (member.erasedAt) return { status: 'ERASED' };
  if (member.status !== 'SUSPENDED') return { status: 'NOT_SUSPENDED' };
  const updated = await models.Member.findOneAndUpdate(
    { _id: member._id, status: 'SUSPENDED', erasedAt: null },
    { $set: { status: member.statusBeforeSuspension ?? 'REGISTERED', statusBeforeSuspension: null } },
    { returnDocument: 'after' },
  ).lean<MemberRecord>();
  return updated ? { status: 'DONE', member: updated } : { status: 'NOT_SUSPENDED' };
}
