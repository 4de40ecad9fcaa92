/** `a 'b c' "d"  # comment` → ['a', 'b c', 'd']: a command line from the docs, split as a POSIX shell does. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:\\.|[^"\\])*)"|(#.*$)|(\S+)/g;
  for (const m of line.matchAll(re)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[4]!);
  }
  return out;
}
