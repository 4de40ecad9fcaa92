/**
 * Boot-time publishing of the rule files in RULES_DIR (the demo's way of getting programs in;
 * the admin API is the runtime way). A file whose content is new since the last boot becomes
 * the active version; a file already stored leaves the active version alone, so a version
 * activated through the API survives restarts.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { validateProgram, type Program, type ValidationError, type ValidationResult } from '../../../rules/index.js';
import { readJsonFile } from '../../../rules/load.js';
import { loadMenus } from '../../menus/catalogue-store.js';
import type { Models } from '../../store/models/index.js';
import { activateStored } from './activation.js';
import { contentHash, publishVersion, type VersionInfo } from './rule-set-versions.js';

export { contentHash } from './rule-set-versions.js';

export interface PublishResult {
  programId: string;
  version: string;
  contentHash: string;
  /** false when the active version did not change. */
  changed: boolean;
  /** Validation warnings (e.g. item GUIDs no location's menu knows). */
  warnings?: ValidationError[];
}

/** Longest label the rule-file schema allows. */
const MAX_LABEL = 64;

/**
 * A label for a file whose `version` names other stored content (edited without a bump): the
 * label plus the content hash's first 8 digits, so ledger provenance stays unambiguous.
 */
function distinctLabel(program: Program): Program {
  const suffix = `+${contentHash(program).slice(0, 8)}`;
  return { ...program, version: `${program.version.slice(0, MAX_LABEL - suffix.length)}${suffix}` };
}

/**
 * Publishes a validated program at boot: stores it as a version (once per content), and makes
 * it active when it is new or the program has no active version yet. Idempotent.
 */
export async function publishProgram(models: Models, program: Program, publishedBy: string, now: Date): Promise<PublishResult> {
  let outcome = await publishVersion(models, program, publishedBy, now, { checkLocations: false });
  if (outcome.status === 'LABEL_TAKEN') outcome = await publishVersion(models, distinctLabel(program), publishedBy, now, { checkLocations: false });
  if (outcome.status !== 'CREATED' && outcome.status !== 'EXISTS') throw new Error(`cannot publish ${program.id} ${program.version}: ${outcome.status}`);
  const version: VersionInfo = outcome.version;
  const current = await models.Program.findById(program.id, { activeHash: 1 }).lean();
  if (outcome.status === 'EXISTS' && current) {
    return { programId: program.id, version: version.version, contentHash: version.contentHash, changed: false };
  }
  await activateStored(models, version, publishedBy, 'BOOT', now);
  return { programId: program.id, version: version.version, contentHash: version.contentHash, changed: current?.activeHash !== version.contentHash };
}

/** Restaurant GUIDs a (not yet validated) rule file lists as its locations. */
function locationGuids(json: unknown): string[] {
  const locations = (json as { locations?: unknown } | null)?.locations;
  return Array.isArray(locations) ? locations.map((l) => String((l as { guid?: unknown } | null)?.guid ?? '')) : [];
}

/**
 * Validates a rule file as publishing does: `npm run rules -- validate`'s validator, with menu
 * names resolved against its locations' stored catalogues (the result holds GUIDs only).
 */
export async function validateForPublish(models: Models, json: unknown): Promise<ValidationResult<Program>> {
  return validateProgram(json, { menus: await loadMenus(models, locationGuids(json)) });
}

/**
 * Validates and publishes every `*.json` rule file in `dir`; any invalid file stops the boot.
 * Menu names in a file are resolved against its locations' stored catalogues first, so the
 * published version holds GUIDs only.
 */
export async function publishProgramsFromDir(models: Models, dir: string, now: Date): Promise<PublishResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const results: PublishResult[] = [];
  for (const file of files) {
    const read = await readJsonFile(path.join(dir, file));
    const loaded = read.ok
      ? await validateForPublish(models, read.json)
      : { ok: false as const, errors: [{ path: '', message: read.message }] };
    if (!loaded.ok) {
      const detail = loaded.errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ');
      throw new Error(`rule file ${file} is invalid: ${detail}`);
    }
    results.push({ ...await publishProgram(models, loaded.program, `boot:${file}`, now), warnings: loaded.warnings ?? [] });
  }
  return results;
}
