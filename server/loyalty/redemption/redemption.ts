/**
 * REDEEM: re-validate the submitted redemptions, then debit each accepted one through the ledger
 * (floor REJECT_BELOW_ZERO, so a balance never goes below zero, invariant 2) and record its
 * usage. A redemption is identified by its applied discount on the check: its debit's sourceKey
 * is `redeem:discount:<GUID>`, so a retried REDEEM, a taken-over one, or a later REDEEM of the same
 * check carrying the same discount finds the earlier debit instead of repeating it (later ones are
 * answered from the record, redeemed-discounts.ts). Only a redemption with no discount GUID at
 * all falls back to `redeem:<transaction>:#<position>`.
 * Once any debit committed, nothing here throws: on a failure the ledger is read back and the
 * answer lists exactly what was committed (invariant 6). The answer shows the state after the
 * debits: the balance and the offers (after-redeem.ts).
 */
import type { Logger } from 'pino';
import { type AppliedRedemption, type NormalizedCheck, type OffersResult, type RejectedRedemption, type SubmittedRedemption } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { offersAfterRedeem } from './after-redeem.js';
import { assumeFresh, evaluateCheck, splitSubmitted, type CheckEvaluation } from '../offers/check-evaluation.js';
import { appendEntry, readBalance, type AppendStart } from '../ledger/ledger.js';
import { releaseBudget, reserveBudget } from './reward-budgets.js';
import { releaseUsage, reserveUsage } from './usage-counters.js';
import type { MemberRecord } from '../members/members.js';
import type { ProgramContext } from '../programs/program-context.js';
import {
  answerFromRecord, earlierRedemption, REVERSED_MESSAGE, type AlreadyRedeemed, type CommittedRedemption, type RedeemedSplit, type RedemptionRow,
} from './redeemed-discounts.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { insertShaped } from '../../store/insert-shaped.js';

export interface RedeemInput {
  models: Models;
  logger: Logger;
  context: ProgramContext;
  member: MemberRecord;
  /** The check, normalised at the Toast edge (cents). */
  check: NormalizedCheck;
  redemptions: SubmittedRedemption[];
  transactionGuid: string;
  now: Date;
  /**
   * A re-run of a request whose earlier run may have debited (a taken-over claim): its own
   * committed debits and the records of its discounts are looked up first. A first run
   * (`false`) reads neither: it has no debits of its own, and an earlier redemption of one of its
   * discounts shows at the debit (the sourceKey is taken) or as a refusal, and is then answered
   * from its record. Unset: look everything up first (callers outside the webhook).
   */
  rerun?: boolean;
}

export type { CommittedRedemption } from './redeemed-discounts.js';

export interface RedeemResult {
  evaluation: CheckEvaluation;
  /** Offers after the debits: the new balance, usage and rewards on the check. */
  offers: OffersResult;
  applied: AppliedRedemption[];
  rejected: RejectedRedemption[];
  committed: CommittedRedemption[];
  balance: number;
}

/** Rejections decided here rather than by the engine (messages shown to staff; no PII). */
const MESSAGES = {
  NEEDS_POINTS: 'Not enough points for this reward',
  LIMIT_REACHED: 'This reward has reached its usage limit',
  BUDGET_EXHAUSTED: 'This reward\'s budget is used up',
  UNAVAILABLE: 'Reward no longer available',
} as const;

/**
 * One sourceKey per submitted redemption, unique within the request and stable across retries and
 * across requests carrying the same discount.
 */
export function redemptionSourceKeys(transactionGuid: string, redemptions: SubmittedRedemption[]): string[] {
  const seen = new Set<string>();
  return redemptions.map((r, i) => {
    const guid = r.appliedDiscountGuid ?? r.multiItemDiscountGuid;
    let key = guid ? `redeem:discount:${guid}` : `redeem:${transactionGuid}:#${i}`;
    if (seen.has(key)) key = `${key}#${i}`;
    seen.add(key);
    return key;
  });
}

/** Points this request already debited (a retry after a crash), by sourceKey. */
async function committedDebits(models: Models, memberId: MemberRecord['_id'], keys: string[]): Promise<Map<string, number>> {
  const entries = await models.LedgerEntry.find({ memberId, sourceKey: { $in: keys } }, { sourceKey: 1, delta: 1 }).lean();
  return new Map(entries.map((e) => [e.sourceKey, -e.delta]));
}

/** Pairs each applied redemption with the sourceKey of the submitted one it came from. */
function keysOfApplied(evaluation: CheckEvaluation, keys: string[]): string[] {
  const rejected = new Set(evaluation.validation.rejected.map((r) => r.redemption));
  return evaluation.redemptions.flatMap((r, i) => (rejected.has(r) ? [] : [keys[i] as string]));
}

