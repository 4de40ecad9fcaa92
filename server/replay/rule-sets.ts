/**
 * The rule sets a replay or backtest runs: a published version (by version string or content
 * hash), the program's active one, or a draft file validated like any rule file. Failures are
 * values with a message for the program manager (and the JSON paths of a draft's errors).
 */
import { loadProgramFile, validateProgram, type Program, type ValidationError, type ValidationResult } from '../../rules/index.js';
import { activeProgram, programVersion } from '../loyalty/programs/program-cache.js';
import type { Models } from '../store/models/index.js';

export interface RuleSet {
  program: Program;
  /** How the rule set is named in reports: `version 2026.1 (1a2b3c4d)` or `draft file.json`. */
  label: string;
  contentHash: string | null;
}

export type RuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; message: string; errors?: ValidationError[] };

const short = (hash: string): string => hash.slice(0, 8);

/** The published rule set with this content hash (the one a transaction recorded). */
export async function ruleSetByHash(models: Models, programId: string, hash: string): Promise<RuleSetResult> {
  const program = await programVersion(models, programId, hash);
  if (!program) return { ok: false, message: `rule set ${short(hash)} of program ${programId} is not in the store` };
  return { ok: true, ruleSet: { program, label: `version ${program.version} (${short(hash)})`, contentHash: hash } };
}

/** A published version of `programId`, named by its version string or (a prefix of) its content hash; the latest published wins. */
export async function ruleSetByVersion(models: Models, programId: string, version: string): Promise<RuleSetResult> {
  const docs = await models.RuleSetVersion.find({ programId }, { version: 1, contentHash: 1, publishedAt: 1 }).sort({ publishedAt: -1 }).lean();
  const match = docs.find((d) => d.version === version) ?? (version.length >= 6 ? docs.find((d) => d.contentHash.startsWith(version)) : undefined);
  if (!match) {
    const known = [...new Set(docs.map((d) => d.version))].join(', ') || 'none';
    return { ok: false, message: `program ${programId} has no published version "${version}" (published: ${known})` };
  }
  return ruleSetByHash(models, programId, match.contentHash);
}

/** The program's active rule set. */
export async function activeRuleSet(models: Models, programId: string): Promise<RuleSetResult> {
  const active = await activeProgram(models, programId);
  if (!active) return { ok: false, message: `unknown program "${programId}" (no published rule set)` };
  return { ok: true, ruleSet: { program: active.program, label: `version ${active.program.version} (${short(active.contentHash)})`, contentHash: active.contentHash } };
}

/** A draft rule file, validated (every error with its JSON path); it must be a version of `programId`. */
export async function draftRuleSet(file: string, programId: string): Promise<RuleSetResult> {
  return asDraft(await loadProgramFile(file), file, programId);
}

/** A draft given as parsed JSON (the admin API's request body), validated like a file. */
export function draftFromJson(json: unknown, programId: string, label: string): RuleSetResult {
  return asDraft(validateProgram(json), label, programId);
}

function asDraft(loaded: ValidationResult<Program>, label: string, programId: string): RuleSetResult {
  if (!loaded.ok) return { ok: false, message: `draft ${label} is invalid (${loaded.errors.length} error(s))`, errors: loaded.errors };
  if (loaded.program.id !== programId) {
    return { ok: false, message: `draft ${label} is program "${loaded.program.id}", not "${programId}"`, errors: [{ path: '/id', message: `must be "${programId}"` }] };
  }
  return { ok: true, ruleSet: { program: loaded.program, label: `draft ${label} (version ${loaded.program.version})`, contentHash: null } };
}
