import { HttpError } from '../../../http/errors.js';
import { dailyReport } from '../../../reports/daily-report.js';
import { reportCsv } from '../../../reports/report-csv.js';
import { defineRoute } from '../../route.js';
import { programParams } from '../../schemas/common.js';
import { dailyReportSchema } from '../../schemas/reports.js';
import { checkReportRange, reportRangeQuery, type ReportRangeQuery } from './report-range.js';

/**
 * `GET /programs/{programId}/reports/daily?from=&to=&location=`: per day and location, from the
 * daily rollups the workers keep (never a ledger scan); `Accept: text/csv` answers CSV.
 */
export const dailyReportRoute = defineRoute<{ programId: string }, ReportRangeQuery>({
  id: 'getDailyReport',
  method: 'get',
  path: '/programs/{programId}/reports/daily',
  summary: 'Daily figures per location: loyalty checks, sales, discounts, points earned/redeemed/expired/adjusted, reward uses, new members',
  description: 'Days are local days in the program\'s timezone (its first location\'s). Figures come from daily rollups refreshed by the workers every 5 minutes (`npm run reports -- rebuild` recomputes a range). Each event counts on the day it was recorded; reversals are negative on their own day. `location` null rows hold what belongs to no restaurant (adjustments, expiry, new members). Send `Accept: text/csv` for CSV.',
  tag: 'reports',
  access: 'program',
  params: programParams,
  query: reportRangeQuery,
  responses: {
    200: { description: 'The report.', schema: dailyReportSchema, alsoAs: ['text/csv'] },
    404: { description: 'UNKNOWN_PROGRAM; UNKNOWN_LOCATION: the location is not one of the program\'s.' },
  },
  handler: async ({ params, query, deps, req }) => {
    checkReportRange(query);
    const outcome = await dailyReport(deps.models, params.programId, query);
    if (outcome.status === 'UNKNOWN_PROGRAM') throw new HttpError(404, 'UNKNOWN_PROGRAM', 'no program with this id');
    if (outcome.status === 'UNKNOWN_LOCATION') throw new HttpError(404, 'UNKNOWN_LOCATION', `location ${query.location} is not one of this program's`);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      return { status: 200, text: reportCsv(outcome.report), contentType: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${params.programId}-daily-${query.from}-${query.to}.csv"` } };
    }
    return { status: 200, body: outcome.report };
  },
});
