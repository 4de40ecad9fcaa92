/** Minimal `--flag value` / `--switch` parser, for the store-reading replay/backtest commands and `npm run menu` (the rules CLI itself parses with commander). */
export function parseFlags(args: string[], switches: string[] = []): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const name = a.slice(2);
    if (switches.includes(name)) { flags[name] = true; continue; }
    const value = args[i + 1];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags[name] = value;
    i++;
  }
  return { flags, positional };
}
