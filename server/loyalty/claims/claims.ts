/**
 * Receipt claims: a member later claims a check that was paid without a loyalty account (an
 * UNCLAIMED accrual) with the receipt's QR payload `LOCATION_GUID:ORDER_GUID:CHECK_GUID`.
 *
 * Guarantees: a check is credited at most once, to one member, whatever the concurrency: the
 * claim is one guarded single-document update UNCLAIMED → CLAIMED that records the claimer and
 * its member snapshot; the points are then appended under ledger sourceKey `claim:<accrualId>`,
 * computed with the rule set recorded on the accrual. A crash between the two is finished by the
 * same member claiming again (idempotent on the sourceKey), or by `finishClaim` from a sweeper.
 * A REVERSE racing a claim is handled like one racing a posting (see accrual.ts).
 */
import type { Types } from 'mongoose';
import type { MemberState, NormalizedCheck } from '../../../rules/index.js';
import type { AccrualDoc } from '../../store/models/accrual.js';
import type { Models } from '../../store/models/index.js';
import { computePoints, snapshot, takeBackPoints } from '../accrual/accrual.js';
import { appendEntry, readBalance } from '../ledger/ledger.js';
import { activeProgram, programVersion } from '../programs/program-cache.js';
import { updateTier } from '../tiers/tier-update.js';

/** Why a claim was refused. */
export type ClaimRefusal =
  /** No such check at that restaurant and order, or not in the caller's program. */
  | 'UNKNOWN_RECEIPT'
  /** No member with that loyalty identifier in the receipt's program. */
  | 'UNKNOWN_MEMBER'
  /** The member is suspended and may not earn. */
  | 'MEMBER_SUSPENDED'
  /** The check was credited already: at the register, or by another member's claim. */
  | 'ALREADY_CLAIMED'
  /** The check was voided or refunded (its accrual reversed). */
  | 'REVERSED'
  /** The check is older than the claim window. */
  | 'CLAIM_WINDOW_EXPIRED';

/** The three GUIDs of a receipt's QR payload. */
export interface Receipt {
  locationGuid: string;
  orderGuid: string;
  checkGuid: string;
}

export interface ClaimInput {
  receipt: Receipt;
  loyaltyIdentifier: string;
  /** Whether the caller may act in this program (its API key's scope). */
  inProgram: (programId: string) => boolean;
  /** Days after the check during which it can be claimed. */
  windowDays: number;
  now: Date;
}

export type ClaimOutcome =
  | {
    status: 'CLAIMED';
    /** True when this member had claimed the check before (the answer is the same). */
    repeat: boolean;
    accrualId: string;
    programId: string;
    points: number;
    /** The member's balance after the claim. */
    balance: number;
    claimedAt: Date;
  }
  | { status: 'REFUSED'; reason: ClaimRefusal };

type AccrualRecord = AccrualDoc & { _id: Types.ObjectId };
type MemberRow = { _id: Types.ObjectId; status: string; tier?: string | null; lifetimePoints?: number | null; visits?: number | null; pointsBalance?: number | null };

const refused = (reason: ClaimRefusal): ClaimOutcome => ({ status: 'REFUSED', reason });
const dayMs = 24 * 3600 * 1000;
const maxAttempts = 5;

/** `LOCATION:ORDER:CHECK` split into its GUIDs, or null when it is not three non-empty parts. */
export function parseReceipt(payload: string): Receipt | null {
  const parts = payload.split(':');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) return null;
  const [locationGuid, orderGuid, checkGuid] = parts as [string, string, string];
  return { locationGuid, orderGuid, checkGuid };
}

/** Claims a receipt for a member (see the module comment). */
export async function claimReceipt(models: Models, input: ClaimInput): Promise<ClaimOutcome> {
  const location = await models.Location.findById(input.receipt.locationGuid, { programId: 1 }).lean();
  if (!location || !input.inProgram(location.programId)) return refused('UNKNOWN_RECEIPT');
  const member = await models.Member.findOne({ programId: location.programId, loyaltyIdentifier: input.loyaltyIdentifier })
    .lean<MemberRow>();
  if (!member) return refused('UNKNOWN_MEMBER');
  if (member.status === 'SUSPENDED') return refused('MEMBER_SUSPENDED');
  // The program's own claim window wins over the deployment default.
  const windowDays = (await activeProgram(models, location.programId))?.program.policies.claims?.windowDays ?? input.windowDays;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const acc = await findAccrual(models, location.programId, input.receipt);
    if (!acc) return refused('UNKNOWN_RECEIPT');
    const decided = decide(acc, member, { ...input, windowDays });
    if (decided !== 'FLIP') return decided === 'FINISH' ? finishClaim(models, acc, input.now, true) : refused(decided);
    const flipped = await models.Accrual.updateOne(
      { _id: acc._id, state: 'UNCLAIMED' },
      { $set: { state: 'CLAIMED', memberId: member._id, claimedAt: input.now, memberSnapshot: snapshot(member) } },
    );
    if (flipped.modifiedCount === 1) {
      const claimed = await models.Accrual.findById(acc._id).lean<AccrualRecord>();
      if (claimed) return finishClaim(models, claimed, input.now, false);
    }
    // Another claim or a REVERSE changed the accrual first: read it again and decide again.
  }
  throw new Error('receipt claim: the accrual kept changing');
}

