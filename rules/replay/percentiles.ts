/**
 * Exact percentiles of integer values kept as a histogram (value → count): memory grows with
 * the number of distinct values, not with the number of members or checks.
 */
export class IntegerHistogram {
  private readonly counts = new Map<number, number>();
  private n = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.n++;
  }

  get size(): number {
    return this.n;
  }

  /** Nearest-rank percentiles (p in 0..100) and the maximum; zeros when empty. */
  summary(ps: number[] = [50, 90, 99]): Record<string, number> {
    const sorted = [...this.counts.entries()].sort((a, b) => a[0] - b[0]);
    const out: Record<string, number> = {};
    for (const p of ps) {
      const rank = Math.max(1, Math.ceil((p / 100) * this.n));
      let seen = 0;
      let value = 0;
      for (const [v, c] of sorted) {
        seen += c;
        value = v;
        if (seen >= rank) break;
      }
      out[`p${p}`] = this.n === 0 ? 0 : value;
    }
    out.max = sorted.length ? sorted[sorted.length - 1]![0] : 0;
    out.members = this.n;
    return out;
  }
}
