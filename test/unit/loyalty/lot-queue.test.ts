/**
 * PER_LOT lots kept so that a request's cost does not grow with their number (issue 11 §1): the
 * packed queue (16 bytes a lot, read at either end), the head / middle pages / tail model against
 * a flat one, INQUIRE's view (`lotsView`) answering what the whole outlook answers, and the
 * member fields an append reads and the update it makes.
 */
import { expect } from 'chai';
import { Binary } from 'mongodb';
import { lotsUpdate, nextLots, storedLots, type LotFields, type LotStep } from '../../../server/loyalty/ledger/lot-projection.js';
import { allLots, HiddenLot, lotTotals, LotWindow, PAGE_LOTS, replayLots, TRACE_LIMIT, type LedgerLine, type LotState } from '../../../server/loyalty/policy/expiry-lots.js';
import { LotQueue, type Lot } from '../../../server/loyalty/policy/lot-queue.js';
import { sameLots } from '../../../server/loyalty/ledger/ledger-chain-check.js';
import { lotsOutlook, lotsView, outlookView } from '../../../server/loyalty/policy/expiry.js';
import { outlookAnswers, viewAnswers } from '../../support/expiry-view.js';

const day = (n: number, hour = 17): Date => new Date(Date.UTC(2026, 0, 1 + n, hour));
const pairs = (q: LotQueue): [string, number][] => q.toArray().map((l) => [l.earnedAt.toISOString(), l.points]);

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PER_LOT lot queue', () => {
  it('keeps lots in date order, merging equal instants, and takes from the oldest', () => {
    const q = LotQueue.of([{ earnedAt: day(1), points: 10 }, { earnedAt: day(3), points: 30 }]);
    q.insert(day(2).getTime(), 20);
    q.insert(day(3).getTime(), 5);
    q.insert(day(4).getTime(), 40);
    expect(pairs(q)).to.deep.equal([[day(1).toISOString(), 10], [day(2).toISOString(), 20], [day(3).toISOString(), 35], [day(4).toISOString(), 40]]);
    expect(q.totalPoints).to.equal(105);
    const taken: Lot[] = [];
    expect(q.takeOldest(25, taken)).to.equal(0);
    expect(taken).to.deep.equal([{ earnedAt: day(1), points: 10 }, { earnedAt: day(2), points: 15 }]);
    // A returned lot goes back in front of what is left.
    q.insert(day(1).getTime(), 10);
    expect(pairs(q).map(([, p]) => p)).to.deep.equal([10, 5, 35, 40]);
    expect(q.takeOldest(100, [])).to.equal(10);
    expect([q.length, q.totalPoints]).to.deep.equal([0, 0]);
  });

  it('packs to 16 bytes a lot and unpacks to the same queue, through growth and consumption', () => {
    const q = LotQueue.empty();
    for (let i = 0; i < 1000; i++) q.insert(day(i % 400, i % 24).getTime(), i + 1);
    q.takeOldest(12_345, []);
    const bytes = q.pack();
    expect(bytes.byteLength).to.equal(q.length * 16);
    const back = LotQueue.unpack(bytes);
    expect(pairs(back)).to.deep.equal(pairs(q));
    expect(back.totalPoints).to.equal(q.totalPoints);
    // Unaligned bytes (as a BSON Binary inside a larger message) unpack too.
    const shifted = Buffer.alloc(bytes.byteLength + 3);
    bytes.copy(shifted, 3);
    expect(pairs(LotQueue.unpack(shifted.subarray(3)))).to.deep.equal(pairs(q));
    expect(() => LotQueue.unpack(Buffer.alloc(17))).to.throw(/not a whole number/);
  });

  it('lotsView answers what the whole outlook answers: soonest expiration and every reward date', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = random(seed);
      const q = LotQueue.empty();
      const n = Math.floor(rnd() * 40);
      for (let i = 0; i < n; i++) q.insert(day(Math.floor(rnd() * 60), rnd() < 0.5 ? 17 : 9).getTime(), 1 + Math.floor(rnd() * 120));
      const now = day(Math.floor(rnd() * 90), 12);
      const balance = Math.max(0, q.totalPoints - (rnd() < 0.2 ? Math.floor(rnd() * 50) : 0)) + (rnd() < 0.2 ? 30 : 0);
      const view = lotsView(q, 30, now, 'America/New_York');
      const whole = lotsOutlook(q, 30, now, 'America/New_York');
      expect(viewAnswers(view, balance), `seed ${seed}`).to.deep.equal(outlookAnswers(whole, now, balance));
      const wholeView = outlookView(whole, now);
      for (let cost = 0; cost <= q.totalPoints + 40; cost += 7) {
        expect(view.rewardExpiry(cost, balance), `seed ${seed} cost ${cost}`).to.deep.equal(wholeView.rewardExpiry(cost, balance));
      }
    }
  });
});

