/**
 * Members as a program manager sees them (admin API): found by loyalty identifier, or looked up
 * by phone / email through their keyed lookup keys (never a scan, never a plaintext index).
 * Suspended members are included: the operator needs to find them to reinstate them.
 */
import type { Models } from '../../../store/models/index.js';
import { readBalance } from '../../ledger/ledger.js';
import { memberByKey, normalizeEmail, normalizePhone, resolveMember, type MemberRecord } from '../members.js';

/** The profile the admin API answers with. */
export interface MemberView {
  identifier: string;
  status: 'STARTER' | 'REGISTERED' | 'SUSPENDED';
  tier: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  cardCount: number;
  pointsBalance: number;
  lifetimePoints: number;
  visits: number;
  createdAt: string;
  lastActivityAt: string | null;
  /** When the guest's data was erased (the record is a tombstone); null otherwise. */
  erasedAt: string | null;
}

/** The member with exactly this loyalty identifier in the program (no card or phone reading). */
export function findByIdentifier(models: Models, programId: string, identifier: string): Promise<MemberRecord | null> {
  return models.Member.findOne({ programId, loyaltyIdentifier: identifier }).lean<MemberRecord>();
}

export function memberView(m: MemberRecord, balance?: { balance: number; lifetime: number }): MemberView {
  return {
    identifier: m.loyaltyIdentifier,
    status: m.status,
    tier: m.tier ?? null,
    firstName: m.firstName ?? null,
    lastName: m.lastName ?? null,
    email: m.email ?? null,
    phone: m.phone ?? null,
    cardCount: m.cardNumbers.length,
    pointsBalance: balance?.balance ?? m.pointsBalance,
    lifetimePoints: balance?.lifetime ?? m.lifetimePoints,
    visits: m.visits,
    createdAt: m.createdAt.toISOString(),
    lastActivityAt: m.lastActivityAt ? m.lastActivityAt.toISOString() : null,
    erasedAt: m.erasedAt ? m.erasedAt.toISOString() : null,
  };
}

/** The profile with its balance read from the ledger head (authoritative, repairs a lagging projection). */
export async function memberProfile(models: Models, member: MemberRecord): Promise<MemberView> {
  const head = await readBalance(models, member._id);
  return memberView(member, head);
}

export type LookupCriterion = { phone: string } | { email: string } | { identifier: string };

export type LookupOutcome = { status: 'FOUND'; members: MemberView[] } | { status: 'INVALID_PHONE' };

/**
 * The member (at most one) a phone, email or identifier names. `identifier` also reads linked
 * card numbers, as the register does.
 */
export async function lookupMembers(models: Models, programId: string, criterion: LookupCriterion): Promise<LookupOutcome> {
  let member: MemberRecord | null;
  if ('phone' in criterion) {
    const phone = normalizePhone(criterion.phone);
    if (phone === null) return { status: 'INVALID_PHONE' };
    member = await memberByKey(models, programId, 'phone', phone);
  } else if ('email' in criterion) {
    member = await memberByKey(models, programId, 'email', normalizeEmail(criterion.email));
  } else {
    member = await resolveMember(models, programId, criterion.identifier);
  }
  return { status: 'FOUND', members: member ? [memberView(member)] : [] };
}
