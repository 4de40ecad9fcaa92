/**
 * The POS simulator's sample check: the demo program's burger menu (two Classic Burgers and
 * Fries). The check is kept between commands in `.run/pos-visit.json` so a whole visit —
 * inquire, redeem, accrue, reverse — happens on one check, as at a real register.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the visit is kept (POS_STATE overrides it, e.g. for tests). */
const STATE_FILE = process.env.POS_STATE ?? '.run/pos-visit.json';

const MENU = {
  burger: { item: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', group: 'a1f0c3d2-1001-4b5e-9c1a-000000001001', name: 'Classic Burger', cents: 899 },
  fries: { item: 'a1f0c3d2-0010-4b5e-9c1a-000000000010', group: 'a1f0c3d2-1002-4b5e-9c1a-000000001002', name: 'Fries', cents: 349 },
} as const;

export interface Line { guid: string; kind: keyof typeof MENU; discountGuid?: string; discountCents?: number; rewardId?: string }

/** What the simulator remembers about the visit in progress. */
export interface Visit {
  checkGuid: string;
  orderGuid: string;
  lines: Line[];
  checkDiscount?: { guid: string; cents: number; rewardId: string };
  loyaltyIdentifier?: string;
  /** Toast-Transaction-GUID of each step, by type (what `reverse` names). */
  transactions: Record<string, string>;
}

export function newVisit(): Visit {
  const line = (kind: keyof typeof MENU): Line => ({ guid: randomUUID(), kind });
  return { checkGuid: randomUUID(), orderGuid: randomUUID(), lines: [line('burger'), line('burger'), line('fries')], transactions: {} };
}

export function loadVisit(): Visit {
  if (!existsSync(STATE_FILE)) return newVisit();
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Visit;
}

export function saveVisit(visit: Visit): void {
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(visit, null, 2)}\n`);
}

const dollars = (cents: number): number => cents / 100;

function loyaltyDiscount(guid: string, cents: number, rewardId: string) {
  return {
    guid, entityType: 'AppliedLoyaltyProviderDiscount', name: rewardId, discountAmount: dollars(cents),
    processingState: 'PENDING_APPLIED', loyaltyDetails: { vendor: 'INTEGRATION', referenceId: rewardId },
  };
}

function selection(line: Line) {
  const m = MENU[line.kind];
  const net = m.cents - (line.discountCents ?? 0);
  return {
    guid: line.guid, entityType: 'MenuItemSelection', displayName: m.name, quantity: 1,
    preDiscountPrice: dollars(m.cents), price: dollars(net), voided: false,
    item: { guid: m.item, entityType: 'MenuItem' }, itemGroup: { guid: m.group, entityType: 'MenuGroup' },
    appliedDiscounts: line.discountGuid ? [loyaltyDiscount(line.discountGuid, line.discountCents ?? 0, line.rewardId ?? '')] : [],
    modifiers: [],
  };
}

/** The Toast check of the visit; `paid` adds a captured card payment and closes it. */
export function toastCheck(visit: Visit, paid = false) {
  const lineCents = visit.lines.reduce((s, l) => s + MENU[l.kind].cents - (l.discountCents ?? 0), 0);
  const due = Math.max(0, lineCents - (visit.checkDiscount?.cents ?? 0));
  const now = new Date().toISOString();
  return {
    guid: visit.checkGuid, entityType: 'Check', displayNumber: '42', paymentStatus: paid ? 'CLOSED' : 'OPEN',
    amount: dollars(due), taxAmount: 0, totalAmount: dollars(due), openedDate: now,
    selections: visit.lines.map(selection),
    appliedDiscounts: visit.checkDiscount ? [loyaltyDiscount(visit.checkDiscount.guid, visit.checkDiscount.cents, visit.checkDiscount.rewardId)] : [],
    payments: paid ? [{ guid: randomUUID(), entityType: 'OrderPayment', type: 'CREDIT', amount: dollars(due), tipAmount: 0, paymentStatus: 'CAPTURED', paidDate: now }] : [],
    ...(paid ? { paidDate: now, closedDate: now } : {}),
  };
}