/** The lots as a flat list, sorted by instant (merged when equal), debits oldest first, the last TRACE_LIMIT redemptions remembered: the model without pages. */
function flatModel(lines: LedgerLine[]): [number, number][] {
  const lots: [number, number][] = [];
  const traces = new Map<string, [number, number][]>();
  const credit = (at: number, points: number): void => {
    let i = lots.length;
    while (i > 0 && lots[i - 1]![0] > at) i--;
    if (i > 0 && lots[i - 1]![0] === at) lots[i - 1]![1] += points;
    else lots.splice(i, 0, [at, points]);
  };
  for (const line of lines) {
    if (line.delta > 0 && line.kind === 'REVERSE_REDEEM') {
      let left = line.delta;
      for (const [at, points] of traces.get(line.sourceKey.slice('reverse:'.length)) ?? []) {
        const p = Math.min(points, left);
        if (p > 0) credit(at, p);
        left -= p;
      }
      if (left > 0) credit(line.createdAt.getTime(), left);
    } else if (line.delta > 0) credit(line.createdAt.getTime(), line.delta);
    else {
      let left = -line.delta;
      const taken: [number, number][] = [];
      while (left > 0 && lots.length > 0) {
        const take = Math.min(lots[0]![1], left);
        taken.push([lots[0]![0], take]);
        lots[0]![1] -= take;
        left -= take;
        if (lots[0]![1] === 0) lots.shift();
      }
      traces.set(line.sourceKey, taken);
      if (traces.size > TRACE_LIMIT) traces.delete(traces.keys().next().value!);
    }
  }
  return lots;
}

describe('PER_LOT lots in head, middle pages and tail', () => {
  /** Visits over `n` hours: mostly earning, some redeeming, some redemptions reversed. */
  function visits(seed: number, n: number): LedgerLine[] {
    const rnd = random(seed);
    const lines: LedgerLine[] = [];
    let balance = 0;
    const redeemed: string[] = [];
    for (let h = 0; h < n; h++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1) + h * 3600_000);
      const r = rnd();
      if (r < 0.9 || balance < 100) {
        const delta = 5 + Math.floor(rnd() * 40);
        lines.push({ kind: 'ACCRUE', delta, sourceKey: `a${h}`, createdAt });
        balance += delta;
      } else if (r < 0.98 || redeemed.length === 0) {
        const delta = Math.min(balance, 20 + Math.floor(rnd() * 180));
        lines.push({ kind: 'REDEEM', delta: -delta, sourceKey: `r${h}`, createdAt });
        redeemed.push(`r${h}:${delta}`);
        balance -= delta;
      } else {
        const [key, delta] = redeemed.splice(Math.floor(rnd() * redeemed.length), 1)[0]!.split(':') as [string, string];
        lines.push({ kind: 'REVERSE_REDEEM', delta: Number(delta), sourceKey: `reverse:${key}`, createdAt });
        balance += Number(delta);
      }
    }
    return lines;
  }

  it('holds the lots of the flat model, the tail between PAGE_LOTS and twice that once there are pages', () => {
    let paged = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const lines = visits(seed, 2000);
      const state = replayLots(lines);
      const flat = flatModel(lines);
      expect(allLots(state).toArray().map((l) => [l.earnedAt.getTime(), l.points]), `seed ${seed}`).to.deep.equal(flat);
      expect(lotTotals(state).lots).to.equal(flat.length);
      if (state.pages.count > 0) {
        paged++;
        expect(state.tail.length, `seed ${seed}`).to.be.within(PAGE_LOTS, 2 * PAGE_LOTS);
        expect(state.head.length, `seed ${seed}: the head is refilled while there are pages`).to.be.greaterThan(0);
      }
    }
    expect(paged, 'histories long enough to have pages').to.be.at.least(20);
  });

  it('answers from the head and the tail what all lots answer, and refuses (HiddenLot) what needs a page', () => {
    const lines: LedgerLine[] = [];
    for (let i = 0; i < 600; i++) lines.push({ kind: 'ACCRUE', delta: 10 + (i % 7), sourceKey: `a${i}`, createdAt: day(i) });
    const state = replayLots(lines);
    expect(state.pages.count).to.be.greaterThan(0);
    const all = allLots(state);
    const window = new LotWindow(state.head, state.tail, state.pages.lots, state.pages.points);
    expect([window.length, window.totalPoints]).to.deep.equal([all.length, all.totalPoints]);
    const tz = 'America/New_York';
    expect(state.head.length, 'the first page spilled became the head').to.equal(PAGE_LOTS);
    for (const [now, due] of [[day(380), 16], [day(530), 166]] as const) { // a few lots due, then more than the head holds
      const whole = lotsView(all, 365, now, tz);
      const fromWindow = lotsView(window, 365, now, tz);
      if (due < PAGE_LOTS) expect(fromWindow.soonest()).to.deep.equal(whole.soonest());
      else expect(() => fromWindow.soonest()).to.throw(HiddenLot);
      for (const cost of [1, 50, 250, 1000]) expect(fromWindow.rewardExpiry(cost, all.totalPoints)).to.deep.equal(whole.rewardExpiry(cost, all.totalPoints));
      expect(() => fromWindow.rewardExpiry(5000, all.totalPoints)).to.throw(HiddenLot); // ~380 lots of 13
    }
  });
});

