/**
 * Members of a program, transport-agnostic: enrolment (SIGNUP, auto-enrol on a phone lookup),
 * resolution of what a cashier scanned or keyed, SEARCH and TRANSFER. Every query is scoped to
 * one program. Loyalty identifiers are random and opaque: never derived from a phone or email.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import type { MemberDoc } from '../../store/models/member.js';
import { memberKeyId, memberKeySecretOf, type MemberKeyKind } from '../../store/models/member-key.js';
import type { Models } from '../../store/models/index.js';
import { LoyaltyError } from '../errors.js';
import { emptyLotFields, withoutLotPages } from '../ledger/lot-projection.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { findOneInBatch, timeLimitOf } from '../../store/read-batch.js';

/** A member as read from the store. */
export type MemberRecord = MemberDoc & { _id: Types.ObjectId };

/** Most accounts one SEARCH returns (a cashier picks one from a list). */
const SEARCH_LIMIT = 25;

/** 10 digits after dropping punctuation and a leading US country code `1`; null if not a phone. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s().+-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return /^\d{10}$/.test(national) ? national : null;
}

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}


/** The lookup key of a normalised phone, email or card: a keyed hash, never the value itself. */
export function keyId(models: Models, programId: string, kind: MemberKeyKind, value: string): string {
  return memberKeyId(memberKeySecretOf(models.MemberKey), programId, kind, value);
}

/**
 * True for a value that resolution would read as a phone (what a phone QR code carries). Such a
 * value can never become a loyalty identifier or a card: it would shadow, or be shadowed by,
 * the phone of whoever signs up with it later (one namespace for everything a cashier keys).
 */
export function looksLikePhone(value: string): boolean {
  return normalizePhone(plainIdentifier(value)) !== null;
}

/** A fresh opaque identifier; the unique index makes a (vanishingly rare) clash an error, not a merge. */
export function newLoyaltyIdentifier(): string {
  return randomUUID();
}

export interface NewMember {
  phone?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  status: 'STARTER' | 'REGISTERED';
  tier?: string | null;
  cardNumbers?: string[];
  /** The SIGNUP transaction that creates this member (see the model's `signupGuid`). */
  signupGuid?: string | null;
}

/** Claims phone/email/card keys for `memberId`; on a clash releases what it took and throws. */
export async function claimKeys(models: Models, programId: string, memberId: Types.ObjectId, keys: [MemberKeyKind, string][], now: Date): Promise<void> {
  const taken: string[] = [];
  try {
    for (const [kind, value] of keys) {
      const id = keyId(models, programId, kind, value);
      await claimKey(models, { _id: id, programId, kind, memberId, createdAt: now });
      taken.push(id);
    }
  } catch (err) {
    await models.MemberKey.deleteMany({ _id: { $in: taken }, memberId });
    if (isDuplicateKey(err)) throw new LoyaltyError('ALREADY_REGISTERED', 'phone, email or card already registered');
    throw err;
  }
}

/**
 * A key younger than this whose member does not exist yet belongs to a sign-up still in flight
 * (claim, then create): only an older one can have been orphaned by a crash.
 */
const ORPHAN_AFTER_MS = 60_000;

/**
 * One key insert. A key whose member does not exist was orphaned by a crash between claiming
 * and creating the member: it is removed (guarded on its owner) and the claim retried once —
 * but only once it is older than ORPHAN_AFTER_MS, or a concurrent sign-up in flight would lose
 * its key and two members would share one phone.
 */
async function claimKey(models: Models, key: { _id: string; programId: string; kind: MemberKeyKind; memberId: Types.ObjectId; createdAt: Date }): Promise<void> {
  try {
    await models.MemberKey.create(key);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await models.MemberKey.findById(key._id).lean();
    if (!existing || key.createdAt.getTime() - existing.createdAt.getTime() < ORPHAN_AFTER_MS) throw err;
    if (await models.Member.exists({ _id: existing.memberId })) throw err;
    await models.MemberKey.deleteOne({ _id: key._id, memberId: existing.memberId });
    await models.MemberKey.create(key);
  }
}

/**
 * Inserts a member. Phone and email are normalised; a taken phone, email or card is
 * ALREADY_REGISTERED. Uniqueness is decided by one insert per key in `memberKeys`, so
 * concurrent sign-ups for the same phone cannot both win.
 */
