/** Response schemas of the program routes. */
import { isoTimeSchema } from './common.js';

export const programSummarySchema = {
  type: 'object',
  required: ['id', 'name', 'activeVersion', 'activeHash', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    activeVersion: { type: 'string', description: 'Label of the active rule-set version.' },
    activeHash: { type: 'string', description: 'Content hash (SHA-256) of the active rule-set version.' },
    updatedAt: isoTimeSchema,
  },
};
