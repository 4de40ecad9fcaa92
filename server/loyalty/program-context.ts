/**
 * The program a Toast restaurant belongs to: its location (allow-list entry) and the active
 * published rule set (cached by program-cache.ts).
 */
import type { Program } from '../../rules/index.js';
import type { Models } from '../store/models/index';
import { activeProgram } from './program-cache';

export interface ProgramContext {
  restaurantGuid: string;
  programId: string;
  timezone: string;
  program: Program;
  /** Content hash of the active rule set. */
  ruleSetHash: string;
}

/** The restaurant's program, or null when the restaurant is not on the allow-list. */
export async function loadProgramContext(models: Models, restaurantGuid: string): Promise<ProgramContext | null> {
  const location = await models.Location.findById(restaurantGuid).lean();
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
