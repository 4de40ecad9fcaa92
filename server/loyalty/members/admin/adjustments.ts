/**
 * Operator balance adjustments: one ADJUST ledger entry per idempotency key. The key becomes
 * the entry's sourceKey, so any number of concurrent copies of one request append exactly one
 * entry (the ledger's unique (memberId, sourceKey) index decides; see ../ledger.ts). A debit
 * never takes the balance below zero unless the program's `policies.adjustments` allows it.
 */
import type { Program } from '../../../../rules/index.js';
import type { Models } from '../../../store/models/index.js';
import { appendEntry, type LedgerEntry } from '../../ledger/ledger.js';
import type { MemberRecord } from '../members.js';

export interface AdjustmentRequest {
  /** Non-zero integer points; negative takes points away. */
  points: number;
  reason: string;
  idempotencyKey: string;
  /** Fingerprint of the admin key that asked. */
  by: string;
}

export type AdjustmentOutcome =
  | { status: 'APPLIED'; entry: LedgerEntry }
  /** The same request again: the entry the first copy appended. */
  | { status: 'REPLAYED'; entry: LedgerEntry }
  /** The key was used before for a different adjustment of this member. */
  | { status: 'KEY_REUSED'; entry: LedgerEntry }
  | { status: 'BELOW_FLOOR'; balance: number };

export function adjustmentSourceKey(idempotencyKey: string): string {
  return `adjust:${idempotencyKey}`;
}

function sameRequest(entry: LedgerEntry, req: AdjustmentRequest): boolean {
  return entry.kind === 'ADJUST' && entry.delta === req.points && entry.note?.reason === req.reason;
}

export async function adjustPoints(models: Models, program: Program, member: MemberRecord, req: AdjustmentRequest, now: Date): Promise<AdjustmentOutcome> {
  const outcome = await appendEntry(models, {
    programId: member.programId, memberId: member._id, delta: req.points, kind: 'ADJUST',
    sourceKey: adjustmentSourceKey(req.idempotencyKey),
    floor: program.policies.adjustments?.allowNegativeBalance ? 'ALLOW_NEGATIVE' : 'REJECT_BELOW_ZERO',
    provenance: { ruleSetVersion: program.version },
    note: { reason: req.reason, by: req.by },
  }, now);
  switch (outcome.status) {
    case 'INSUFFICIENT': return { status: 'BELOW_FLOOR', balance: outcome.balance };
    case 'APPLIED': return { status: 'APPLIED', entry: outcome.entry };
    case 'DUPLICATE': return sameRequest(outcome.entry, req) ? { status: 'REPLAYED', entry: outcome.entry } : { status: 'KEY_REUSED', entry: outcome.entry };
  }
}
