/**
 * Storing rule-set versions. A version is immutable and named by its label (the rule file's
 * `version`), unique per program: the ledger records labels, so one label must mean one content.
 * The unique indexes `(programId, contentHash)` and `(programId, version)` decide races: two
 * concurrent publishes of one file both answer with the same stored version; of two different
 * files under one label, exactly one wins and the other learns the label is taken.
 */
import { createHash } from 'node:crypto';
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

export interface VersionInfo {
  programId: string;
  version: string;
  contentHash: string;
  publishedAt: Date;
  publishedBy: string;
}

export type PublishOutcome =
  | { status: 'CREATED' | 'EXISTS'; version: VersionInfo }
  /** The label already names other content. */
  | { status: 'LABEL_TAKEN'; version: VersionInfo }
  /** A location of the file belongs to another program (index into `locations`). */
  | { status: 'LOCATION_TAKEN'; index: number; otherProgramId: string };

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

const infoFields = { _id: 0, programId: 1, version: 1, contentHash: 1, publishedAt: 1, publishedBy: 1 } as const;

/** The version with this label, without its body; null when none. */
export async function findVersionInfo(models: Models, programId: string, version: string): Promise<VersionInfo | null> {
  return models.RuleSetVersion.findOne({ programId, version }, infoFields).lean<VersionInfo>();
}

/** The rule file stored under this label; null when none. */
export async function findVersionBody(models: Models, programId: string, version: string): Promise<Program | null> {
  const doc = await models.RuleSetVersion.findOne({ programId, version }, { body: 1 }).lean();
  return doc ? (doc.body as Program) : null;
}

/** Versions of a program, newest first (at most `limit`). */
export async function listVersions(models: Models, programId: string, limit = 200): Promise<VersionInfo[]> {
  return models.RuleSetVersion.find({ programId }, infoFields).sort({ publishedAt: -1, _id: -1 }).limit(limit).lean<VersionInfo[]>();
}

/** The first of the program's locations that the allow-list gives to another program. */
export async function locationOfAnotherProgram(models: Models, program: Program): Promise<{ index: number; otherProgramId: string } | null> {
  const guids = program.locations.map((l) => l.guid);
  const taken = await models.Location.find({ _id: { $in: guids }, programId: { $ne: program.id } }, { programId: 1 }).lean();
  if (taken.length === 0) return null;
  const owners = new Map(taken.map((l) => [String(l._id), l.programId]));
  const index = guids.findIndex((g) => owners.has(g));
  return { index, otherProgramId: owners.get(guids[index] as string) as string };
}

/**
 * Stores a validated rule file as a version (not active yet). Publishing the same content again
 * answers EXISTS with the stored version.
 */
export async function publishVersion(models: Models, program: Program, publishedBy: string, now: Date, opts: { checkLocations?: boolean } = {}): Promise<PublishOutcome> {
  const location = opts.checkLocations === false ? null : await locationOfAnotherProgram(models, program);
  if (location) return { status: 'LOCATION_TAKEN', ...location };
  const hash = contentHash(program);
  const info: VersionInfo = { programId: program.id, version: program.version, contentHash: hash, publishedAt: now, publishedBy };
  try {
    await models.RuleSetVersion.create({ ...info, body: program });
    return { status: 'CREATED', version: info };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  // 11000: either this content is stored already, or its label names other content.
  const stored = await findVersionInfo(models, program.id, program.version);
  if (stored && stored.contentHash === hash) return { status: 'EXISTS', version: stored };
  if (stored) return { status: 'LABEL_TAKEN', version: stored };
  const sameContent = await models.RuleSetVersion.findOne({ programId: program.id, contentHash: hash }, infoFields).lean<VersionInfo>();
  if (sameContent) return { status: 'EXISTS', version: sameContent };
  throw new Error('rule-set version vanished after a duplicate-key error');
}
