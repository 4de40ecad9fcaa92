/** The day-range query every report route takes, and its checks beyond the schema. */
import { ValidationFailed } from '../../../http/errors.js';
import { daysBetween } from '../../../reports/report-days.js';
import type { JsonSchema } from '../../route.js';

export interface ReportRangeQuery {
  from: string;
  to: string;
  location?: string;
}

/** Longest range one request may ask for. */
export const MAX_REPORT_DAYS = 366;

export const reportRangeQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { type: 'string', format: 'date', description: 'First local day, YYYY-MM-DD.' },
    to: { type: 'string', format: 'date', description: `Last local day (included); at most ${MAX_REPORT_DAYS} days after from.` },
    location: { type: 'string', minLength: 1, maxLength: 64, description: 'Toast restaurant GUID of one of the program\'s locations.' },
  },
};

/** Refuses a reversed or too long range (400, with the query path). */
export function checkReportRange(query: ReportRangeQuery): void {
  if (query.to < query.from) throw new ValidationFailed([{ in: 'query', path: '/to', message: 'must not be before from' }], 'query is invalid');
  if (daysBetween(query.from, query.to).length > MAX_REPORT_DAYS) throw new ValidationFailed([{ in: 'query', path: '/to', message: `at most ${MAX_REPORT_DAYS} days after from` }], 'query is invalid');
}
