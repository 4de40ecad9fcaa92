import { HttpError } from '../../../http/errors.js';
import type { AppDeps } from '../../../http/deps.js';
import { findByIdentifier } from '../../../loyalty/members/admin/member-view.js';
import type { MemberRecord } from '../../../loyalty/members/members.js';

/** Path parameters of every member route. */
export interface MemberParams {
  programId: string;
  identifier: string;
}

/** The member the path names, or a 404 (the program scope was checked before). */
export async function memberOf(deps: AppDeps, params: MemberParams): Promise<MemberRecord> {
  const member = await findByIdentifier(deps.models, params.programId, params.identifier);
  if (!member) throw new HttpError(404, 'UNKNOWN_MEMBER', `program ${params.programId} has no member with this identifier`);
  return member;
}
