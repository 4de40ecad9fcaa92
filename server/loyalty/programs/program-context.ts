/**
 * The program a Toast restaurant belongs to: its location (allow-list entry) and the active
 * published rule set (cached by program-cache.ts).
 */
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { activeProgram } from './program-cache.js';

export interface ProgramContext {
  restaurantGuid: string;
  programId: string;
  timezone: string;
  program: Program;
  /** Content hash of the active rule set. */
  ruleSetHash: string;
}

/** Locations are re-read at most this often: a publish reaches every replica within it. */
const locationTtlMs = 1000;
type CachedLocation = { value: { programId: string; timezone: string } | null; readAt: number };
const locations = new WeakMap<Models, Map<string, CachedLocation>>();

/** The allow-list entry of a restaurant (or null), from a short-lived per-process cache. */
async function findLocation(models: Models, restaurantGuid: string, nowMs: number): Promise<CachedLocation['value']> {
  let cache = locations.get(models);
  if (!cache) locations.set(models, (cache = new Map()));
  const hit = cache.get(restaurantGuid);
  if (hit && nowMs - hit.readAt < locationTtlMs) return hit.value;
  const doc = await models.Location.findById(restaurantGuid, { programId: 1, timezone: 1 }).lean();
  const value = doc ? { programId: doc.programId, timezone: doc.timezone } : null;
  // Unknown GUIDs are not cached: a stream of random ones must not grow the map.
  if (value) cache.set(restaurantGuid, { value, readAt: nowMs });
  return value;
}

/** The restaurant's program, or null when the restaurant is not on the allow-list. */
export async function loadProgramContext(models: Models, restaurantGuid: string, nowMs = Date.now()): Promise<ProgramContext | null> {
  const location = await findLocation(models, restaurantGuid, nowMs);
  if (!location) return null;
  const active = await activeProgram(models, location.programId);
  if (!active) return null;
  return {
    restaurantGuid,
    programId: location.programId,
    timezone: location.timezone,
    program: active.program,
    ruleSetHash: active.contentHash,
  };
}
