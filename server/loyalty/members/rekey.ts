/**
 * Rebuilds members' lookup keys (`memberKeys`) from the member records under the configured
 * MEMBER_KEY_SECRET: for data written before lookup keys were keyed hashes (commit 4e559af; until
 * then a key was `demo|phone|6175550123`, the phone in the clear, and such members cannot be found
 * by phone, email or card any more), and after the secret was changed.
 *
 * Per member: every key its phone, email and cards need is claimed (one insert each; a key held
 * by another member is a CONFLICT, reported and left alone for a person), then the member's
 * other keys — the old plain or old-secret ones — are deleted. Keys whose member no longer
 * exists are deleted too. Guarantees: idempotent (a second run adds and removes nothing);
 * safe beside a running service — a key younger than {@link SETTLE_MS} is never deleted (a
 * sign-up or contact change in flight claims its key before writing the member), and a member
 * changed during its step is done again from a fresh read.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';
import type { MemberKeyKind } from '../../store/models/member-key.js';
import { keyId, type MemberRecord } from './members.js';

/** Keys younger than this may belong to a write in flight (members.ts ORPHAN_AFTER_MS): left for the next run. */
export const SETTLE_MS = 60_000;

export interface RekeyConflict {
  memberId: string;
  kind: MemberKeyKind;
  /** The member that holds the key (ids only: no guest value is reported). */
  heldBy: string;
}

export interface RekeyReport {
  members: number;
  /** Keys claimed under the current secret. */
  added: number;
  /** Keys of existing members that no longer match (old format, old secret, or a value since changed). */
  removed: number;
  /** Keys whose member does not exist. */
  orphansRemoved: number;
  conflicts: RekeyConflict[];
}

type MemberKeys = Pick<MemberRecord, '_id' | 'programId' | 'phone' | 'email' | 'cardNumbers'>;

function wantedKeys(models: Models, m: MemberKeys): Map<string, MemberKeyKind> {
  const wanted = new Map<string, MemberKeyKind>();
  if (m.phone) wanted.set(keyId(models, m.programId, 'phone', m.phone), 'phone');
  if (m.email) wanted.set(keyId(models, m.programId, 'email', m.email), 'email');
  for (const card of m.cardNumbers ?? []) wanted.set(keyId(models, m.programId, 'card', card), 'card');
  return wanted;
}

const sameKeys = (a: MemberKeys, b: MemberKeys): boolean =>
  a.phone === b.phone && a.email === b.email && JSON.stringify(a.cardNumbers ?? []) === JSON.stringify(b.cardNumbers ?? []);

const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000;

/** Claims the wanted keys of one member; returns how many were added and the conflicts. */
async function claimWanted(models: Models, m: MemberKeys, wanted: Map<string, MemberKeyKind>, now: Date): Promise<{ added: number; conflicts: RekeyConflict[] }> {
  let added = 0;
  const conflicts: RekeyConflict[] = [];
  for (const [id, kind] of wanted) {
    try {
      await models.MemberKey.create({ _id: id, programId: m.programId, kind, memberId: m._id, createdAt: now });
      added++;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const holder = await models.MemberKey.findById(id, { memberId: 1 }).lean();
      if (holder && !holder.memberId.equals(m._id)) conflicts.push({ memberId: String(m._id), kind, heldBy: String(holder.memberId) });
    }
  }
  return { added, conflicts };
}

/** One member's keys made current; redone from a fresh read when the member changed meanwhile. */
async function rekeyMember(models: Models, first: MemberKeys, now: Date): Promise<Omit<RekeyReport, 'members' | 'orphansRemoved'>> {
  let member: MemberKeys | null = first;
  const total = { added: 0, removed: 0, conflicts: [] as RekeyConflict[] };
  for (let attempt = 0; member && attempt < 3; attempt++) {
    const wanted = wantedKeys(models, member);
    const claimed = await claimWanted(models, member, wanted, now);
    total.added += claimed.added;
    const fresh: MemberKeys | null = await models.Member.findById(member._id, { programId: 1, phone: 1, email: 1, cardNumbers: 1 }).lean<MemberKeys>();
    if (fresh && !sameKeys(fresh, member)) {
      // Changed while we claimed: drop what we claimed for the old values, start again.
      await models.MemberKey.deleteMany({ _id: { $in: [...wanted.keys()].filter((id) => !wantedKeys(models, fresh).has(id)) }, memberId: member._id, createdAt: now });
      member = fresh;
      continue;
    }
    const settled = new Date(now.getTime() - SETTLE_MS);
    total.removed += (await models.MemberKey.deleteMany({ memberId: member._id, _id: { $nin: [...wanted.keys()] }, createdAt: { $lt: settled } })).deletedCount;
    total.conflicts = claimed.conflicts;
    break;
  }
  return total;
}

/** Deletes settled keys of `programIds`' members that no longer exist. */
async function removeOrphans(models: Models, seen: Set<string>, filter: { programId?: string }, now: Date): Promise<number> {
  let removed = 0;
  const settled = new Date(now.getTime() - SETTLE_MS);
  for await (const key of models.MemberKey.find({ ...filter, createdAt: { $lt: settled } }, { memberId: 1 }).lean().cursor()) {
    const memberId = key.memberId as Types.ObjectId;
    if (seen.has(String(memberId)) || await models.Member.exists({ _id: memberId })) continue;
    removed += (await models.MemberKey.deleteOne({ _id: key._id, memberId })).deletedCount;
  }
  return removed;
}

/** Rebuilds the lookup keys of every member (of `programId` when given). */
export async function rekeyMembers(models: Models, options: { programId?: string; now: Date; onConflict?: (c: RekeyConflict) => void }): Promise<RekeyReport> {
  const filter = options.programId ? { programId: options.programId } : {};
  const report: RekeyReport = { members: 0, added: 0, removed: 0, orphansRemoved: 0, conflicts: [] };
  const seen = new Set<string>();
  const cursor = models.Member.find(filter, { programId: 1, phone: 1, email: 1, cardNumbers: 1 }).lean<MemberKeys[]>().cursor();
  for await (const member of cursor as AsyncIterable<MemberKeys>) {
    report.members++;
    seen.add(String(member._id));
    const done = await rekeyMember(models, member, options.now);
    report.added += done.added;
    report.removed += done.removed;
    for (const c of done.conflicts) options.onConflict?.(c);
    report.conflicts.push(...done.conflicts);
  }
  report.orphansRemoved = await removeOrphans(models, seen, filter, options.now);
  return report;
}