export async function createMember(models: Models, programId: string, input: NewMember, now: Date): Promise<MemberRecord> {
  const phone = input.phone == null ? null : normalizePhone(input.phone);
  if (input.phone != null && phone === null) throw new LoyaltyError('INVALID_INPUT', 'phone must be 10 digits');
  const email = input.email == null ? null : normalizeEmail(input.email);
  const cards = input.cardNumbers ?? [];
  if (cards.some(looksLikePhone)) throw new LoyaltyError('INVALID_INPUT', 'a card number may not look like a phone number');
  const memberId = new mongoose.Types.ObjectId();
  const keys: [MemberKeyKind, string][] = [
    ...(phone ? [['phone', phone] as [MemberKeyKind, string]] : []),
    ...(email ? [['email', email] as [MemberKeyKind, string]] : []),
    ...cards.map((c) => ['card', c] as [MemberKeyKind, string]),
  ];
  await claimKeys(models, programId, memberId, keys, now);
  try {
    const created = await models.Member.create({
      _id: memberId, programId, loyaltyIdentifier: newLoyaltyIdentifier(), phone, email,
      firstName: input.firstName ?? null, lastName: input.lastName ?? null,
      firstNameLower: input.firstName?.toLowerCase() ?? null, lastNameLower: input.lastName?.toLowerCase() ?? null,
      status: input.status, tier: input.tier ?? null, cardNumbers: cards, signupGuid: input.signupGuid ?? null, createdAt: now,
      // A new member's projections start from its empty ledger: nothing to build later.
      ...emptyLotFields(), usageBuilt: true,
    });
    return created.toObject() as MemberRecord;
  } catch (err) {
    await models.MemberKey.deleteMany({ memberId });
    throw err;
  }
}

/** SIGNUP: exactly one of phone or email (the request schema enforces it; checked again here). */
export async function signUp(
  models: Models, programId: string, contact: { phone?: string | null; email?: string | null }, now: Date, transactionGuid: string | null = null,
): Promise<MemberRecord> {
  const hasPhone = contact.phone != null;
  const hasEmail = contact.email != null;
  if (hasPhone === hasEmail) throw new LoyaltyError('INVALID_INPUT', 'exactly one of phone or email is required');
  try {
    return await createMember(models, programId, { phone: contact.phone ?? null, email: contact.email ?? null, status: 'REGISTERED', signupGuid: transactionGuid }, now);
  } catch (err) {
    // A retry of a SIGNUP that committed but whose answer was never stored: the same account, ACCEPT again.
    if (!(err instanceof LoyaltyError) || err.code !== 'ALREADY_REGISTERED') throw err;
    const phone = contact.phone == null ? null : normalizePhone(contact.phone);
    const email = contact.email == null ? null : normalizeEmail(contact.email);
    const existing = phone ? await memberByKey(models, programId, 'phone', phone) : email ? await memberByKey(models, programId, 'email', email) : null;
    if (existing && transactionGuid !== null && existing.signupGuid === transactionGuid) return existing;
    throw err;
  }
}

/**
 * A keyed or scanned value in its plain form: Unicode NFKC (full-width digits and letters become
 * ASCII), dash-like characters as `-`, and every space, tab, line break or invisible character a
 * scanner, a QR payload or a cashier adds removed.
 */
export function plainIdentifier(raw: string): string {
  return raw.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/gu, '-').replace(/[\s\u200B-\u200D\u2060\uFEFF]/gu, '');
}


/** An identifier or a card as stored, looked up as sent, then in its plain form. */
/**
 * How a member is read: `leave` names the fields left out — by default the middle pages of its
 * PER_LOT lots, which grow with a regular guest's visits and which no request reads
 * (lot-projection.ts `withoutLotPages`; INQUIRE leaves out more, `withoutLotDetail`).
 */
export interface MemberRead {
  leave?: Readonly<Record<string, 0>>;
}

async function byIdentifierOrCard(models: Models, programId: string, value: string, read: MemberRead): Promise<MemberRecord | null> {
  // Every Toast request with an account reads this first: through the driver (what mongoose's
  // lean() returns, without its query building and casting), bounded like mongoose's queries,
  // with the other requests' lookups of this turn (read-batch.ts).
  const leave = read.leave ?? withoutLotPages;
  const options = { ...timeLimitOf(models.Member), projection: leave };
  const byIdentifier = await findOneInBatch<MemberRecord>(models.Member.collection, { programId }, 'loyaltyIdentifier', value, options);
  if (byIdentifier) return byIdentifier;
  const card = await models.MemberKey.findById(keyId(models, programId, 'card', value)).lean();
  return card ? models.Member.findOne({ _id: card.memberId, programId }, leave).lean<MemberRecord>() : null;
}

