/**
 * Replay of one stored Toast transaction. Under its own rule set the engine must reproduce what
 * was answered and posted — offers, amounts, applied and rejected redemptions, balance, points,
 * the ledger debits or credit — and any difference is a mismatch (a bug signal). Against another
 * version or a draft, the report lists how the engine's decision would change.
 *
 * Reads only. Inputs come from what was recorded with the transaction: INQUIRE/REDEEM keep their
 * normalised check and the member facts the engine saw (server/loyalty/offers/recorded-evaluation.ts);
 * an ACCRUE's accrual keeps its check and the member snapshot at ACCEPT.
 */
import { differences, type Difference } from '../../rules/replay/differences.js';
import { accrualOutcome, checkOutcome, runRecorded, type EngineRun } from '../../rules/replay/outcome.js';
import type { MemberState, NormalizedCheck, Program } from '../../rules/index.js';
import { computePoints } from '../loyalty/accrual/accrual.js';
import { offersAfterRedeem } from '../loyalty/redemption/after-redeem.js';
import type { CheckEvaluation } from '../loyalty/offers/check-evaluation.js';
import { recordedEvaluationOf, type RecordedEvaluation } from '../loyalty/offers/recorded-evaluation.js';
import type { Models } from '../store/models/index.js';
import { answeredView, pointsInMessage, replayedView, type ReplayedAnswer } from './answer-view.js';
import { findReplayTarget, type StoredAccrual, type StoredTransaction } from './find-transaction.js';
import { ruleSetByHash, type RuleSet, type RuleSetResult } from './rule-sets.js';

export interface ReplayReport {
  transactionGuid: string;
  type: string;
  programId: string;
  restaurantGuid: string;
  /** The instant the engine evaluated (ISO). */
  at: string;
  ruleSet: string;
  /** True when the replay under the transaction's own rule set matches what was answered and posted. */
  reproduced: boolean;
  /** Answer/posting (before) versus replay (after); empty when reproduced. */
  mismatches: Difference[];
  /** The engine's decision under the own rule set (cents, reasons, points). */
  outcome: unknown;
  against?: { ruleSet: string; differences: Difference[]; outcome: unknown };
}

export type ReplayResult = { ok: true; report: ReplayReport } | { ok: false; message: string; errors?: { path: string; message: string }[] };

export interface ReplayOptions {
  restaurantGuid?: string;
  /** Resolves the other rule set once the transaction's program is known. */
  against?: (programId: string) => Promise<RuleSetResult>;
}

export async function replayTransaction(models: Models, transactionGuid: string, options: ReplayOptions = {}): Promise<ReplayResult> {
  const found = await findReplayTarget(models, transactionGuid, options.restaurantGuid);
  if (!found.ok) return found;
  const t = found.target;
  const programId = t.kind === 'CHECK' ? t.doc.programId : t.accrual.programId;
  let other: RuleSet | undefined;
  if (options.against) {
    const r = await options.against(programId);
    if (!r.ok) return r;
    other = r.ruleSet;
  }
  return t.kind === 'CHECK' ? replayCheck(models, t.doc, other) : replayAccrual(models, t.accrual, t.doc, transactionGuid, other);
}

async function replayCheck(models: Models, doc: StoredTransaction, other?: RuleSet): Promise<ReplayResult> {
  const rec = recordedEvaluationOf(doc.evaluation);
  if (!rec || doc.responseBody == null) {
    return { ok: false, message: `${doc.type} ${doc.transactionGuid} was recorded before evaluations were stored with transactions: it cannot be replayed (transactions recorded since can)` };
  }
  const own = await ruleSetByHash(models, doc.programId, rec.ruleSetHash);
  if (!own.ok) return own;
  const run = await runRecorded(own.ruleSet.program, rec);
  const answer = await replayedAnswer(doc, own.ruleSet.program, rec, run);
  const mismatches = differences(answeredView(doc.type, doc.responseBody), replayedView(doc.type, answer));
  if (doc.type === 'LOYALTY_REDEEM') mismatches.push(...await redeemPostingMismatches(models, doc, rec, run.validation.applied));
  const report: ReplayReport = {
    transactionGuid: doc.transactionGuid, type: doc.type, programId: doc.programId, restaurantGuid: doc.restaurantGuid, at: rec.at,
    ruleSet: own.ruleSet.label, reproduced: mismatches.length === 0, mismatches, outcome: checkOutcome(run),
  };
  if (other) {
    const outcome = checkOutcome(await runRecorded(other.program, rec));
    report.against = { ruleSet: other.label, differences: differences(report.outcome, outcome), outcome };
  }
  return { ok: true, report };
}

/**
 * The answer the webhook built: redemptions an earlier REDEEM had debited come from their record
 * (`already`, `refused`), the rest from the engine; a REDEEM answers the balance after its debits
 * and the offers as they stand after them (server/loyalty/redemption/after-redeem.ts).
 */
