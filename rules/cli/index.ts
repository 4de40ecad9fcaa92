/** Every `npm run rules` subcommand, in the order `--help` lists them. */
import type { CliCommand } from './command.js';
import { diffCommand } from './diff.js';
import { initCommand } from './init.js';
import { activateCommand, publishCommand } from './publish.js';
import { simulateCommand } from './simulate.js';
import { backtestCommand, replayCommand } from './store-commands.js';
import { testCommand } from './test.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly CliCommand[] = [
  initCommand, validateCommand, testCommand, simulateCommand, diffCommand,
  publishCommand, activateCommand, replayCommand, backtestCommand,
];
