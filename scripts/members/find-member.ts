/**
 * The member an operator names on the command line: what the register knows (loyalty
 * identifier, card or phone — resolved as at the register, server/loyalty/members/members.ts), in the
 * program given, or in the one program where it names a member (several → ask for --program).
 * The member id `ledger:verify` prints is accepted too, so a reported member can be repaired.
 */
import { Types } from 'mongoose';
import { resolveMember, type MemberRecord } from '../../server/loyalty/members/members.js';
import type { Models } from '../../server/store/models/index.js';

export type FoundMember =
  | { status: 'FOUND'; programId: string; member: MemberRecord }
  | { status: 'NOT_FOUND' }
  | { status: 'AMBIGUOUS'; programIds: string[] };

/** Every published program, and any other program with a member of this exact identifier. */
async function programsToSearch(models: Models, identifier: string): Promise<string[]> {
  const published = (await models.Program.find({}, { _id: 1 }).lean()).map((p) => String(p._id));
  const owners = (await models.Member.find({ loyaltyIdentifier: identifier }, { programId: 1 }).lean()).map((m) => m.programId);
  return [...new Set([...published, ...owners])];
}

export async function findMember(models: Models, identifier: string, programId?: string): Promise<FoundMember> {
  if (/^[0-9a-f]{24}$/i.test(identifier)) {
    const byId = await models.Member.findOne({ _id: new Types.ObjectId(identifier), ...(programId ? { programId } : {}) }).lean<MemberRecord>();
    if (byId) return { status: 'FOUND', programId: byId.programId, member: byId };
  }
  const programIds = programId ? [programId] : await programsToSearch(models, identifier);
  const found: { programId: string; member: MemberRecord }[] = [];
  for (const id of programIds) {
    const member = await resolveMember(models, id, identifier);
    if (member) found.push({ programId: id, member });
  }
  if (found.length > 1) return { status: 'AMBIGUOUS', programIds: found.map((f) => f.programId) };
  return found[0] ? { status: 'FOUND', ...found[0] } : { status: 'NOT_FOUND' };
}

/** What an operator is told when `findMember` found no single member; the exit code to use. */
export function reportNotFound(found: Exclude<FoundMember, { status: 'FOUND' }>, programId?: string): number {
  if (found.status === 'AMBIGUOUS') {
    console.error(`the identifier names members in several programs (${found.programIds.join(', ')}); pass --program`);
    return 2;
  }
  console.error(`no member matches that identifier${programId ? ` in program ${programId}` : ''} (a loyalty identifier, card, phone, or the member id ledger:verify prints)`);
  return 1;
}

/** The `--program` option every member and ledger command takes. */
export const PROGRAM_OPTION = { flags: '--program <programId>', description: 'the program (default: the one program where the identifier names a member)' };
