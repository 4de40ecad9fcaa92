import type { NormalizedCheck } from './types.js';

/** Converts a raw Toast Check (dollars, nulls, numeric strings) into the engine's cents model. */
export function normalizeToastCheck(toastCheck: unknown): NormalizedCheck {
  void toastCheck;
  throw new Error('not implemented yet');
}