/** Records the redemption; false when its record was already there. */
async function recordUsage(input: RedeemInput, applied: AppliedRedemption, sourceKey: string, usageCounters: string[]): Promise<boolean> {
  try {
    await insertShaped(input.models.RewardRedemption, {
      _id: `${String(input.member._id)}:${sourceKey}`, programId: input.context.programId, memberId: String(input.member._id),
      rewardId: applied.identifier, quantity: applied.quantity, amountCents: applied.amountCents,
      transactionGuid: input.transactionGuid, redeemedAt: input.now, limitSlots: usageCounters,
      sourceKey, points: applied.pointsCost, restaurantGuid: input.context.restaurantGuid, checkGuid: input.check.checkGuid,
      appliedDiscountGuid: applied.appliedDiscountGuid, multiItemDiscountGuid: applied.multiItemDiscountGuid,
      selectionGuid: applied.selectionGuid, name: applied.name,
      ...(applied.itemApplication ? { itemApplication: applied.itemApplication.map((a) => ({ selectionIdentifier: a.selectionIdentifier, amountCents: a.amountCents })) } : {}),
    });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // already recorded by an earlier attempt
    return false;
  }
}

type DebitOutcome =
  | { ok: false; reason: 'NEEDS_POINTS' | 'LIMIT_REACHED' | 'BUDGET_EXHAUSTED' }
  /** A first run found its discount redeemed by an earlier request: answered from that record. */
  | { ok: false; reason: 'EARLIER'; record: RedemptionRow }
  | { ok: true; balanceAfter: number | null };

/** Where the next debit of this request starts from: the member as read, then as each debit left it. */
type Running = { start: AppendStart };

/**
 * Commits one redemption: its reward usage (every limited period in one guarded update), its
 * budget (one guarded increment), then its points, its record written while the ledger moves the
 * member projection (`whileProjecting`); a refused debit gives usage and budget back.
 * Answers the balance right after the debit when points moved, so the REDEEM answer needs no
 * second read of the ledger.
 *
 * A first run (`rerun: false`) has not read the records of its discounts: when its sourceKey
 * turns out taken (the debit is a DUPLICATE, the record exists) or the debit is refused, the
 * record of an earlier request's redemption of the same discount is read, what this call took
 * is given back, and the redemption is answered from that record (EARLIER).
 */
async function debit(input: RedeemInput, applied: AppliedRedemption, sourceKey: string, running: Running): Promise<DebitOutcome> {
  const { models } = input;
  const { program } = input.context;
  const firstRun = input.rerun === false;
  // A first run only looks for an earlier redemption when its key is a discount's (other keys name this transaction).
  const earlier = async (): Promise<RedemptionRow | null> => (firstRun && sourceKey.startsWith('redeem:discount:')
    ? earlierRedemption(models, String(input.member._id), sourceKey, input.transactionGuid) : null);
  const reserved = await reserveUsage({ models, program, locationGuid: input.context.restaurantGuid, member: input.member, applied, sourceKey, now: input.now });
  const refuse = async (reason: 'NEEDS_POINTS' | 'LIMIT_REACHED' | 'BUDGET_EXHAUSTED'): Promise<DebitOutcome> => {
    const record = await earlier();
    return record ? { ok: false, reason: 'EARLIER', record } : { ok: false, reason };
  };
  if (!reserved) return refuse('LIMIT_REACHED');
  // A re-run gives back everything its sourceKey holds (its crashed run's units too); any other run
  // only what it took itself, never units an earlier redemption of the same discount holds.
  const giveBackUsage = (): Promise<void> => releaseUsage(models, input.member._id, sourceKey, input.rerun === true ? undefined : reserved.taken);
  const giveBackBudget = (): Promise<void> => releaseBudget(models, input.context.programId, applied.identifier, budgeted(input, applied));
  const giveBack = async (): Promise<void> => {
    if (reserved.keys.length > 0) await giveBackUsage();
    await giveBackBudget();
  };
  if (!await reserveBudget(models, program, applied.identifier, applied.amountCents, input.now)) {
    if (reserved.keys.length > 0) await giveBackUsage();
    return refuse('BUDGET_EXHAUSTED');
  }
  let balanceAfter: number | null = null;
  let taken = false;
  /** The record's insert when it ran beside the debit's projection (true: inserted, false: already there). */
  let recorded: boolean | undefined;
  if (applied.pointsCost > 0) {
    const outcome = await appendEntry(models, {
      programId: input.context.programId, memberId: input.member._id, delta: -applied.pointsCost, kind: 'REDEEM', sourceKey,
      floor: 'REJECT_BELOW_ZERO',
      refs: {
        restaurantGuid: input.context.restaurantGuid, transactionGuid: input.transactionGuid,
        checkGuid: input.check.checkGuid, appliedDiscountGuids: [applied.appliedDiscountGuid ?? applied.multiItemDiscountGuid].filter((g): g is string => !!g),
      },
      provenance: { ruleIds: [applied.identifier], ruleSetVersion: program.version },
    }, input.now, {
      start: running.start,
      // The record needs the debit committed, not the member projection moved: written beside it.
      whileProjecting: () => recordUsage(input, applied, sourceKey, reserved.keys),
    });
    if (outcome.status === 'INSUFFICIENT') {
      await giveBack();
      return refuse('NEEDS_POINTS');
    }
    balanceAfter = outcome.entry.balanceAfter;
    if (outcome.status === 'APPLIED') {
      running.start = outcome.member;
      recorded = outcome.alongside;
    }
    taken = outcome.status === 'DUPLICATE';
  }
  if (!taken) taken = !(recorded ?? await recordUsage(input, applied, sourceKey, reserved.keys));
  const record = taken ? await earlier() : null;
  if (record) {
    await giveBack();
    return { ok: false, reason: 'EARLIER', record };
  }
  // The debit was there but no earlier request's record: this request's own earlier run, or a
  // concurrent first REDEEM of the same discount not recorded yet. Make sure the record exists.
  if (taken && applied.pointsCost > 0) await recordUsage(input, applied, sourceKey, reserved.keys);
  return { ok: true, balanceAfter };
}