describe('PER_LOT lots as stored on the member', () => {
  const stored = (state: LotState, seq: number, pagesRead: 'all' | 'oldest' | 'none'): LotFields => {
    const { $set } = lotsUpdate(state, seq);
    const pages = $set.lotPages as Buffer[];
    const read = pagesRead === 'all' ? pages : pagesRead === 'oldest' ? pages.slice(0, 1) : undefined;
    // As .lean() reads it: Binary, not Buffer.
    const bin = (b: Buffer): Binary => new Binary(b);
    return {
      ...$set, lotHead: bin($set.lotHead as Buffer), lotTail: bin($set.lotTail as Buffer), lotPages: read?.map(bin),
      lotTraces: ($set.lotTraces as { sourceKey: string; taken: Buffer }[]).map((t) => ({ ...t, taken: bin(t.taken) })),
    };
  };
  const line = (kind: string, delta: number, n: number): LedgerLine & { seq: number } => ({ kind, delta, sourceKey: `${kind}${n}`, createdAt: day(n), seq: n + 1 });

  it('moves the lots by an update carrying the head or the tail and at most one page ($pop / $push)', () => {
    const lines = Array.from({ length: 800 }, (_, i) => line('ACCRUE', 10, i));
    const state = replayLots(lines);
    expect(state.pages.count, 'pages, of which the oldest is read').to.be.at.least(2);
    const member = { ...stored(state, 800, 'oldest'), ledgerSeq: 800 };
    // A debit that empties the head takes the oldest page: read with the member, it is $pop-ed.
    const debit = nextLots(member, line('REDEEM', -10 * PAGE_LOTS, 800)) as LotStep; // the head: the first PAGE_LOTS lots
    expect(debit.$pop).to.deep.equal({ lotPages: -1 });
    expect(debit.$push).to.equal(undefined);
    expect(debit.$set).to.not.have.property('lotPages');
    // Read without the pages (a member read), it asks for the oldest page.
    expect(nextLots({ ...stored(state, 800, 'none'), ledgerSeq: 800 }, line('REDEEM', -10 * PAGE_LOTS, 800))).to.equal('page');
    expect(nextLots({ ...stored(state, 800, 'none'), ledgerSeq: 800 }, line('REDEEM', -10, 800))).to.have.property('$set');
    // A credit that fills the tail past 2 × PAGE_LOTS pushes its oldest PAGE_LOTS as a page.
    let credits = replayLots(lines);
    let seq = 800;
    let step: LotStep | 'page' | null = null;
    while (!(step && step !== 'page' && step.$push)) {
      step = nextLots({ ...stored(credits, seq, 'none'), ledgerSeq: seq }, line('ACCRUE', 10, seq));
      credits = replayLots([line('ACCRUE', 10, seq)], credits);
      seq++;
    }
    expect(step.$push!.lotPages.$each).to.have.length(1);
    expect(step.$push!.lotPages.$each[0]!.byteLength).to.equal(PAGE_LOTS * 16);
    // The stored state read back is the state replayed.
    expect(sameLots(storedLots(stored(credits, seq, 'all'))!, credits)).to.equal(true);
  });

  it('refuses a start read without the lots (INQUIRE\'s read) and one not at the entry\'s predecessor', () => {
    const state = replayLots([line('ACCRUE', 10, 0)]);
    const { lotTraces: _t, ...withoutTraces } = stored(state, 1, 'none');
    expect(nextLots({ ...withoutTraces, ledgerSeq: 1 }, line('ACCRUE', 10, 1))).to.equal(null);
    expect(nextLots({ ...stored(state, 1, 'none'), ledgerSeq: 2 }, line('ACCRUE', 10, 1))).to.equal(null);
    expect(storedLots({ lotsSeq: null })).to.equal(null);
  });
});