/**
 * The member a scanned or keyed value names: its loyalty identifier, a linked card number, or
 * (what a phone-based QR code carries, or a cashier types with dashes or spaces) a phone. The
 * value is tried as sent, then in its plain form ({@link plainIdentifier}); a phone is read from
 * the plain form like a sign-up phone. Null when none matches.
 */
export async function resolveMember(models: Models, programId: string, value: string, read: MemberRead = {}): Promise<MemberRecord | null> {
  const plain = plainIdentifier(value);
  for (const form of plain === value ? [value] : [value, plain]) {
    if (form === '') continue;
    const found = await byIdentifierOrCard(models, programId, form, read);
    if (found) return found;
  }
  const phone = normalizePhone(plain);
  return phone ? memberByKey(models, programId, 'phone', phone, read) : null;
}

/**
 * The member holding a phone or email key: the key by `_id` joined to its member by `_id`
 * (both indexed on every store; the dev server scans for a non-unique field such as `phone`),
 * in one round trip.
 */
export async function memberByKey(models: Models, programId: string, kind: 'phone' | 'email', value: string, read: MemberRead = {}): Promise<MemberRecord | null> {
  const leave = Object.fromEntries(Object.keys(read.leave ?? withoutLotPages).map((field) => [`member.${field}`, 0]));
  const [row] = await models.MemberKey.aggregate<{ member: MemberRecord[] }>([
    { $match: { _id: keyId(models, programId, kind, value) } },
    { $lookup: { from: models.Member.collection.collectionName, localField: 'memberId', foreignField: '_id', as: 'member' } },
    { $project: leave },
  ]);
  const member = row?.member[0];
  return member && member.programId === programId ? member : null;
}

/** Like {@link resolveMember}, but an unknown or suspended account is ACCOUNT_INVALID. */
export async function requireMember(models: Models, programId: string, value: string): Promise<MemberRecord> {
  const member = await resolveMember(models, programId, value);
  if (!member || member.status === 'SUSPENDED') throw new LoyaltyError('ACCOUNT_INVALID', 'account not found');
  return member;
}

export interface SearchCriteria {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
}

/**
 * SEARCH: members matching every given criterion. Names compare case-insensitively by equality
 * on stored lower-case copies (no regular expression is ever built from input). An unknown
 * well-formed phone auto-enrols a STARTER member when the program allows it.
 */
export async function searchMembers(
  models: Models, programId: string, criteria: SearchCriteria, options: { autoEnrol: boolean; now: Date },
): Promise<MemberRecord[]> {
  const filter: Record<string, unknown> = { programId };
  let phone: string | null = null;
  if (criteria.phone) {
    phone = normalizePhone(criteria.phone);
    if (phone === null) throw new LoyaltyError('INVALID_INPUT', 'phone must be 10 digits');
    filter.phone = phone;
  }
  if (criteria.email) filter.email = normalizeEmail(criteria.email);
  if (criteria.firstName) filter.firstNameLower = criteria.firstName.trim().toLowerCase();
  if (criteria.lastName) filter.lastNameLower = criteria.lastName.trim().toLowerCase();
  if (Object.keys(filter).length === 1) throw new LoyaltyError('INVALID_INPUT', 'no search criterion');
  const found = await findMembers(models, filter);
  const usable = found.filter((m) => m.status !== 'SUSPENDED');
  if (usable.length > 0 || found.length > 0 || !phone || !options.autoEnrol) return usable;
  return [await enrolStarter(models, programId, phone, options.now)];
}

/**
 * Members matching every criterion of `filter`. A phone or email names at most one member, found
 * through its key; the other criteria are then checked on that one document.
 */
async function findMembers(models: Models, filter: Record<string, unknown>): Promise<MemberRecord[]> {
  const programId = String(filter.programId);
  const exact = typeof filter.phone === 'string' ? (['phone', filter.phone] as const)
    : typeof filter.email === 'string' ? (['email', filter.email] as const) : null;
  if (!exact) return models.Member.find(filter).sort({ _id: 1 }).limit(SEARCH_LIMIT).lean<MemberRecord[]>();
  const member = await memberByKey(models, programId, exact[0], exact[1]);
  const record: Record<string, unknown> | null = member ? { ...member } : null;
  const matches = record !== null && Object.entries(filter).every(([field, value]) => record[field] === value);
  return matches ? [member!] : [];
}

