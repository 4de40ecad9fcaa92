/**
 * Points withheld from a SUSPENDED member (program policy `suspendedEarning: WITHHOLD`) are posted
 * when the member is reinstated: the ops API calls `releaseWithheldAccruals` after it lifts the
 * suspension. Each WITHHELD accrual is moved to PENDING by a guarded single-document update
 * (so two releases never post one check twice; the ledger's `accrual:<id>` sourceKey guards
 * too) with the member's status at release, then posted; one whose posting fails here stays
 * PENDING and the accrual sweeper posts it. A REVERSE of a withheld check simply cancels it.
 */
import type { Types } from 'mongoose';
import { enqueueAccrual, postAccrual, type AccrualDeps } from './accrual.js';

export interface ReleaseWithheldInput {
  programId: string;
  memberId: Types.ObjectId | string;
  now: Date;
}

export interface ReleaseWithheldResult {
  /** Accruals moved from WITHHELD to PENDING by this call. */
  released: number;
  /** Of those, posted before this call returned (the rest are left to the worker and sweeper). */
  posted: number;
}

/** Releases every WITHHELD accrual of a member who is no longer SUSPENDED; a no-op otherwise. */
export async function releaseWithheldAccruals(deps: AccrualDeps, input: ReleaseWithheldInput): Promise<ReleaseWithheldResult> {
  const member = await deps.models.Member.findOne({ _id: input.memberId, programId: input.programId }, { status: 1 }).lean();
  if (!member || member.status === 'SUSPENDED') return { released: 0, posted: 0 };
  const withheld = await deps.models.Accrual.find({ programId: input.programId, memberId: member._id, state: 'WITHHELD' }, { _id: 1 }).lean();
  let released = 0;
  let posted = 0;
  for (const { _id } of withheld) {
    // The snapshot taken at ACCEPT said SUSPENDED (which earns nothing); points follow the status now.
    const moved = await deps.models.Accrual.updateOne(
      { _id, state: 'WITHHELD' },
      { $set: { state: 'PENDING', 'memberSnapshot.status': member.status, releasedAt: input.now } },
    );
    if (moved.modifiedCount !== 1) continue;
    released += 1;
    try {
      if (await postAccrual(deps, _id.toHexString(), input.now) === 'POSTED') posted += 1;
    } catch (err) {
      deps.logger.warn({ accrualId: _id.toHexString(), err: (err as Error).message }, 'withheld accrual released; posting left to the worker');
      await enqueueAccrual(deps, _id.toHexString());
    }
  }
  return { released, posted };
}
