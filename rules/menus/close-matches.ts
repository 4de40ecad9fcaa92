/** "Did you mean" for menu names: the closest names by edit distance or containment. */

/** Case- and space-insensitive form used to compare menu names. */
export const normalizeName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** Up to `limit` candidate names close to `wanted`, closest first. */
export function closeMatches(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = normalizeName(wanted);
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const n = normalizeName(name);
    const distance = editDistance(w, n);
    const contains = w.length >= 3 && (n.includes(w) || w.includes(n));
    if (distance <= Math.max(2, Math.floor(w.length / 3)) || contains) scored.push({ name, score: contains ? Math.min(distance, 3) : distance });
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
}
