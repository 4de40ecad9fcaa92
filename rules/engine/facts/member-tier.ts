import { effectiveTierId } from '../tiers.js';
import type { FactDefinition } from './fact.js';

export const memberTier: FactDefinition = {
  id: 'memberTier',
  kind: 'string',
  description: 'Tier id of the member (derived from the tier basis), or NONE.',
  compute: ({ program, member }) => effectiveTierId(program, member) ?? 'NONE',
};
