/**
 * The benchmark's request mix: what a busy register sends, by share of requests. Every request
 * carries a fresh Toast-Transaction-GUID; ACCRUEs pay distinct checks; REDEEMs spend a Free
 * Fries of a member who can afford it; REVERSEs name earlier accepted ACCRUEs and REDEEMs, each
 * at most once. Bodies are built with the POS simulator's builders (scripts/pos).
 */
import { randomUUID } from 'node:crypto';
import { newVisit } from '../../scripts/pos/check.js';
import { applyOffer, checkInfo, toastBody, toastHeaders, type PosType } from '../../scripts/pos/requests.js';
import type { BenchMember, Reversible } from './seed.js';

export type MixType = Extract<PosType, 'INQUIRE' | 'ACCRUE' | 'REDEEM' | 'SEARCH' | 'REVERSE'>;

/** Share of each type in the load, in percent (issue 4 §10). */
export const MIX: readonly { type: MixType; percent: number }[] = [
  { type: 'INQUIRE', percent: 55 },
  { type: 'ACCRUE', percent: 25 },
  { type: 'REDEEM', percent: 12 },
  { type: 'SEARCH', percent: 5 },
  { type: 'REVERSE', percent: 3 },
];

/** The Free Fries reward of the demo program, priced as the POS would have it from INQUIRE. */
const FREE_FRIES = { identifier: 'free-fries', amount: 3.49 };

export interface PlannedRequest {
  type: MixType;
  headers: Record<string, string>;
  body: string;
  /** Called with the answer's status and body (REDEEM/ACCRUE feed later REVERSEs). */
  settle(status: number, body: string): { expected: boolean; rejectedRedemptions?: boolean };
}

/** Where the load driver takes its next request from (the mix, or one type only). */
export interface Planner {
  next(): PlannedRequest;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

export class Mix implements Planner {
  private readonly rich: BenchMember[];
  /** Accepted ACCRUE/REDEEM GUIDs not yet reversed; seeded with the normal checks of seeding. */
  private readonly reversible: Reversible[];
  private readonly cumulative: { type: MixType; upTo: number }[] = [];

  /** `only`: every request of this type instead of the register's mix (`bench:toast --only INQUIRE`). */
  constructor(private readonly members: BenchMember[], reversible: Reversible[], private readonly only?: MixType) {
    this.rich = members.filter((m) => m.rich);
    if (this.rich.length === 0) throw new Error('the mix needs members with points (rich share > 0)');
    this.reversible = [...reversible];
    let sum = 0;
    for (const { type, percent } of MIX) this.cumulative.push({ type, upTo: (sum += percent) });
  }

  private nextType(): MixType {
    if (this.only) return this.only === 'REVERSE' && this.reversible.length === 0 ? 'INQUIRE' : this.only;
    const r = Math.random() * 100;
    const hit = this.cumulative.find((c) => r < c.upTo) ?? this.cumulative[0];
    // With nothing left to reverse (only possible at the very start), ask for points instead.
    if (hit?.type === 'REVERSE' && this.reversible.length === 0) return 'INQUIRE';
    return hit?.type ?? 'INQUIRE';
  }

  private takeReversible(): Reversible {
    const i = Math.floor(Math.random() * this.reversible.length);
    const last = this.reversible.pop() as Reversible;
    if (i >= this.reversible.length) return last;
    const taken = this.reversible[i] as Reversible;
    this.reversible[i] = last;
    return taken;
  }

  next(): PlannedRequest {
    const type = this.nextType();
    const guid = randomUUID();
    const make = (member: string, info: unknown, settle: PlannedRequest['settle']): PlannedRequest => ({
      type, headers: toastHeaders(type, guid), body: JSON.stringify(toastBody(type, member, info)), settle,
    });
    const ok = (status: number) => ({ expected: status === 200 });
    switch (type) {
      case 'INQUIRE': {
        const m = pick(this.members);
        return make('checkTransactionInformation', checkInfo(newVisit(), m.id), ok);
      }
      case 'ACCRUE': {
        const m = pick(this.members);
        return make('checkTransactionInformation', checkInfo(newVisit(), m.id, [], true), (status) => {
          if (status === 200) this.reversible.push({ guid, id: m.id });
          return ok(status);
        });
      }
      case 'REDEEM': {
        const m = pick(this.rich);
        const visit = newVisit();
        const fries = visit.lines.find((l) => l.kind === 'fries');
        const redemption = applyOffer(visit, { ...FREE_FRIES, itemApplication: [{ selectionIdentifier: fries?.guid }] });
        return make('checkTransactionInformation', checkInfo(visit, m.id, [redemption]), (status, body) => {
          if (status !== 200) return ok(status);
          this.reversible.push({ guid, id: m.id });
          const rejected = (JSON.parse(body) as { checkResponse?: { rejectedRedemptions?: unknown[] } }).checkResponse?.rejectedRedemptions ?? [];
          return { expected: true, rejectedRedemptions: rejected.length > 0 };
        });
      }
      case 'SEARCH': {
        const m = pick(this.members);
        return make('searchTransactionInformation', { searchCriteria: { firstName: null, lastName: null, email: null, phone: m.phone } }, ok);
      }
      case 'REVERSE': {
        const target = this.takeReversible();
        return make('reverseTransactionInformation', { loyaltyIdentifier: target.id, transactionId: target.guid }, ok);
      }
    }
  }
}
