import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { validateProgram, type Program, type ValidationError } from '../../rules/index.js';
import { readJsonFile } from '../../rules/load.js';
import { loadMenus } from '../menus/catalogue-store.js';
import type { Models } from '../store/models/index.js';

export interface PublishResult {
  programId: string;
  version: string;
  contentHash: string;
  /** false when this exact content was already the active version. */
  changed: boolean;
  /** Validation warnings (e.g. item GUIDs no location's menu knows). */
  warnings?: ValidationError[];
}

/** Stable hash of a rule file's content (key order does not matter). */
export function contentHash(program: Program): string {
  return createHash('sha256').update(canonicalJson(program)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Publishes a validated program: stores an immutable rule-set version (once per content hash),
 * makes it active and upserts the program's Toast locations. Idempotent.
 */
export async function publishProgram(models: Models, program: Program, publishedBy: string, now: Date): Promise<PublishResult> {
  const hash = contentHash(program);
  try {
    await models.RuleSetVersion.create({
      programId: program.id, version: program.version, contentHash: hash, body: program, publishedAt: now, publishedBy,
    });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err; // 11000: this content is already published
  }
  const before = await models.Program.findOneAndUpdate(
    { _id: program.id },
    { $set: { name: program.name, activeHash: hash, activeVersion: program.version, updatedAt: now } },
    { upsert: true, returnDocument: 'before' },
  ).lean();
  for (const loc of program.locations) {
    await models.Location.updateOne(
      { _id: loc.guid },
      { $set: { programId: program.id, name: loc.name, timezone: loc.timezone, tags: loc.tags ?? [] } },
      { upsert: true },
    );
  }
  return { programId: program.id, version: program.version, contentHash: hash, changed: before?.activeHash !== hash };
}

/** Restaurant GUIDs a (not yet validated) rule file lists as its locations. */
function locationGuids(json: unknown): string[] {
  const locations = (json as { locations?: unknown } | null)?.locations;
  return Array.isArray(locations) ? locations.map((l) => String((l as { guid?: unknown } | null)?.guid ?? '')) : [];
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
      ? validateProgram(read.json, { menus: await loadMenus(models, locationGuids(read.json)) })
      : { ok: false as const, errors: [{ path: '', message: read.message }] };
    if (!loaded.ok) {
      const detail = loaded.errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ');
      throw new Error(`rule file ${file} is invalid: ${detail}`);
    }
    results.push({ ...await publishProgram(models, loaded.program, `boot:${file}`, now), warnings: loaded.warnings ?? [] });
  }
  return results;
}
