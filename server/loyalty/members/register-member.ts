/**
 * The member a cashier keyed or scanned at the register (INQUIRE, ACCRUE): whatever
 * `resolveMember` finds, or — Spendgo guide §5.1.1, options 1A/2A/2B: a 10-digit phone keyed in
 * or carried by a QR code — a STARTER enrolled on the spot when the program's
 * `policies.membership.autoEnrolOnPhoneLookup` allows it. Enrolment is race-safe exactly as
 * SEARCH's is: the phone's unique member key decides, so concurrent first visits with one phone
 * make one member.
 */
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { enrolStarter, resolveMember, type MemberRead, type MemberRecord } from './members.js';

/** A well-formed phone as keyed: exactly ten digits, nothing else. */
const TEN_DIGITS = /^\d{10}$/;

export async function memberAtRegister(
  models: Models, program: { programId: string; program: Program }, identifier: string, now: Date, read: MemberRead = {},
): Promise<MemberRecord | null> {
  const found = await resolveMember(models, program.programId, identifier, read);
  if (found) return found;
  if (!TEN_DIGITS.test(identifier) || !program.program.policies.membership.autoEnrolOnPhoneLookup) return null;
  return enrolStarter(models, program.programId, identifier, now);
}