/** Creates a STARTER for `phone`, or returns the member a concurrent lookup just created. */
export async function enrolStarter(models: Models, programId: string, phone: string, now: Date): Promise<MemberRecord> {
  try {
    return await createMember(models, programId, { phone, status: 'STARTER' }, now);
  } catch (err) {
    if (!(err instanceof LoyaltyError) || err.code !== 'ALREADY_REGISTERED') throw err;
    // The winner claimed the phone and is creating its member: wait for it (bounded).
    for (let attempt = 0; attempt < 20; attempt++) {
      const existing = await memberByKey(models, programId, 'phone', phone);
      if (existing) return existing;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw err;
  }
}

/**
 * TRANSFER (card replacement): the account `from` names moves to `to`, and `from` stops
 * answering. A linked card moves within `cardNumbers` (the new card's key is claimed before
 * the old one is released); otherwise the account identifier itself is replaced.
 * Unknown `from`, or a `to` that already names any account (as identifier, card or phone) or
 * that looks like a phone number → INVALID_TRANSFER. The move records `transactionGuid`, so a
 * re-run of the same TRANSFER after it committed answers `to` again.
 */
export async function transferMember(models: Models, programId: string, from: string, to: string, now: Date, transactionGuid: string): Promise<string> {
  if (from === to) throw new LoyaltyError('INVALID_TRANSFER', 'source and target are the same');
  // One namespace: a phone-shaped target would later be read as someone's phone, or shadow it.
  if (looksLikePhone(to)) throw new LoyaltyError('INVALID_TRANSFER', 'target looks like a phone number');
  const member = await resolveMember(models, programId, from);
  if (!member && await movedBy(models, programId, to, transactionGuid)) return to;
  if (!member || member.status === 'SUSPENDED') throw new LoyaltyError('INVALID_TRANSFER', 'unknown source account');
  if (await resolveMember(models, programId, to)) throw new LoyaltyError('INVALID_TRANSFER', 'target identifier in use');
  try {
    if (member.loyaltyIdentifier === from) await moveIdentifier(models, member, from, to, transactionGuid);
    else await moveCard(models, programId, member, from, to, now, transactionGuid);
  } catch (err) {
    if (isDuplicateKey(err)) throw new LoyaltyError('INVALID_TRANSFER', 'target identifier in use');
    throw err;
  }
  return to;
}

/**
 * True when this very TRANSFER already moved `from` to `to`: a re-run of a TRANSFER whose answer
 * was never stored (its claim taken over after the lease) must answer the ACCEPT Toast heard,
 * not refuse a source that, because of itself, no longer exists (issue 9 item 1).
 */
async function movedBy(models: Models, programId: string, to: string, transactionGuid: string): Promise<boolean> {
  const moved = await resolveMember(models, programId, to);
  return moved !== null && moved.status !== 'SUSPENDED' && moved.lastTransferGuid === transactionGuid;
}

async function moveIdentifier(models: Models, member: MemberRecord, from: string, to: string, transactionGuid: string): Promise<void> {
  const result = await models.Member.updateOne({ _id: member._id, loyaltyIdentifier: from }, { $set: { loyaltyIdentifier: to, lastTransferGuid: transactionGuid } });
  if (result.modifiedCount !== 1) throw new LoyaltyError('INVALID_TRANSFER', 'source changed concurrently');
}

async function moveCard(models: Models, programId: string, member: MemberRecord, from: string, to: string, now: Date, transactionGuid: string): Promise<void> {
  await models.MemberKey.create({ _id: keyId(models, programId, 'card', to), programId, kind: 'card', memberId: member._id, createdAt: now });
  const cards = member.cardNumbers.map((c) => (c === from ? to : c));
  const result = await models.Member.updateOne({ _id: member._id, cardNumbers: from }, { $set: { cardNumbers: cards, lastTransferGuid: transactionGuid } });
  if (result.modifiedCount !== 1) {
    await models.MemberKey.deleteOne({ _id: keyId(models, programId, 'card', to), memberId: member._id });
    throw new LoyaltyError('INVALID_TRANSFER', 'source changed concurrently');
  }
  await models.MemberKey.deleteOne({ _id: keyId(models, programId, 'card', from), memberId: member._id });
}
