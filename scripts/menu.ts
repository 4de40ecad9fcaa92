/**
 * Menu catalogues (`npm run menu -- …`):
 *   import --restaurant <guid> --file <menus.json>   load an exported Toast menus document
 *   sync [--restaurant <guid>]                       pull from Toast (every location by default)
 *   show --restaurant <guid>                         list the active catalogue: kind, GUID, name
 * Exit codes: 0 done, 1 refused document or a failed sync, 2 usage or connection error.
 */
import { readJsonFile } from '../rules/load.js';
import { parseFlags } from '../rules/cli/args.js';
import { loadConfig } from '../config/index.js';
import { systemClock } from '../server/clock.js';
import { activeCatalogue, loadMenus } from '../server/menus/catalogue-store.js';
import { menusClientFromConfig } from '../server/menus/client-from-config.js';
import { importMenuDocument } from '../server/menus/import.js';
import { describeSync, syncAllLocations, syncRestaurant } from '../server/menus/sync.js';
import { ToastApiError } from '../server/menus/toast-api-error.js';
import type { Models } from '../server/store/models/index.js';
import { runWithStore } from './with-store.js';

const USAGE = `usage: npm run menu -- <command> …
  import --restaurant <guid> --file <menus.json>   load an exported Toast menus document (GET /menus/v2/menus)
  sync [--restaurant <guid>]                       pull from Toast's menus API (every location by default)
  show --restaurant <guid>                         list the restaurant's catalogue (kind, GUID, name)`;

async function importCommand(models: Models, flags: Record<string, string | true>): Promise<number> {
  if (typeof flags.restaurant !== 'string' || typeof flags.file !== 'string') { console.error(USAGE); return 2; }
  const read = await readJsonFile(flags.file);
  if (!read.ok) { console.error(`${flags.file}: ${read.message}; nothing imported`); return 1; }
  const result = await importMenuDocument(models, read.json, { restaurantGuid: flags.restaurant, source: `file:${flags.file}`, now: systemClock.now() });
  if (!result.ok) {
    console.error(`${flags.file} is not a valid menus document; nothing imported, the previous catalogue stays active:`);
    for (const e of result.errors) console.error(`  ${e.path || '/'} ${e.message}`);
    return 1;
  }
  const o = result.outcome;
  console.log(`${o.restaurantGuid}  ${o.status === 'imported' ? 'imported' : 'unchanged'}: lastUpdated ${o.lastUpdated}, ${o.entities} menu entities`);
  return 0;
}

async function syncCommand(models: Models, flags: Record<string, string | true>): Promise<number> {
  let client;
  try {
    client = menusClientFromConfig(loadConfig());
  } catch (err) {
    if (err instanceof ToastApiError) { console.error(`${err.message} (or load an export with: npm run menu -- import)`); return 2; }
    throw err;
  }
  const now = systemClock.now();
  const outcomes = typeof flags.restaurant === 'string'
    ? [await syncRestaurant(models, client, flags.restaurant, now)]
    : await syncAllLocations(models, client, now);
  if (outcomes.length === 0) console.log('no locations published yet: nothing to sync');
  for (const o of outcomes) console.log(describeSync(o));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

async function showCommand(models: Models, flags: Record<string, string | true>): Promise<number> {
  if (typeof flags.restaurant !== 'string') { console.error(USAGE); return 2; }
  const pointer = await activeCatalogue(models, flags.restaurant);
  const [menu] = await loadMenus(models, [flags.restaurant]);
  if (!pointer || !menu) { console.log(`${flags.restaurant} has no menu catalogue (npm run menu -- import or sync)`); return 1; }
  console.log(`${menu.restaurantGuid}  lastUpdated ${menu.lastUpdated}  source ${pointer.source}  ${menu.entities.length} entities`);
  const order = ['MENU', 'GROUP', 'ITEM', 'MODIFIER_GROUP', 'MODIFIER', 'SALES_CATEGORY'];
  const sorted = [...menu.entities].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
  for (const e of sorted) console.log(`  ${e.kind.padEnd(14)} ${e.guid}  ${e.name}`);
  return 0;
}

const COMMANDS: Record<string, (models: Models, flags: Record<string, string | true>) => Promise<number>> = {
  import: importCommand,
  sync: syncCommand,
  show: showCommand,
};

const [command, ...rest] = process.argv.slice(2);
const run = command ? COMMANDS[command] : undefined;
if (!run) {
  console.error(USAGE);
  process.exit(2);
}
let flags: Record<string, string | true>;
try {
  flags = parseFlags(rest).flags;
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
void runWithStore((models) => run(models, flags));
