/**
 * `npm run pos -- <command>`: a tiny Toast POS for playing a loyalty visit against a running
 * Perkwire by hand (commands: scripts/pos/commands.ts; `npm run pos -- --help`).
 * Settings: POS_URL (base URL or the full webhook URL; default http://localhost:8080),
 * TOAST_KEY (dev-toast-key), RESTAURANT_GUID (the demo restaurant), POS_STATE (.run/pos-visit.json).
 */
import { runTool } from './cli/tool.js';
import { POS_COMMANDS } from './pos/commands.js';
import { PosSetupError } from './pos/webhook.js';

const SETTINGS = `Settings (environment):
  POS_URL          Perkwire's base URL or its webhook URL (default http://localhost:8080)
  TOAST_KEY        the Authorization key (default dev-toast-key)
  RESTAURANT_GUID  Toast-Restaurant-External-ID (default: the demo restaurant)
  POS_STATE        where the visit in progress is kept (default .run/pos-visit.json)
Exit codes: 0 the answer is ACCEPT, 1 any other answer (printed), 2 bad usage or Perkwire unreachable.`;

runTool({ usage: 'npm run pos --', summary: 'Send Toast loyalty requests to Perkwire as the POS does.', details: SETTINGS, commands: POS_COMMANDS }, process.argv.slice(2))
  .then((code) => process.exit(code), (err: unknown) => {
    console.error(`pos: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof PosSetupError ? 2 : 1);
  });
