/**
 * ACCRUE end to end: accept (record the paid check in MongoDB, then enqueue), post (the
 * worker computes points with the rule engine and appends the ledger entry) and reverse.
 *
 * Invariants: the accrual document is written before ACCEPT (7); a check accrues at most once
 * while not reversed, also when Toast retries with a new GUID (5); posting and reversing are
 * idempotent on ledger sourceKeys `accrual:<id>` and `reverse-accrual:<id>` (3), whichever
 * order the worker and a REVERSE run in.
 */
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { accrual as computeAccrual, type AccrualResult, type MemberState, type NormalizedCheck, type Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { accrualJobId, type Queues } from '../../queues/queues.js';
import { acceptedState, receiptLine } from './accrual-outcome.js';
import { appendEntry, type AppendOutcome, type AppendStart } from '../ledger/ledger.js';
import { reverseRedemptionsGoneFromCheck } from '../redemption/redemption-reconcile.js';
import { supersedeIfRepaid } from './repay.js';
import { activeProgram, programVersion } from '../programs/program-cache.js';
import { withRollingPoints } from '../tiers/tier-points.js';
import { updateTier, type TierCause } from '../tiers/tier-update.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { insertShaped } from '../../store/insert-shaped.js';
import { findOneInBatch, timeLimitOf } from '../../store/read-batch.js';
import type { AccrualDoc } from '../../store/models/accrual.js';
import type { RequestKey } from '../idempotency/idempotency.js';
import { accrualIdOf } from './accrual-claim.js';

export interface AccrualDeps {
  models: Models;
  logger: Logger;
  queues: Pick<Queues, 'accrual'>;
}

/** The member facts accrual depends on. */
export interface AccrualMember {
  _id: Types.ObjectId;
  status: string;
  tier?: string | null;
  lifetimePoints?: number | null;
  visits?: number | null;
  pointsBalance?: number | null;
}

export interface AcceptAccrualInput {
  programId: string;
  locationGuid: string;
  transactionGuid: string;
  orderGuid?: string | null;
  member: AccrualMember | null;
  /** True when the request named an account that resolves to nobody: the check is kept UNCLAIMED. */
  unresolvedIdentifier?: boolean;
  /** The paid check, normalised at the Toast edge: cents, canonical dates; the only form stored. */
  check: NormalizedCheck;
  now: Date;
  /** The ACCRUE request as keyed by dispatch: the accrual is its claim (accrual-claim.ts). */
  request?: { key: RequestKey; hash: string };
}

export interface AcceptAccrualResult {
  accrualId: string;
  points: number;
  /** True when this check had already been accepted (a retry with a new GUID). */
  duplicate: boolean;
  userMessage: string;
  /**
   * The posting job being added (a PENDING accrual): started, not awaited, so the caller can
   * store its answer meanwhile. Never rejects (a failed add is left to the sweeper); await it
   * before answering.
   */
  queued?: Promise<boolean>;
}

/** The member facts recorded on an accrual, so points computed later are deterministic. */
export function snapshot(member: AccrualMember): MemberState {
  return {
    status: member.status as MemberState['status'],
    tier: member.tier ?? null,
    pointsBalance: member.pointsBalance ?? 0,
    lifetimePoints: member.lifetimePoints ?? 0,
    visits: member.visits ?? 0,
    usage: {},
  };
}

function checkTime(check: NormalizedCheck, now: Date): Date {
  for (const candidate of [check.paidDate, check.closedDate]) {
    const t = candidate ? Date.parse(candidate) : NaN;
    if (Number.isFinite(t)) return new Date(t);
  }
  return now;
}

/** Points for this check under `program`; starters earn nothing where the program says so. */
export async function computePoints(program: Program, locationGuid: string, check: NormalizedCheck, member: MemberState | null, at: Date): Promise<AccrualResult> {
  const result = await computeAccrual(program, { now: at.toISOString(), locationGuid, check, member });
  if (member?.status === 'STARTER' && !program.policies.membership.starterMayEarn) return { ...result, points: 0, breakdown: [] };
  if (member?.status === 'SUSPENDED') return { ...result, points: 0, breakdown: [] };
  return result;
}

/** What a tier recomputation may take from an append instead of reading it again. */
function appended(outcome: AppendOutcome): Pick<TierCause, 'entry' | 'member'> {
  if (outcome.status === 'APPLIED') return { entry: outcome.entry, member: outcome.member };
  return outcome.status === 'DUPLICATE' ? { entry: outcome.entry } : {};
}

/**
 * Records a paid check and starts queueing its points (`queued`); answers what to print on the receipt.
 *
 * The check's redemptions whose discount is gone are reversed (redemption-reconcile.ts) by the
 * posting worker for an accrual it posts, here for one it does not (UNCLAIMED, WITHHELD,
 * FORFEITED) or when no request keys it: both are keyed, so a second run changes nothing.
 */
export async function acceptAccrual(deps: AccrualDeps, input: AcceptAccrualInput): Promise<AcceptAccrualResult> {
  const active = await activeProgram(deps.models, input.programId);
  if (!active) throw new Error(`program ${input.programId} has no published rule set`);
  const state = acceptedState(input.member, active.program);
  if (state !== 'PENDING' || !input.request) {
    await reverseRedemptionsGoneFromCheck({ models: deps.models, programId: input.programId, restaurantGuid: input.locationGuid, check: input.check, now: input.now });
  }
  const checkGuid = input.check.checkGuid ?? '';
  const at = checkTime(input.check, input.now);
  const member = input.member
    ? await withRollingPoints(deps.models, active.program, input.member._id, snapshot(input.member), input.now)
    : null;
  const computed = await computePoints(active.program, input.locationGuid, input.check, member, at);
  const id = input.request ? accrualIdOf(input.request.key) : new Types.ObjectId();
  const activeCheckKey = `${input.locationGuid}|${checkGuid}`;
  const userMessage = receiptLine({ state, points: computed.points, unresolved: input.unresolvedIdentifier === true });
  try {
    await insertShaped(deps.models.Accrual, {
      _id: id, programId: input.programId, restaurantGuid: input.locationGuid, checkGuid, orderGuid: input.orderGuid ?? null,
      activeCheckKey, transactionGuids: [input.transactionGuid], memberId: input.member?._id ?? null,
      state, ruleSetHash: active.contentHash, memberSnapshot: member,
      check: input.check, checkTime: at, acceptedAt: input.now, expectedPoints: computed.points,
      requestHash: input.request?.hash ?? null, userMessage,
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // This very request accepted before (a retry, a concurrent copy, a GUID reused): answer as it did.
    const earlier = input.request ? await deps.models.Accrual.findById(id).lean() : null;
    if (earlier && input.request) return answeredBefore(deps, earlier, input.request.hash);
    // Paid again with a new amount: the earlier accrual is reversed and this one takes its place.
    const superseded = await supersedeIfRepaid(deps.models, activeCheckKey, input.check, input.now);
    if (!superseded) return acceptDuplicate(deps, activeCheckKey, input);
    const program = await programVersion(deps.models, superseded.programId, superseded.ruleSetHash);
    if (program) await takeBackPoints(deps.models, superseded, program, input.now);
    return acceptAccrual(deps, input);
  }
  return {
    accrualId: id.toHexString(), points: computed.points, duplicate: false, userMessage,
    ...(state === 'PENDING' ? { queued: enqueueAccrual(deps, id.toHexString()) } : {}),
  };
}

/** A copy of an ACCRUE already accepted: the first answer, no second effect. */
function answeredBefore(deps: AccrualDeps, earlier: AccrualDoc & { _id: Types.ObjectId }, requestHash: string): AcceptAccrualResult {
  if (typeof earlier.requestHash === 'string' && earlier.requestHash !== requestHash) {
    deps.logger.warn({ accrualId: String(earlier._id) }, 'ACCRUE transaction GUID reused with a different body; answering the first answer');
  }
  const points = earlier.expectedPoints;
  return { accrualId: String(earlier._id), points, duplicate: true, userMessage: earlier.userMessage ?? receiptLine({ state: earlier.state, points }) };
}

/** Toast retried an ACCRUE of a check we already hold (new GUID): no second effect. */
async function acceptDuplicate(deps: AccrualDeps, activeCheckKey: string, input: AcceptAccrualInput): Promise<AcceptAccrualResult> {
  const existing = await deps.models.Accrual.findOneAndUpdate(
    { activeCheckKey },
    { $addToSet: { transactionGuids: input.transactionGuid } },
    { returnDocument: 'before' },
  ).lean();
  if (!existing) throw new Error('accrual vanished during dedupe');
  const points = existing.points ?? existing.expectedPoints;
  return { accrualId: String(existing._id), points, duplicate: true, userMessage: receiptLine({ state: existing.state, points }) };
}

/** Adds the posting job; a Redis outage is logged, not fatal: the sweeper re-enqueues. */
export async function enqueueAccrual(deps: AccrualDeps, accrualId: string): Promise<boolean> {
  try {
    await deps.queues.accrual.add('post', { accrualId }, { jobId: accrualJobId(accrualId) });
    return true;
  } catch (err) {
    deps.logger.warn({ accrualId, err: (err as Error).message }, 'accrual enqueue failed; the sweeper will retry');
    return false;
  }
}

export type PostOutcome = 'POSTED' | 'ALREADY_DONE' | 'REVERSED' | 'NOT_FOUND';

/** Worker side: computes and posts the points of one accrual. Safe to run any number of times. */
export async function postAccrual(deps: Pick<AccrualDeps, 'models'>, accrualId: string, now: Date): Promise<PostOutcome> {
  // With the other postings' reads of this turn (read-batch.ts).
  const acc = await findOneInBatch<AccrualDoc & { _id: Types.ObjectId }>(deps.models.Accrual.collection, {}, '_id', new Types.ObjectId(accrualId), timeLimitOf(deps.models.Accrual));
  if (!acc) return 'NOT_FOUND';
  if (acc.state !== 'PENDING' || !acc.memberId) return acc.state === 'REVERSED' ? 'REVERSED' : 'ALREADY_DONE';
  const program = await programVersion(deps.models, acc.programId, acc.ruleSetHash);
  if (!program) throw new Error(`rule set ${acc.ruleSetHash} of ${acc.programId} is missing`);
  // ACCRUE-time reconciliation of the check's redemptions, done here for what the worker posts (keyed: repeats change nothing).
  await reverseRedemptionsGoneFromCheck({ models: deps.models, programId: acc.programId, restaurantGuid: acc.restaurantGuid, check: acc.check as NormalizedCheck, now });
  const result = await computePoints(program, acc.restaurantGuid, acc.check as NormalizedCheck, acc.memberSnapshot as MemberState | null, acc.checkTime);
  if (result.points > 0) {
    const posted = await appendEntry(deps.models, {
      programId: acc.programId, memberId: acc.memberId, delta: result.points, kind: 'ACCRUE',
      sourceKey: `accrual:${accrualId}`, floor: 'ALLOW_NEGATIVE',
      refs: { restaurantGuid: acc.restaurantGuid, transactionGuid: acc.transactionGuids[0] ?? null, checkGuid: acc.checkGuid },
      provenance: { ruleIds: [...new Set(result.breakdown.map((l) => l.ruleId))], ruleSetVersion: result.ruleSetVersion },
    }, now);
    // Before the state flip, so a retried job (the flip not yet done) recomputes after a crash.
    await updateTier(deps.models, { programId: acc.programId, memberId: acc.memberId, causeKey: `accrual:${accrualId}`, now, ...appended(posted) });
  }
  const moved = await deps.models.Accrual.updateOne(
    { _id: acc._id, state: 'PENDING' },
    { $set: { state: 'POSTED', points: result.points, breakdown: result.breakdown, ruleSetVersion: result.ruleSetVersion, postedAt: now } },
  );
  if (moved.modifiedCount === 1) return 'POSTED';
  // A REVERSE won the race while we posted: make sure our entry is taken back.
  const latest = await deps.models.Accrual.findById(acc._id).lean();
  if (latest?.state === 'REVERSED') {
    await takeBackPoints(deps.models, latest, program, now);
    return 'REVERSED';
  }
  return 'ALREADY_DONE';
}

/**
 * Appends the reversal of whatever this accrual posted, at the register (`accrual:<id>`) or by a
 * receipt claim (`claim:<id>`); nothing if it never posted.
 */
export async function takeBackPoints(
  models: Models, acc: { _id: Types.ObjectId; memberId?: Types.ObjectId | null; programId: string; restaurantGuid: string; checkGuid: string; reverseTransactionGuid?: string | null; state?: string; points?: number | null },
  program: Program, now: Date, member?: AppendStart & { _id: Types.ObjectId },
): Promise<void> {
  if (!acc.memberId) return;
  const id = acc._id.toHexString();
  // A POSTED accrual's points are its entry's delta (posting records both): no need to read it back.
  const posted = acc.state === 'POSTED' && typeof acc.points === 'number'
    ? { delta: acc.points }
    : await models.LedgerEntry.findOne({ memberId: acc.memberId, sourceKey: { $in: [`accrual:${id}`, `claim:${id}`] } }).lean();
  if (!posted || posted.delta <= 0) return;
  const taken = await appendEntry(models, {
    programId: acc.programId, memberId: acc.memberId, delta: -posted.delta, kind: 'REVERSE_ACCRUE',
    sourceKey: `reverse-accrual:${acc._id.toHexString()}`,
    floor: program.policies.reversal.clamp === 'NEGATIVE' ? 'ALLOW_NEGATIVE' : 'CLAMP_AT_ZERO',
    refs: { restaurantGuid: acc.restaurantGuid, transactionGuid: acc.reverseTransactionGuid ?? null, checkGuid: acc.checkGuid },
  }, now, member && member._id.equals(acc.memberId) ? { start: member } : {});
  await updateTier(models, { programId: acc.programId, memberId: acc.memberId, causeKey: `reverse-accrual:${id}`, now, ...appended(taken) });
}

export type ReverseAccrualOutcome = 'REVERSED' | 'NOT_FOUND' | 'ALREADY_REVERSED';

export interface ReverseAccrualInput {
  programId: string;
  /** The GUID of the ACCRUE being reversed (any GUID Toast used for it). */
  transactionGuid: string;
  /** The restaurant the REVERSE comes from: only its own accruals are found (the webhook always sets it). */
  restaurantGuid?: string;
  reverseTransactionGuid?: string | null;
  now: Date;
  /** The accrual, when the ACCRUE's stored record names it (saves looking it up by GUID). */
  accrualId?: string | null;
  /** The member the ACCRUE's stored record names, as read with it: where the take-back starts when it is the accrual's. */
  member?: AppendStart & { _id: Types.ObjectId };
}

/**
 * Reverses an accrual: a pending one is cancelled, a posted one takes its points back per the
 * program's clamp policy. Reversing again answers ALREADY_REVERSED with no second effect.
 */
export async function reverseAccrual(deps: Pick<AccrualDeps, 'models'>, input: ReverseAccrualInput): Promise<ReverseAccrualOutcome> {
  const scope = { programId: input.programId, ...(input.restaurantGuid === undefined ? {} : { restaurantGuid: input.restaurantGuid }) };
  // Named by its ACCRUE's stored record: flip it at once (the find is only needed without the id).
  const found = input.accrualId ? null
    : await deps.models.Accrual.findOne({ ...scope, transactionGuids: input.transactionGuid }).sort({ acceptedAt: -1 }).lean();
  const id = input.accrualId ?? found?._id;
  if (!id) return 'NOT_FOUND';
  const before = await deps.models.Accrual.findOneAndUpdate(
    { _id: id, ...scope, state: { $in: ['PENDING', 'POSTED', 'UNCLAIMED', 'CLAIMED', 'WITHHELD', 'FORFEITED'] } },
    { $set: { state: 'REVERSED', reversedAt: input.now, reverseTransactionGuid: input.reverseTransactionGuid ?? null,
      activeCheckKey: `${input.restaurantGuid ?? found?.restaurantGuid ?? ''}|reversed|${String(id)}` } },
    { returnDocument: 'before' },
  ).lean();
  const acc = before ?? found ?? await deps.models.Accrual.findOne({ _id: id, ...scope }).lean();
  if (!acc) return 'NOT_FOUND';
  if (!before && acc.state !== 'REVERSED') return 'ALREADY_REVERSED';
  // Also on a repeat: finish a take-back that a crash may have interrupted (idempotent).
  const program = await programVersion(deps.models, acc.programId, acc.ruleSetHash);
  if (program) await takeBackPoints(deps.models, { ...acc, reverseTransactionGuid: input.reverseTransactionGuid ?? acc.reverseTransactionGuid }, program, input.now, input.member);
  return before ? 'REVERSED' : 'ALREADY_REVERSED';
}
