/**
 * `replay` and `backtest` read the store, so their code lives in server/replay/ and is loaded only
 * when asked for (`rules` stays pure). They parse their own argument lists; commander has
 * already checked these against the options declared here, which also make their `--help`.
 */
import type { CliCommand, CliInput } from './command.js';

/** Back to the argument list server/replay's commands read. */
function argv({ positional, flags }: CliInput): string[] {
  const out = [...positional];
  for (const [name, value] of Object.entries(flags)) out.push(`--${name}`, ...(value === true ? [] : [value]));
  return out;
}

const STORE_NOTE = 'Reads the store at MONGODB_URI (default: the local one of `npm start`) and never writes to it.';

export const replayCommand: CliCommand = {
  name: 'replay',
  operands: '<transactionGuid>',
  summary: 're-run a stored INQUIRE/REDEEM/ACCRUE; exit 3 when it does not reproduce its own answer',
  details: `${STORE_NOTE}\nExit codes: 0 reproduced, 1 unknown transaction/version or invalid draft, 2 usage or store error, 3 MISMATCH.`,
  options: [
    { flags: '--version <version>', description: 'also replay under this published version and show the differences' },
    { flags: '--draft <file>', description: 'also replay under this draft rule file and show the differences' },
    { flags: '--restaurant <guid>', description: 'the restaurant, when the GUID is stored for several' },
    { flags: '--json', description: 'machine-readable report' },
  ],
  examples: ['replay 2f6c1a0e-5d7b-4c1e-9a51-7d0c6b1e2f01', 'replay 2f6c1a0e-5d7b-4c1e-9a51-7d0c6b1e2f01 --draft rules/drafts/demo-double-tuesdays.json'],
  async run(input) {
    return (await import('../../server/replay/cli/replay-command.js')).replayCommand(argv(input));
  },
};

export const backtestCommand: CliCommand = {
  name: 'backtest',
  operands: '',
  summary: "a draft or version over a date range's stored checks: points, redemptions, cost (read-only)",
  details: `${STORE_NOTE}\nExit codes: 0 report printed, 1 unknown program/version, invalid draft or refused range, 2 usage or store error.`,
  options: [
    { flags: '--program <id>', description: 'the program whose stored checks are replayed (required)' },
    { flags: '--draft <file>', description: 'the draft rule file to compare with the active version' },
    { flags: '--version <version>', description: '… or a published version' },
    { flags: '--from <date>', description: 'first local day, YYYY-MM-DD (required)' },
    { flags: '--to <date>', description: 'last local day, YYYY-MM-DD (required)' },
    { flags: '--location <guids>', description: 'only these restaurants (comma-separated)' },
    { flags: '--rate <dollars>', description: 'what one point is worth in dollars, for the cost column (e.g. 0.01)' },
    { flags: '--json', description: 'machine-readable report' },
    { flags: '--csv', description: 'one CSV row per scenario' },
  ],
  examples: ['backtest --program demo --draft rules/drafts/demo-double-tuesdays.json --from 2026-10-01 --to 2026-10-31'],
  async run(input) {
    return (await import('../../server/replay/cli/backtest-command.js')).backtestCommand(argv(input));
  },
};
