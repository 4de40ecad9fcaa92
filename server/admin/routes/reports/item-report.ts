import { HttpError } from '../../../http/errors.js';
import { itemReport } from '../../../reports/item-report.js';
import { itemReportCsv } from '../../../reports/report-csv.js';
import { defineRoute } from '../../route.js';
import { programParams } from '../../schemas/common.js';
import { itemReportSchema } from '../../schemas/reports.js';
import { checkReportRange, reportRangeQuery, type ReportRangeQuery } from './report-range.js';

/**
 * `GET /programs/{programId}/reports/items?from=&to=&location=`: what loyalty members bought,
 * per menu item by name, from the daily rollups; `Accept: text/csv` answers CSV.
 */
export const itemReportRoute = defineRoute<{ programId: string }, ReportRangeQuery>({
  id: 'getItemReport',
  method: 'get',
  path: '/programs/{programId}/reports/items',
  summary: 'Menu items bought on loyalty checks, by name: units and sales per item over a day range',
  description: 'Counts the items of the checks credited to members (the same checks as the daily report\'s `loyaltyChecks`), net of reversed checks; a refund line counts negative. Names come from the restaurant\'s imported Toast menu (`nameSource` MENU), else the name on the POS line (POS), else the GUID. Send `Accept: text/csv` for CSV.',
  tag: 'reports',
  access: 'program',
  params: programParams,
  query: reportRangeQuery,
  responses: {
    200: { description: 'The report, largest sales first.', schema: itemReportSchema, alsoAs: ['text/csv'] },
    404: { description: 'UNKNOWN_PROGRAM; UNKNOWN_LOCATION: the location is not one of the program\'s.' },
  },
  handler: async ({ params, query, deps, req }) => {
    checkReportRange(query);
    const outcome = await itemReport(deps.models, params.programId, query);
    if (outcome.status === 'UNKNOWN_PROGRAM') throw new HttpError(404, 'UNKNOWN_PROGRAM', 'no program with this id');
    if (outcome.status === 'UNKNOWN_LOCATION') throw new HttpError(404, 'UNKNOWN_LOCATION', `location ${query.location} is not one of this program's`);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      return { status: 200, text: itemReportCsv(outcome.report), contentType: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${params.programId}-items-${query.from}-${query.to}.csv"` } };
    }
    return { status: 200, body: outcome.report };
  },
});
