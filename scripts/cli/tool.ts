/**
 * The operator tools (`npm run pos`, `members`, `ledger:verify`, `ledger:repair`) as declared
 * commands built into one commander program each: every command has `--help` with its operands,
 * options, exit codes and examples, and a usage mistake gets the message plus a pointer to
 * `--help`. Exit codes are the same for every tool: 0 done, 1 the command ran and found a
 * problem (reported), 2 bad usage or nothing could run (e.g. the database is unreachable).
 */
import { Command, CommanderError, Option } from 'commander';

export interface ToolOption {
  /** commander syntax: `--program <programId>` takes a value, `--all` is a switch, `--no-email` negates. */
  flags: string;
  description: string;
  /** Allowed values, checked by commander (listed in `--help`). */
  choices?: string[];
}

/** Option values by commander's camel-cased name (`--first-name` → `firstName`). */
export type ToolOptions = Record<string, string | boolean | undefined>;

/** One subcommand, declared as data (STYLE.md: extension points are declared objects). */
export interface ToolCommand {
  name: string;
  /** commander operand syntax, e.g. `<identifier>` or `[which]`; empty for none. */
  operands: string;
  /** One line for the command list. */
  summary: string;
  /** More lines for `--help` (printed as written, after the options): what it prints, exit codes. */
  details?: string;
  options?: ToolOption[];
  /** Complete command lines, shown under "Examples". */
  examples: string[];
  run(operands: string[], options: ToolOptions): Promise<number>;
}

/** A tool: an npm script with subcommands. */
export interface Tool {
  /** How it is called, e.g. `npm run members --`. */
  usage: string;
  summary: string;
  /** More lines for the tool's `--help` (printed as written): settings, exit codes. */
  details?: string;
  commands: ToolCommand[];
}

function examplesText(examples: string[]): string {
  return examples.length ? `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n` : '';
}

const detailsText = (details: string | undefined): string => (details ? `\n${details}\n` : '');

function configure(cmd: Command, spec: Omit<ToolCommand, 'name'>, onDone: (code: number) => void): Command {
  cmd.description(spec.summary);
  for (const operand of spec.operands.split(' ').filter(Boolean)) cmd.argument(operand);
  for (const o of spec.options ?? []) {
    const option = new Option(o.flags, o.description);
    cmd.addOption(o.choices ? option.choices(o.choices) : option);
  }
  cmd.addHelpText('after', detailsText(spec.details) + examplesText(spec.examples));
  cmd.action(async (...args: unknown[]) => {
    // commander passes the declared operands, then the options object, then the command.
    const operands = args.slice(0, -2).flat().filter((a): a is string => typeof a === 'string');
    onDone(await spec.run(operands, args.at(-2) as ToolOptions));
  });
  return cmd;
}

function base(name: string): Command {
  return new Command(name)
    .exitOverride()
    .showHelpAfterError('(add --help for usage and examples)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

/** Exit code of a commander outcome: help asked for → 0, any usage mistake → 2. */
function usageExit(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  throw err;
}

/** Runs a tool with subcommands on `argv` (without node and script); resolves to the exit code. */
export async function runTool(tool: Tool, argv: string[]): Promise<number> {
  let code: number | null = null;
  const program = base(tool.usage).description(tool.summary);
  const examples = tool.commands.flatMap((c) => c.examples.slice(0, 1));
  program.addHelpText('after', `${detailsText(tool.details)}${examplesText(examples)}\n\`${tool.usage} <command> --help\` shows a command's options and more examples.\n`);
  for (const spec of tool.commands) configure(program.command(spec.name), spec, (c) => { code = c; });
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return usageExit(err);
  }
  return code ?? 2;
}

/** Runs a tool that is one command (no subcommand name): `npm run ledger:repair -- <identifier>`. */
export async function runSingle(usage: string, spec: Omit<ToolCommand, 'name'>, argv: string[]): Promise<number> {
  let code: number | null = null;
  const program = configure(base(usage), spec, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return usageExit(err);
  }
  return code ?? 2;
}
