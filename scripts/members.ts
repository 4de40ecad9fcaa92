/**
 * `npm run members -- <command>`: member tools for operators (`npm run members -- --help`).
 * Commands: scripts/members/index.ts. Members are named by what the register knows (loyalty
 * identifier, card or phone), never only by an internal id; output carries ids and counts, not
 * guest data.
 */
import { runTool } from './cli/tool.js';
import { MEMBER_COMMANDS } from './members/index.js';

const code = await runTool({
  usage: 'npm run members --',
  summary: 'Member tools: correct contact data, erase a guest, rebuild lookup keys.',
  details: 'The database is MONGODB_URI (default: the local one npm start uses).\n'
    + 'Exit codes: 0 done, 1 the command found a problem (printed), 2 bad usage or no database.',
  commands: MEMBER_COMMANDS,
}, process.argv.slice(2));
process.exit(code);
