/**
 * Earned lots packed for storage and reading (pure): {@link LotQueue}, 16 bytes a lot, read at
 * either end without touching the middle. The expiry model that folds the ledger into lots is
 * expiry-lots.ts.
 */

/** Points still held from one credit, by the time they were earned. */
export interface Lot {
  earnedAt: Date;
  points: number;
}

/** What reading lots needs: their number and total, and any lot by its age rank (0 = oldest). */
export interface LotsRead {
  readonly length: number;
  readonly totalPoints: number;
  earnedAtMs(i: number): number;
  points(i: number): number;
}

const PAIR_BYTES = 16;
const littleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * Lots oldest first, packed as (earnedAt ms, points) float64 pairs. Stored as 16 bytes a lot
 * ({@link pack}, {@link unpack}: one copy, no object per lot), read at either end without
 * touching the middle: what a request needs of a guest's lots does not grow with their number.
 */
export class LotQueue implements LotsRead {
  private data: Float64Array;
  /** First and one-past-last lot, as lot indexes into `data`. */
  private start = 0;
  private end = 0;
  private sum = 0;

  private constructor(capacity: number) {
    this.data = new Float64Array(Math.max(4, capacity) * 2);
  }

  static empty(): LotQueue {
    return new LotQueue(4);
  }

  static of(lots: readonly Lot[]): LotQueue {
    const q = new LotQueue(lots.length);
    for (const lot of lots) q.insertLast(new Date(lot.earnedAt).getTime(), lot.points);
    return q;
  }

  /** The queue stored by {@link pack}; throws on bytes that are not whole lots. */
  static unpack(bytes: Uint8Array): LotQueue {
    if (bytes.byteLength % PAIR_BYTES !== 0) throw new Error(`packed lots: ${bytes.byteLength} bytes is not a whole number of ${PAIR_BYTES}-byte lots`);
    const n = bytes.byteLength / PAIR_BYTES;
    const q = new LotQueue(n + 1);
    if (littleEndian) new Uint8Array(q.data.buffer).set(bytes);
    else {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < n * 2; i++) q.data[i] = view.getFloat64(i * 8, true);
    }
    q.end = n;
    for (let i = 0; i < n; i++) q.sum += q.data[i * 2 + 1] as number;
    return q;
  }

  /** 16 bytes a lot, little-endian (earnedAt ms, points), oldest first: a copy. */
  pack(): Buffer {
    return this.packRange(0, this.length);
  }

  /** {@link pack} of the lots ranked `from` (inclusive) to `to` (exclusive). */
  packRange(from: number, to: number): Buffer {
    const first = this.start + from;
    const out = Buffer.allocUnsafe((to - from) * PAIR_BYTES);
    if (littleEndian) out.set(new Uint8Array(this.data.buffer, first * PAIR_BYTES, (to - from) * PAIR_BYTES));
    else for (let i = 0; i < (to - from) * 2; i++) out.writeDoubleLE(this.data[first * 2 + i] as number, i * 8);
    return out;
  }

  get length(): number {
    return this.end - this.start;
  }

  /** Σ points of all lots. */
  get totalPoints(): number {
    return this.sum;
  }

  /** The `i`-th oldest lot's earned instant (ms) and points. */
  earnedAtMs(i: number): number {
    return this.data[(this.start + i) * 2] as number;
  }

  points(i: number): number {
    return this.data[(this.start + i) * 2 + 1] as number;
  }

  toArray(): Lot[] {
    const out: Lot[] = [];
    for (let i = 0; i < this.length; i++) out.push({ earnedAt: new Date(this.earnedAtMs(i)), points: this.points(i) });
    return out;
  }

  copy(): LotQueue {
    const q = new LotQueue(this.length + 1);
    q.data.set(this.data.subarray(this.start * 2, this.end * 2));
    q.end = this.length;
    q.sum = this.sum;
    return q;
  }

  /** Adds a lot in date order (searched from the newest end), merged into a lot of the same instant. */
  insert(earnedAtMs: number, points: number): void {
    let i = this.length;
    while (i > 0 && this.earnedAtMs(i - 1) > earnedAtMs) i--;
    if (i > 0 && this.earnedAtMs(i - 1) === earnedAtMs) {
      this.data[(this.start + i - 1) * 2 + 1] = this.points(i - 1) + points;
      this.sum += points;
      return;
    }
    if (i === this.length) {
      this.insertLast(earnedAtMs, points);
      return;
    }
    if (i === 0 && this.start > 0) {
      this.start--;
    } else {
      this.reserve(1);
      const at = (this.start + i) * 2;
      this.data.copyWithin(at + 2, at, this.end * 2);
      this.end++;
    }
    this.data[(this.start + i) * 2] = earnedAtMs;
    this.data[(this.start + i) * 2 + 1] = points;
    this.sum += points;
  }

  /** Removes the oldest `n` lots and returns them as a queue of their own. */
  splitOldest(n: number): LotQueue {
    const out = LotQueue.unpack(this.packRange(0, n));
    this.start += n;
    this.sum -= out.totalPoints;
    return out;
  }

  /** Takes up to `points` from the oldest lots into `taken`; returns what no lot held. */
  takeOldest(points: number, taken: Lot[]): number {
    let left = points;
    while (left > 0 && this.length > 0) {
      const held = this.points(0);
      const take = Math.min(held, left);
      taken.push({ earnedAt: new Date(this.earnedAtMs(0)), points: take });
      left -= take;
      this.sum -= take;
      if (take === held) this.start++;
      else this.data[this.start * 2 + 1] = held - take;
    }
    if (this.length === 0) this.start = this.end = 0;
    return left;
  }

  /** Adds a lot after the newest (the caller keeps the order). */
  insertLast(earnedAtMs: number, points: number): void {
    this.reserve(1);
    this.data[this.end * 2] = earnedAtMs;
    this.data[this.end * 2 + 1] = points;
    this.end++;
    this.sum += points;
  }

  /** Room for `more` lots after `end`, moving the lots to the front or growing as needed. */
  private reserve(more: number): void {
    if ((this.end + more) * 2 <= this.data.length) return;
    const need = (this.length + more) * 2;
    const data = need * 2 <= this.data.length ? this.data : new Float64Array(Math.max(need * 2, this.data.length * 2));
    if (data === this.data) this.data.copyWithin(0, this.start * 2, this.end * 2);
    else data.set(this.data.subarray(this.start * 2, this.end * 2));
    this.data = data;
    this.end -= this.start;
    this.start = 0;
  }
}