/** The cents a redemption took of its reward's budget (0 when the reward has none). */
function budgeted(input: RedeemInput, applied: AppliedRedemption): number {
  return input.context.program.rewards.find((r) => r.id === applied.identifier)?.limits?.budgetCents === undefined ? 0 : applied.amountCents;
}

function toCommitted(a: AppliedRedemption, sourceKey: string): CommittedRedemption {
  return {
    rewardId: a.identifier, appliedDiscountGuid: a.appliedDiscountGuid, multiItemDiscountGuid: a.multiItemDiscountGuid,
    quantity: a.quantity, points: a.pointsCost, amountCents: a.amountCents, sourceKey,
  };
}

/** The evaluation as this request's own debits had not happened yet, and the sourceKeys of its fresh redemptions. */
async function prepare(input: RedeemInput, split: RedeemedSplit): Promise<{ evaluation: CheckEvaluation; keys: string[]; before: number }> {
  const keys = redemptionSourceKeys(input.transactionGuid, split.fresh);
  const already = input.rerun === false ? new Map<string, number>() : await committedDebits(input.models, input.member._id, keys);
  // Evaluate against the balance before this request's own (earlier, committed) debits. The
  // member projection is enough here: each debit is decided again on the ledger head.
  const before = input.member.pointsBalance + [...already.values()].reduce((s, p) => s + p, 0);
  // A first run holds no usage of its own: units under its keys are an earlier redemption's of the same discount.
  const evaluation = await evaluateCheck({ ...input, split, overrides: { balance: before, ownSourceKeys: input.rerun === false ? [] : keys } });
  return { evaluation, keys, before };
}

const hasDiscount = (r: SubmittedRedemption): boolean => (r.appliedDiscountGuid ?? r.multiItemDiscountGuid ?? null) !== null;

/** Re-validates and commits; see the module comment for the guarantees. */
export async function redeem(input: RedeemInput): Promise<RedeemResult> {
  // A first run assumes its discounts fresh (no read of their records); a re-run looks them up.
  const firstRun = input.rerun === false;
  let prepared = await prepare(input, firstRun ? assumeFresh(input.check, input.redemptions) : await splitSubmitted(input.models, input.context, input.member, input.check, input.redemptions));
  // The engine refused a discount that an earlier REDEEM may have redeemed (its points or usage
  // already spent on it): decide on the records, as a re-run does. Nothing is debited yet.
  if (firstRun && prepared.evaluation.validation.rejected.some((r) => hasDiscount(r.redemption))) {
    prepared = await prepare(input, await splitSubmitted(input.models, input.context, input.member, input.check, input.redemptions));
  }
  const { evaluation, keys, before } = prepared;
  const appliedKeys = keysOfApplied(evaluation, keys);
  const result: RedeemResult = { evaluation, offers: evaluation.offers, ...earlier(evaluation), balance: before };
  const pending = evaluation.validation.applied.map((a, i) => ({ a, key: appliedKeys[i] as string }));
  // The answer's balance: the member's when nothing is debited, else the last debit's result.
  let balance = input.member.pointsBalance;
  const running: Running = { start: input.member };
  const answeredEarlier = new Set<string>();
  try {
    for (const { a, key } of pending) {
      const debited = await debit(input, a, key, running);
      if (debited.ok) {
        if (debited.balanceAfter !== null) balance = debited.balanceAfter;
        result.applied.push(a);
        result.committed.push(toCommitted(a, key));
      } else if (debited.reason === 'EARLIER') {
        answerEarlier(input, result, raw(evaluation, a), debited.record);
        answeredEarlier.add(key);
      } else {
        result.rejected.push({ redemption: raw(evaluation, a), reason: debited.reason, message: MESSAGES[debited.reason] });
      }
    }
  } catch (err) {
    input.logger.error({ err: (err as Error).message, transactionGuid: input.transactionGuid }, 'redeem failed mid-way; answering with what committed');
    return withOffersAfter(input, await settleFromLedger(input, result, pending.filter((p) => !answeredEarlier.has(p.key))));
  }
  result.balance = balance;
  return withOffersAfter(input, result);
}

