/**
 * A member's ledger for operators, newest first, one bounded page at a time. The cursor is
 * opaque to callers (base64url of the last seq shown) and reads by the unique (memberId, seq)
 * index, so a page costs the same on the first and the thousandth page.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../../store/models/index.js';
import type { LedgerEntry } from '../../ledger/ledger.js';
import { ledgerItems, type LedgerItem } from './ledger-items.js';

export interface LedgerLine {
  seq: number;
  kind: string;
  delta: number;
  balanceAfter: number;
  /** Points asked for when the balance floor clamped the entry; null otherwise. */
  requestedDelta: number | null;
  createdAt: string;
  /** Where the points came from. */
  provenance: {
    ruleSetVersion: string | null;
    ruleIds: string[];
    transactionGuid: string | null;
    checkGuid: string | null;
    restaurantGuid: string | null;
    restaurantName: string | null;
    /** The menu items the entry is about (what the check bought; what a reward discounted), by name (ledger-items.ts). */
    items: LedgerItem[];
    /** Why an entry no Toast request asked for directly was made (e.g. `DISCOUNT_GONE_AT_ACCRUE`). */
    cause: string | null;
    /** ADJUST: the operator's reason and key fingerprint. */
    reason: string | null;
    by: string | null;
  };
}

export interface LedgerPage {
  entries: LedgerLine[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

/** The seq a cursor names, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const seq = Number(match[1]);
  return seq >= 1 ? seq : null;
}

/** One page of entries older than `beforeSeq` (all when null). */
export async function ledgerPage(models: Models, memberId: Types.ObjectId, beforeSeq: number | null, limit: number): Promise<LedgerPage> {
  const filter = beforeSeq === null ? { memberId } : { memberId, seq: { $lt: beforeSeq } };
  const rows = await models.LedgerEntry.find(filter).sort({ seq: -1 }).limit(limit + 1).lean<LedgerEntry[]>();
  const page = rows.slice(0, limit);
  const guids = [...new Set(page.map((e) => e.refs?.restaurantGuid).filter((g): g is string => !!g))];
  const locations = guids.length ? await models.Location.find({ _id: { $in: guids } }, { name: 1 }).lean() : [];
  const names = new Map(locations.map((l) => [String(l._id), l.name]));
  const items = await ledgerItems(models, page);
  const entries = page.map((e) => ledgerLine(e, e.refs?.restaurantGuid ? names.get(e.refs.restaurantGuid) ?? null : null, items.get(e.seq) ?? []));
  const last = page[page.length - 1];
  return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
}

/** One entry as operators read it. */
export function ledgerLine(e: LedgerEntry, restaurantName: string | null, items: LedgerItem[] = []): LedgerLine {
  return {
    seq: e.seq,
    kind: e.kind,
    delta: e.delta,
    balanceAfter: e.balanceAfter,
    requestedDelta: e.requestedDelta ?? null,
    createdAt: e.createdAt.toISOString(),
    provenance: {
      ruleSetVersion: e.provenance?.ruleSetVersion ?? null,
      ruleIds: e.provenance?.ruleIds ?? [],
      transactionGuid: e.refs?.transactionGuid ?? null,
      checkGuid: e.refs?.checkGuid ?? null,
      restaurantGuid: e.refs?.restaurantGuid ?? null,
      restaurantName,
      items,
      cause: e.cause ?? null,
      reason: e.note?.reason ?? null,
      by: e.note?.by ?? null,
    },
  };
}