/**
 * The accrual the receipt names: the check at that restaurant in that program whose order
 * matches (when the accrual recorded one); the active one if any, else the latest reversed one.
 */
async function findAccrual(models: Models, programId: string, receipt: Receipt): Promise<AccrualRecord | null> {
  const candidates = await models.Accrual.find({ restaurantGuid: receipt.locationGuid, checkGuid: receipt.checkGuid })
    .sort({ acceptedAt: -1 }).lean<AccrualRecord[]>();
  const matching = candidates.filter((a) => a.programId === programId && (a.orderGuid === null || a.orderGuid === receipt.orderGuid));
  return matching.find((a) => a.state !== 'REVERSED') ?? matching[0] ?? null;
}

/** What to do with the accrual for this member: flip it, finish an earlier claim, or refuse. */
function decide(acc: AccrualRecord, member: MemberRow, input: ClaimInput): 'FLIP' | 'FINISH' | ClaimRefusal {
  switch (acc.state) {
    case 'REVERSED': return 'REVERSED';
    case 'PENDING':
    case 'POSTED':
    case 'WITHHELD':
    case 'FORFEITED': return 'ALREADY_CLAIMED';
    case 'CLAIMED': return String(acc.memberId) === String(member._id) ? 'FINISH' : 'ALREADY_CLAIMED';
    case 'UNCLAIMED':
      return input.now.getTime() - acc.checkTime.getTime() > input.windowDays * dayMs ? 'CLAIM_WINDOW_EXPIRED' : 'FLIP';
  }
}

/**
 * Posts the points of a CLAIMED accrual to its claimer: safe to run any number of times (the
 * ledger append is idempotent on `claim:<id>`). If a REVERSE flipped the accrual meanwhile, the
 * points are taken back and the claim answers REVERSED.
 */
export async function finishClaim(models: Models, acc: AccrualRecord, now: Date, repeat: boolean): Promise<ClaimOutcome> {
  if (acc.state !== 'CLAIMED' || !acc.memberId) return refused(acc.state === 'REVERSED' ? 'REVERSED' : 'ALREADY_CLAIMED');
  const program = await programVersion(models, acc.programId, acc.ruleSetHash);
  if (!program) throw new Error(`rule set ${acc.ruleSetHash} of ${acc.programId} is missing`);
  const result = await computePoints(program, acc.restaurantGuid, acc.check as NormalizedCheck, acc.memberSnapshot as MemberState | null, acc.checkTime);
  const accrualId = acc._id.toHexString();
  if (result.points > 0) {
    await appendEntry(models, {
      programId: acc.programId, memberId: acc.memberId, delta: result.points, kind: 'CLAIM', sourceKey: `claim:${accrualId}`,
      floor: 'ALLOW_NEGATIVE', refs: { restaurantGuid: acc.restaurantGuid, transactionGuid: acc.transactionGuids[0] ?? null, checkGuid: acc.checkGuid },
      provenance: { ruleIds: [...new Set(result.breakdown.map((l) => l.ruleId))], ruleSetVersion: result.ruleSetVersion },
    }, now);
    await updateTier(models, { programId: acc.programId, memberId: acc.memberId, causeKey: `claim:${accrualId}`, now });
  }
  const recorded = await models.Accrual.updateOne(
    { _id: acc._id, state: 'CLAIMED', postedAt: null },
    { $set: { points: result.points, breakdown: result.breakdown, ruleSetVersion: result.ruleSetVersion, postedAt: now } },
  );
  if (recorded.modifiedCount === 0) {
    const latest = await models.Accrual.findById(acc._id).lean<AccrualRecord>();
    if (latest?.state === 'REVERSED') {
      await takeBackPoints(models, latest, program, now);
      return refused('REVERSED');
    }
  }
  const { balance } = await readBalance(models, acc.memberId);
  return { status: 'CLAIMED', repeat, accrualId, programId: acc.programId, points: result.points, balance, claimedAt: acc.claimedAt ?? now };
}
