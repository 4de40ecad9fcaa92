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

export const versionInfoSchema = {
  type: 'object',
  required: ['programId', 'version', 'contentHash', 'publishedAt', 'publishedBy'],
  properties: {
    programId: { type: 'string' },
    version: { type: 'string' },
    contentHash: { type: 'string' },
    publishedAt: isoTimeSchema,
    publishedBy: { type: 'string', description: 'Key fingerprint of the publisher, or `boot:<file>`.' },
  },
};

const activationSchema = {
  type: 'object',
  required: ['version', 'contentHash', 'at', 'by', 'how'],
  properties: {
    version: { type: 'string' },
    contentHash: { type: 'string' },
    at: isoTimeSchema,
    by: { type: 'string' },
    how: { type: 'string', enum: ['BOOT', 'API', 'SCHEDULED'] },
  },
};

const scheduledSchema = {
  type: ['object', 'null'],
  required: ['version', 'at', 'by', 'requestedAt'],
  properties: { version: { type: 'string' }, at: isoTimeSchema, by: { type: 'string' }, requestedAt: isoTimeSchema },
};

export const programDetailSchema = {
  type: 'object',
  required: ['program', 'scheduled', 'activations', 'versions'],
  properties: {
    program: programSummarySchema,
    scheduled: scheduledSchema,
    activations: { type: 'array', items: activationSchema, description: 'Newest first (the last 100).' },
    versions: { type: 'array', items: versionInfoSchema, description: 'Published versions, newest first (the last 200).' },
  },
};
