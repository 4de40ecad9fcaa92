/**
 * The per-member ledger checks of `ledger:verify` (ARCHITECTURE §4, invariants 1–3, and the
 * projections kept with the ledger), as a pure streaming fold: entries are fed in `seq` order and
 * the running head, the member's sourceKeys and its lines for the lot replay are kept, so memory
 * is bounded by one member's chain.
 */
import { AllPages, lotTotals, replayLots, type LedgerLine, type LotState } from '../policy/expiry-lots.js';
import type { Lot } from '../policy/lot-queue.js';
import { storedLots, type LotFields } from './lot-projection.js';

/** Every kind of violation verification reports. */
export const violationKinds = [
  /** `seq` is not 1..n without gaps or repeats (invariant 1, chain continuity). */
  'SEQ_GAP',
  /** An entry's `balanceAfter` ≠ previous `balanceAfter` + `delta` (invariant 1). */
  'BALANCE_CHAIN_BROKEN',
  /** The member's `pointsBalance` ≠ Σ deltas or ≠ the last `balanceAfter` (invariant 1). */
  'PROJECTION_MISMATCH',
  /** A REDEEM left the balance below zero (invariant 2). */
  'REDEEM_BELOW_ZERO',
  /** Two entries of one member share a sourceKey: an effect applied twice (invariant 3). */
  'DUPLICATE_SOURCE_KEY',
  /** Ledger entries whose member does not exist. */
  'ORPHAN_ENTRIES',
  /** More than one non-reversed accrual for one restaurant + check (invariant 5). */
  'DUPLICATE_ACTIVE_ACCRUAL',
  /** The member's PER_LOT lot projection ≠ a replay of its ledger up to `lotsSeq`. */
  'LOTS_MISMATCH',
  /** A reward usage counter on the member ≠ its holders, or held by no non-reversed redemption. */
  'USAGE_MISMATCH',
  /** A reward budget counter ≠ Σ amount of the reward's non-reversed redemptions. */
  'BUDGET_MISMATCH',
] as const;

export type ViolationKind = (typeof violationKinds)[number];

/** One broken invariant. Ids only: never names, phones, emails or keys. */
export interface Violation {
  kind: ViolationKind;
  memberId?: string;
  /** Ledger entry `seq` where the chain broke, when it is about one entry. */
  seq?: number;
  /** Accrual ids, for DUPLICATE_ACTIVE_ACCRUAL. */
  accrualIds?: string[];
  /** `<programId>|<rewardId>`, for BUDGET_MISMATCH. */
  budgetId?: string;
  detail: string;
}

/** The ledger fields the checks read. */
export interface ChainEntry {
  seq: number;
  delta: number;
  balanceAfter: number;
  kind: string;
  sourceKey: string;
  createdAt: Date;
}

/** The member projection fields compared with the chain. */
export interface MemberProjection extends LotFields {
  pointsBalance?: number | null;
  ledgerSeq?: number | null;
}

/** True when two lot states hold the same lots (in the same head, pages and tail), deficit and traces. */
export function sameLots(a: LotState, b: LotState): boolean {
  const lots = (l: Lot[]): string => JSON.stringify(l.map((x) => [new Date(x.earnedAt).getTime(), x.points]));
  const parts = (st: LotState): string => JSON.stringify([st.head, ...(st.pages instanceof AllPages ? st.pages.pages : []), st.tail].map((q) => lots(q.toArray())));
  return a.deficit === b.deficit && a.pages.count === b.pages.count && parts(a) === parts(b)
    && JSON.stringify(a.traces.map((t) => [t.sourceKey, lots(t.taken)])) === JSON.stringify(b.traces.map((t) => [t.sourceKey, lots(t.taken)]));
}

/** Folds one member's entries (in `seq` order) into violations. */
export class ChainCheck {
  private expectedSeq = 1;
  private balance = 0;
  private sum = 0;
  private lastSeq = 0;
  private entries = 0;
  private readonly sourceKeys = new Set<string>();
  private readonly lines: (LedgerLine & { seq: number })[] = [];
  readonly violations: Violation[] = [];