/**
 * A first run's redemption whose discount an earlier request redeemed: applied from that record
 * (or refused when it was reversed), and recorded as such for replay (`already`, `refused`), as
 * if the records had been read up front.
 */
function answerEarlier(input: RedeemInput, result: RedeemResult, submitted: SubmittedRedemption, record: RedemptionRow): void {
  const ev = result.evaluation;
  const redemptions = ev.redemptions.filter((r) => r !== submitted);
  if (record.reversedAt) {
    const refusal = { redemption: submitted, reason: 'ALREADY_REVERSED' as const, message: REVERSED_MESSAGE };
    result.rejected.push(refusal);
    result.evaluation = { ...ev, redemptions, refused: [...ev.refused, refusal] };
    return;
  }
  const answer: AlreadyRedeemed = answerFromRecord(record, submitted, input.context.program);
  result.applied.push(answer.applied);
  result.committed.push(answer.committed);
  result.evaluation = { ...ev, redemptions, already: [...ev.already, answer] };
}

/** What is decided before any debit: earlier-redeemed ones applied, refused and invalid ones rejected. */
function earlier(evaluation: CheckEvaluation): Pick<RedeemResult, 'applied' | 'rejected' | 'committed'> {
  return {
    applied: evaluation.already.map((a) => a.applied),
    committed: evaluation.already.map((a) => a.committed),
    rejected: [...evaluation.refused, ...evaluation.validation.rejected],
  };
}

/** Offers as they are after the debits; on a failure the offers evaluated before them stand. */
async function withOffersAfter(input: RedeemInput, result: RedeemResult): Promise<RedeemResult> {
  try {
    return { ...result, offers: await offersAfterRedeem(input, result.evaluation, result.applied, result.balance) };
  } catch (err) {
    input.logger.warn({ err: (err as Error).message, transactionGuid: input.transactionGuid }, 'offers after redeem not computed; answering the earlier ones');
    return result;
  }
}

/** The submitted redemption an applied one came from (for a rejection that must echo it). */
function raw(evaluation: CheckEvaluation, a: AppliedRedemption): SubmittedRedemption {
  return evaluation.redemptions.find((r) => (a.appliedDiscountGuid !== null && r.appliedDiscountGuid === a.appliedDiscountGuid)
    || (a.multiItemDiscountGuid !== null && r.multiItemDiscountGuid === a.multiItemDiscountGuid))
    ?? { identifier: a.identifier, appliedDiscountGuid: a.appliedDiscountGuid, multiItemDiscountGuid: a.multiItemDiscountGuid, quantity: a.quantity };
}

/** After an unexpected failure: whatever the ledger holds is the truth; the rest is rejected. */
async function settleFromLedger(input: RedeemInput, result: RedeemResult, pending: { a: AppliedRedemption; key: string }[]): Promise<RedeemResult> {
  const committed = await committedDebits(input.models, input.member._id, pending.map((p) => p.key));
  const settled: RedeemResult = { ...result, ...earlier(result.evaluation) };
  for (const { a, key } of pending) {
    if (committed.has(key) || (a.pointsCost === 0 && result.applied.includes(a))) {
      settled.applied.push(a);
      settled.committed.push(toCommitted(a, key));
    } else {
      settled.rejected.push({ redemption: raw(result.evaluation, a), reason: 'UNAVAILABLE', message: MESSAGES.UNAVAILABLE });
    }
  }
  settled.balance = (await readBalance(input.models, input.member._id).catch(() => ({ balance: result.balance }))).balance;
  return settled;
}
