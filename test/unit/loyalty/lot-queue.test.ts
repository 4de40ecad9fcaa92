/**
 * PER_LOT lots as a packed queue (issue 11 §1): stored 16 bytes a lot and read at either end,
 * and INQUIRE's view of them (`lotsView`) answering what the whole outlook answers.
 */
import { expect } from 'chai';
import { Binary } from 'mongodb';
import { lotsUpdate, storedLots } from '../../../server/loyalty/ledger/lot-projection.js';
import { HiddenLot, LotEnds, LotQueue, type Lot } from '../../../server/loyalty/policy/expiry-lots.js';
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

describe('PER_LOT lot ends (what INQUIRE reads)', () => {
  const many = (): LotQueue => {
    const q = LotQueue.empty();
    for (let i = 0; i < 600; i++) q.insert(day(i).getTime(), 10 + (i % 7));
    return q;
  };
  const { OLDEST, NEWEST } = LotEnds;

  it('holds every lot up to OLDEST + NEWEST, else the oldest and the newest ones, with the whole number and total', () => {
    const small = LotQueue.of([{ earnedAt: day(1), points: 10 }, { earnedAt: day(2), points: 20 }]);
    expect(LotEnds.packOf(small).byteLength).to.equal(32);
    const q = many();
    const ends = LotEnds.unpack(LotEnds.packOf(q), q.length, q.totalPoints);
    expect(LotEnds.packOf(q).byteLength).to.equal((OLDEST + NEWEST) * 16);
    expect([ends.length, ends.totalPoints]).to.deep.equal([q.length, q.totalPoints]);
    for (const i of [0, OLDEST - 1, q.length - NEWEST, q.length - 1]) {
      expect([ends.earnedAtMs(i), ends.points(i)]).to.deep.equal([q.earnedAtMs(i), q.points(i)]);
    }
    expect(() => ends.points(OLDEST)).to.throw(HiddenLot);
    expect(() => ends.points(q.length - NEWEST - 1)).to.throw(HiddenLot);
  });

  it('answers from the ends what all lots answer, and refuses (HiddenLot) what needs a lot between them', () => {
    const q = many();
    const ends = LotEnds.unpack(LotEnds.packOf(q), q.length, q.totalPoints);
    const tz = 'America/New_York';
    for (const [now, dueLots] of [[day(380), 16], [day(440, 20), 76]] as const) { // a few lots due, then more than the oldest end holds
      const all = lotsView(q, 365, now, tz);
      const fromEnds = lotsView(ends, 365, now, tz);
      if (dueLots < OLDEST) expect(fromEnds.soonest()).to.deep.equal(all.soonest());
      else expect(() => fromEnds.soonest()).to.throw(HiddenLot);
      for (const cost of [1, 50, 250, 1000, 3000]) expect(fromEnds.rewardExpiry(cost, q.totalPoints)).to.deep.equal(all.rewardExpiry(cost, q.totalPoints));
      expect(() => fromEnds.rewardExpiry(4000, q.totalPoints)).to.throw(HiddenLot); // ~300 lots of 13
    }
  });
});

describe('PER_LOT lots as stored on the member', () => {
  it('reads packed lots (a BSON Binary, as .lean() returns it) and the arrays stored before', () => {
    const lots = [{ earnedAt: day(1), points: 10 }, { earnedAt: day(2), points: 20 }];
    const taken = [{ earnedAt: day(0), points: 5 }];
    const packed = lotsUpdate({ lots: LotQueue.of(lots), deficit: 0, traces: [{ sourceKey: 'redeem:a', taken }] }, 7);
    expect(packed.lots).to.be.instanceOf(Buffer);
    const asRead = { ...packed, lots: new Binary(packed.lots as Buffer), lotTraces: (packed.lotTraces as { sourceKey: string; taken: Buffer }[]).map((t) => ({ ...t, taken: new Binary(t.taken) })) };
    const legacy = { lots, lotDeficit: 0, lotTraces: [{ sourceKey: 'redeem:a', taken }], lotsSeq: 7 };
    for (const stored of [storedLots(asRead)!, storedLots(legacy)!]) {
      expect(stored.lots.toArray()).to.deep.equal(lots);
      expect(stored.traces).to.deep.equal([{ sourceKey: 'redeem:a', taken }]);
    }
    expect(storedLots({ lots: null, lotsSeq: null })).to.equal(null);
  });
});
