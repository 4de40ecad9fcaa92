/**
 * Points expiry for one member (I/O shell around the pure expiry.ts): read what is due (the
 * projected lots, or the ledger), append the day's EXPIRE entry, recompute the tier.
 *
 * The EXPIRE entry's sourceKey is `expire:<programId>:<memberId>:<YYYY-MM-DD in the program's
 * timezone>`, so a job that runs twice on a day (a retry, a stalled job, two replicas) expires
 * once; its floor is CLAMP_AT_ZERO, so it never takes a balance below zero.
 */
import type { Types } from 'mongoose';
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { lotWindowFieldNames, lotsForReading, type LotFields } from '../ledger/lot-projection.js';
import { HiddenLot } from '../policy/expiry-lots.js';
import type { LotsRead } from '../policy/lot-queue.js';
import { expireSourceKey, expiryOutlook, localDate, lotsView, outlookView, programTimezone, type ExpiryOutlook, type ExpiryView, type LedgerLine } from '../policy/expiry.js';
import { appendEntry, projectionBehind } from '../ledger/ledger.js';
import { updateTier, type TierUpdate } from '../tiers/tier-update.js';

/** What one member's expiry run did. */
export interface MemberExpiryResult {
  /** Points taken by the EXPIRE entry appended now (0 when nothing was due or already done today). */
  expired: number;
  tier: TierUpdate | null;
}

/** The member's ledger in `seq` order, only the fields expiry needs. */
async function ledgerLines(models: Models, memberId: Types.ObjectId | string): Promise<LedgerLine[]> {
  return models.LedgerEntry.find({ memberId }, { _id: 0, kind: 1, delta: 1, sourceKey: 1, createdAt: 1 })
    .sort({ seq: 1 }).lean<LedgerLine[]>();
}

/** The member's expiry position at `now` under the program's policy. */
export async function memberExpiryOutlook(models: Models, program: Program, memberId: Types.ObjectId | string, now: Date): Promise<ExpiryOutlook> {
  if (program.policies.expiry.mode === 'NONE') return { due: 0, upcoming: [] };
  return expiryOutlook(program.policies.expiry, await ledgerLines(models, memberId), now, programTimezone(program));
}

/** The member fields INQUIRE's expiry outlook reads. */
export interface ExpiryMember extends LotFields {
  _id: Types.ObjectId | string;
  pointsBalance: number;
  ledgerSeq?: number | null;
  lastActivityAt?: Date | null;
}

/**
 * The expiry position INQUIRE shows (and the daily job expires), for a member holding `balance`
 * points offered rewards of `costs`, from the member projection alone, so its cost does not
 * grow with the member's history: INACTIVITY needs the balance and the last activity, PER_LOT the head and the tail of
 * the projected lots (ledger/lot-projection.ts), read by `lotsView`. Only when the answers need
 * a lot of the middle pages (more lots already due than the head holds, a reward costing more
 * than the tail's lots hold: at least 128 of them) are all lots read; when the lots lag the
 * ledger they are caught up, and built once for a member from before the projection.
 */
export async function projectedExpiryView(models: Models, program: Program, member: ExpiryMember, now: Date, ask: { balance: number; costs: readonly number[] }): Promise<ExpiryView> {
  const policy = program.policies.expiry;
  if (policy.mode === 'INACTIVITY' && member.lastActivityAt) {
    const line: LedgerLine = { kind: 'ACCRUE', delta: member.pointsBalance, sourceKey: '', createdAt: member.lastActivityAt };
    return outlookView(expiryOutlook(policy, [line], now, programTimezone(program)), now);
  }
  if (policy.mode === 'PER_LOT' && policy.days && policy.days > 0) {
    const view = (lots: LotsRead): ExpiryView => lotsView(lots, policy.days ?? 0, now, programTimezone(program));
    const lots = lotsForReading(models, member);
    if (lots.window) {
      const fromEnds = view(lots.window);
      try {
        fromEnds.soonest();
        for (const cost of ask.costs) fromEnds.rewardExpiry(cost, ask.balance);
        return fromEnds;
      } catch (err) {
        if (!(err instanceof HiddenLot)) throw err;
      }
    }
    return view(await lots.all());
  }
  return outlookView(await memberExpiryOutlook(models, program, member._id, now), now);
}

/**
 * The points due for expiry at `now`, from the member projection as INQUIRE reads it
 * ({@link projectedExpiryView}), so the daily job's cost per member does not grow with its
 * history — once the projection is known to show every committed entry: a debit that a crash
 * left unprojected spent points the projection still shows. Otherwise, from the ledger.
 */
async function duePoints(models: Models, program: Program, memberId: Types.ObjectId | string, now: Date): Promise<number> {
  const lots = program.policies.expiry.mode === 'PER_LOT' ? lotWindowFieldNames : {};
  const member = await models.Member.findById(memberId, { ...lots, pointsBalance: 1, ledgerSeq: 1, lastActivityAt: 1 }).lean<ExpiryMember>();
  if (member && !await projectionBehind(models, memberId, member.ledgerSeq)) {
    return (await projectedExpiryView(models, program, member, now, { balance: member.pointsBalance, costs: [] })).due();
  }
  return (await memberExpiryOutlook(models, program, memberId, now)).due;
}

/** Expires what is due for the member today (idempotent per day) and recomputes its tier. */
export async function expireMember(models: Models, program: Program, memberId: Types.ObjectId | string, now: Date, checkExpiry = true): Promise<MemberExpiryResult> {
  const key = expireSourceKey(program.id, String(memberId), localDate(now, programTimezone(program)));
  let expired = 0;
  const due = checkExpiry ? await duePoints(models, program, memberId, now) : 0;
  if (due > 0) {
    const outcome = await appendEntry(models, {
      programId: program.id, memberId, delta: -due, kind: 'EXPIRE', sourceKey: key, floor: 'CLAMP_AT_ZERO',
      provenance: { ruleSetVersion: program.version },
    }, now);
    if (outcome.status === 'APPLIED') expired = -outcome.entry.delta;
  }
  const tier = await updateTier(models, { programId: program.id, memberId, causeKey: key, now });
  return { expired, tier };
}
