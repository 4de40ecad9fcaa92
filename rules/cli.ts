/**
 * Program-manager CLI: `npm run rules -- <validate|test|simulate|diff|publish|activate|replay|backtest> …`.
 * Exit codes: 0 success, 1 invalid file, failing fixture, refused by the API or unknown
 * transaction/version, 2 usage error, 3 a replay that does not reproduce its own answer.
 */
import { diffCommand } from './cli/diff.js';
import { activateCommand, publishCommand } from './cli/publish.js';
import { simulateCommand } from './cli/simulate.js';
import { testCommand } from './cli/test.js';
import { validateCommand } from './cli/validate.js';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  validate: validateCommand,
  test: testCommand,
  simulate: simulateCommand,
  diff: diffCommand,
  publish: publishCommand,
  activate: activateCommand,
  // Store-reading commands live in server/replay/ and are loaded only when asked for.
  replay: async (args) => (await import('../server/replay/cli/replay-command.js')).replayCommand(args),
  backtest: async (args) => (await import('../server/replay/cli/backtest-command.js')).backtestCommand(args),
};

const USAGE = `usage: npm run rules -- <command> …
  validate <files…> [--menu <menus.json,…>] [--store]   check rule files (every error with its JSON path);
                                         menu names resolve against exported Toast menus or the stored catalogues
  test <files…> [--menu …] [--store]     run each program's fixtures
  simulate --program <file> --check <check.json> [--member <json|file>] [--at <iso>] [--location <guid>] [--menu …] [--store] [--json]
  diff <old> <new> [--menu …] [--store] rewards/rules added, removed, changed; old fixtures on the new file
  publish <file> [--activate] [--at <iso>]   store the file as a version through the admin API (and activate it)
  activate <program> <version> [--at <iso>]  activate a published version (rollback = an older one)
    (publish/activate: PERKWIRE_API_URL, default http://localhost:8080, and PERKWIRE_ADMIN_KEY)
  replay <transactionGuid> [--version v | --draft file.json] [--restaurant guid] [--json]
                                         re-run a stored INQUIRE/REDEEM/ACCRUE; exit 3 when it does not reproduce
  backtest --program <id> (--draft file.json | --version v) --from <date> --to <date> [--location guid,…] [--rate dollars-per-point] [--json|--csv]
                                         a rule set over the stored checks of a date range (read-only)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.error(USAGE);
    return 2;
  }
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 2; },
);
