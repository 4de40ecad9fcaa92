/**
 * Program-manager CLI: `npm run rules -- <command> …`, one declared command per file in
 * rules/cli/ (collected in rules/cli/index.ts), parsed by commander. `--help` works on the
 * program and on every command. Exit codes: 0 success; 1 an invalid file, a failing fixture, a
 * refusal by the API, an unknown transaction or version; 2 a usage error; 3 an outcome that
 * changed (`diff`: old fixtures; `replay`: a transaction that does not reproduce).
 */
import { Command, CommanderError } from 'commander';
import type { CliCommand, CliInput } from './cli/command.js';
import { COMMANDS } from './cli/index.js';

const USAGE_ERROR = 2;

/** Commander's parsed options back under their long names, as the commands read them. */
function inputOf(cmd: Command): CliInput {
  const values = cmd.opts<Record<string, string | boolean | undefined>>();
  const flags: CliInput['flags'] = {};
  for (const option of cmd.options) {
    const value = values[option.attributeName()];
    if (value === undefined || value === false) continue;
    flags[(option.long ?? '').replace(/^--/, '')] = value === true ? true : value;
  }
  return { positional: cmd.args, flags };
}

function examples(command: CliCommand): string {
  return `\nExamples:\n${command.examples.map((e) => `  npm run rules -- ${e}`).join('\n')}${command.details ? `\n\n${command.details}` : ''}`;
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command('npm run rules --')
    .description('Validate, test, simulate, compare and publish Perkwire rule files (rules/README.md, rules/REFERENCE.md).')
    .exitOverride()
    .showHelpAfterError('(add --help for usage and examples)')
    .addHelpText('after', '\nExit codes: 0 success, 1 invalid file / failing fixture / refused, 2 usage error, 3 changed outcome (diff, replay).\n`npm run rules -- <command> --help` shows each command\'s options and examples.');
  for (const spec of COMMANDS) {
    const cmd = program.command(`${spec.name}${spec.operands ? ` ${spec.operands}` : ''}`)
      .description(spec.summary)
      .exitOverride()
      .showHelpAfterError(`(npm run rules -- ${spec.name} --help for usage and examples)`)
      .addHelpText('after', examples(spec))
      .action(async (...args: unknown[]) => { setCode(await spec.run(inputOf(args[args.length - 1] as Command))); });
    for (const o of spec.options) cmd.option(o.flags, o.description);
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => { code = c; });
  if (argv.length === 0) { program.outputHelp({ error: true }); return USAGE_ERROR; }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : USAGE_ERROR;
    throw err;
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = USAGE_ERROR; },
);