  constructor(readonly memberId: string) {}

  /** Checks one entry against the running head. */
  add(entry: ChainEntry): void {
    const memberId = this.memberId;
    if (entry.seq !== this.expectedSeq) {
      this.violations.push({ kind: 'SEQ_GAP', memberId, seq: entry.seq, detail: `expected seq ${this.expectedSeq}, found ${entry.seq}` });
    }
    if (entry.balanceAfter !== this.balance + entry.delta) {
      this.violations.push({ kind: 'BALANCE_CHAIN_BROKEN', memberId, seq: entry.seq, detail: `balanceAfter ${entry.balanceAfter} ≠ ${this.balance} + ${entry.delta}` });
    }
    if (entry.kind === 'REDEEM' && entry.balanceAfter < 0) {
      this.violations.push({ kind: 'REDEEM_BELOW_ZERO', memberId, seq: entry.seq, detail: `redemption left balance ${entry.balanceAfter}` });
    }
    if (this.sourceKeys.has(entry.sourceKey)) {
      this.violations.push({ kind: 'DUPLICATE_SOURCE_KEY', memberId, seq: entry.seq, detail: 'sourceKey already used by an earlier entry of this member' });
    }
    this.sourceKeys.add(entry.sourceKey);
    this.lines.push({ seq: entry.seq, kind: entry.kind, delta: entry.delta, sourceKey: entry.sourceKey, createdAt: entry.createdAt });
    this.expectedSeq = entry.seq + 1;
    this.balance = entry.balanceAfter;
    this.sum += entry.delta;
    this.lastSeq = entry.seq;
    this.entries++;
  }

  /**
   * Compares the folded chain with the member's projection (null: the member does not exist)
   * and returns every violation found for this member.
   */
  finish(member: MemberProjection | null): Violation[] {
    const memberId = this.memberId;
    if (member === null) {
      this.violations.push({ kind: 'ORPHAN_ENTRIES', memberId, detail: `${this.entries} ledger entries for a member that does not exist` });
      return this.violations;
    }
    const projected = member.pointsBalance ?? 0;
    const projectedSeq = member.ledgerSeq ?? 0;
    if (projected !== this.sum || projected !== this.balance || this.sum !== this.balance || projectedSeq !== this.lastSeq) {
      this.violations.push({
        kind: 'PROJECTION_MISMATCH', memberId,
        detail: `pointsBalance ${projected} (ledgerSeq ${projectedSeq}), Σ deltas ${this.sum}, last balanceAfter ${this.balance} (seq ${this.lastSeq})`,
      });
    }
    this.checkLots(member);
    return this.violations;
  }

  /** The lot projection against a replay of the entries it covers (a projection behind the ledger is caught up on read). */
  private checkLots(member: MemberProjection): void {
    const stored = storedLots(member);
    if (!stored) return; // not built yet: built from the ledger on first use
    const seq = member.lotsSeq ?? 0;
    if (seq > this.lastSeq) {
      this.violations.push({ kind: 'LOTS_MISMATCH', memberId: this.memberId, detail: `lotsSeq ${seq} is past the ledger head ${this.lastSeq}` });
      return;
    }
    const replayed = replayLots(this.lines.filter((l) => l.seq <= seq));
    const totals = lotTotals(stored);
    if (!(stored.pages instanceof AllPages) || member.lotCount !== totals.lots || member.lotPoints !== totals.points) {
      this.violations.push({ kind: 'LOTS_MISMATCH', memberId: this.memberId, detail: `lotCount ${member.lotCount}, lotPoints ${member.lotPoints}, lotPageCount ${member.lotPageCount} do not match the stored lots (${totals.lots} lots, ${totals.points} points)` });
    } else if (!sameLots(stored, replayed)) {
      const sum = (st: LotState): number => lotTotals(st).points - st.deficit;
      this.violations.push({ kind: 'LOTS_MISMATCH', memberId: this.memberId, detail: `lots at seq ${seq} hold ${sum(stored)} points, the ledger replay ${sum(replayed)} (or their dates or traces differ)` });
    }
  }
}
