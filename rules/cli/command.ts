/**
 * A rules CLI subcommand as a declared object: its arguments, options and examples (what
 * `--help` prints) and what it runs. `rules/cli/index.ts` collects them; `rules/cli.ts` builds
 * the commander program from that array, so no command registers itself.
 */

/** What a command receives: its operands and its options under their long names (`allow-changes`). */
export interface CliInput {
  positional: string[];
  flags: Record<string, string | true>;
}

export interface CliOption {
  /** commander syntax: `--menu <files>` takes a value, `--json` is a switch. */
  flags: string;
  description: string;
}

export interface CliCommand {
  name: string;
  /** commander operand syntax, e.g. `<files...>` or `<old> <new>`; empty for none. */
  operands: string;
  /** One line for the command list. */
  summary: string;
  /** More lines for `--help` (what it prints, exit codes). */
  details?: string;
  options: CliOption[];
  /** Complete command lines (after `npm run rules --`), shown under "Examples". */
  examples: string[];
  run(input: CliInput): Promise<number>;
}

/** `--menu` and `--store`, shared by every command that reads rule files. */
export const MENU_OPTIONS: CliOption[] = [
  { flags: '--menu <files>', description: 'exported Toast menus documents (comma-separated) to resolve menu names against' },
  { flags: '--store', description: 'resolve menu names against every catalogue stored with `npm run menu` (MONGODB_URI)' },
];

/** A flag's string value, or undefined when absent or given as a switch. */
export const flagText = (flags: CliInput['flags'], name: string): string | undefined => {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
};
