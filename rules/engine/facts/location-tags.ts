import type { FactDefinition } from './fact.js';

export const locationTags: FactDefinition = {
  id: 'locationTags',
  kind: 'stringList',
  description: 'Tags of the location (use `contains` / `doesNotContain`).',
  compute: ({ locationTags: tags }) => tags,
};