async function replayedAnswer(doc: StoredTransaction, program: Program, rec: RecordedEvaluation, run: EngineRun): Promise<ReplayedAnswer> {
  const already = rec.already ?? [];
  const applied = [...already.map((a) => a.applied), ...run.validation.applied];
  const rejected = [...(rec.refused ?? []), ...run.validation.rejected];
  const answer: ReplayedAnswer = { offers: run.offers, applied, rejected, balance: rec.member.pointsBalance, earnsPoints: run.earn.points };
  if (doc.type !== 'LOYALTY_REDEEM') return answer;
  const balance = rec.member.pointsBalance - run.validation.applied.reduce((s, a) => s + a.pointsCost, 0);
  const context = { restaurantGuid: rec.locationGuid, programId: doc.programId, timezone: '', program, ruleSetHash: rec.ruleSetHash };
  const evaluation: Pick<CheckEvaluation, 'state' | 'already' | 'check' | 'prepared'> = { state: rec.member, already, check: rec.check, prepared: run.prepared };
  const after = await offersAfterRedeem({ context, now: new Date(rec.at) }, evaluation as CheckEvaluation, applied, balance);
  return { ...answer, offers: after, balance };
}

/** What the REDEEM committed (its record and its ledger debits) versus what the replay applies. */
async function redeemPostingMismatches(models: Models, doc: StoredTransaction, rec: RecordedEvaluation, fresh: { identifier: string; quantity: number; pointsCost: number; amountCents: number }[]): Promise<Difference[]> {
  const committed = doc.redemptions ?? [];
  const entries = doc.memberId && committed.length > 0
    ? await models.LedgerEntry.find({ memberId: doc.memberId, sourceKey: { $in: committed.map((c) => c.sourceKey) } }, { delta: 1 }).lean()
    : [];
  const posted = {
    redemptions: committed.map((c) => ({ rewardId: c.rewardId, quantity: c.quantity, points: c.points, amountCents: c.amountCents })),
    ledgerPoints: entries.reduce((s, e) => s - e.delta, 0),
  };
  const applied = [...(rec.already ?? []).map((a) => a.applied), ...fresh];
  const replayed = {
    redemptions: applied.map((a) => ({ rewardId: a.identifier, quantity: a.quantity, points: a.pointsCost, amountCents: a.amountCents })),
    ledgerPoints: applied.reduce((s, a) => s + a.pointsCost, 0),
  };
  return differences({ posted }, { posted: replayed });
}

async function replayAccrual(models: Models, acc: StoredAccrual, doc: StoredTransaction | null, transactionGuid: string, other?: RuleSet): Promise<ReplayResult> {
  const own = await ruleSetByHash(models, acc.programId, acc.ruleSetHash);
  if (!own.ok) return own;
  const check = acc.check as NormalizedCheck;
  const snapshot = acc.memberSnapshot as MemberState | null;
  // A claimed check was accepted without a member; its points were computed for the claimer later.
  const atAccept = acc.claimedAt ? null : snapshot;
  const points = (program: Program, member: MemberState | null) => computePoints(program, acc.restaurantGuid, check, member, acc.checkTime);
  const [accepted, posted] = await Promise.all([points(own.ruleSet.program, atAccept), points(own.ruleSet.program, snapshot)]);
  const entry = acc.memberId
    ? await models.LedgerEntry.findOne({ memberId: acc.memberId, sourceKey: { $in: [`accrual:${String(acc._id)}`, `claim:${String(acc._id)}`] } }, { delta: 1 }).lean()
    : null;
  const answeredMessage = doc?.responseBody ? (JSON.parse(doc.responseBody) as { checkResponse?: { userMessage?: string } }).checkResponse?.userMessage : undefined;
  const wasPosted = acc.points !== null && acc.points !== undefined;
  const answered = {
    answeredPoints: answeredMessage === undefined ? acc.expectedPoints : pointsInMessage(answeredMessage) ?? 0,
    expectedPoints: acc.expectedPoints,
    posted: wasPosted ? { points: acc.points, breakdown: acc.breakdown, ruleSetVersion: acc.ruleSetVersion } : null,
    ledgerPoints: entry?.delta ?? 0,
  };
  const replayed = {
    answeredPoints: accepted.points,
    expectedPoints: accepted.points,
    posted: wasPosted ? { points: posted.points, breakdown: posted.breakdown, ruleSetVersion: posted.ruleSetVersion } : null,
    ledgerPoints: wasPosted ? posted.points : 0,
  };
  const mismatches = differences(answered, replayed);
  const report: ReplayReport = {
    transactionGuid, type: 'LOYALTY_ACCRUE', programId: acc.programId, restaurantGuid: acc.restaurantGuid, at: acc.checkTime.toISOString(),
    ruleSet: own.ruleSet.label, reproduced: mismatches.length === 0, mismatches, outcome: accrualOutcome(posted),
  };
  if (other) {
    const outcome = accrualOutcome(await points(other.program, snapshot));
    report.against = { ruleSet: other.label, differences: differences(report.outcome, outcome), outcome };
  }
  return { ok: true, report };
}
