/**
 * Sample menus shipped beside the rule files (`RULES_DIR/menus/*.json`, exported Toast menus
 * documents), imported at boot with SEED_DEMO so the demo shows item names. Each file's own
 * `restaurantGuid` says which restaurant it belongs to. An invalid file stops the boot, as an
 * invalid rule file does.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readJsonFile } from '../../rules/load.js';
import type { Models } from '../store/models/index.js';
import type { StoreOutcome } from './catalogue-store.js';
import { importMenuDocument } from './import.js';

export async function importSampleMenus(models: Models, dir: string, now: Date): Promise<StoreOutcome[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const outcomes: StoreOutcome[] = [];
  for (const file of files) {
    const read = await readJsonFile(path.join(dir, file));
    if (!read.ok) throw new Error(`sample menu ${file}: ${read.message}`);
    const restaurantGuid = String((read.json as { restaurantGuid?: unknown } | null)?.restaurantGuid ?? '');
    const result = await importMenuDocument(models, read.json, { restaurantGuid, source: `boot:${file}`, now });
    if (!result.ok) throw new Error(`sample menu ${file} is invalid: ${result.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`);
    outcomes.push(result.outcome);
  }
  return outcomes;
}
