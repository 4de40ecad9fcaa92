import { parseRate } from '../../../../rules/replay/affordability.js';
import { HttpError, ValidationFailed } from '../../../http/errors.js';
import { parseRange } from '../../../replay/backtest-range.js';
import { runBacktest } from '../../../replay/backtest.js';
import { activeRuleSet, draftFromJson, ruleSetByVersion } from '../../../replay/rule-sets.js';
import { defineRoute, type JsonSchema } from '../../route.js';
import { programParams, versionLabelSchema } from '../../schemas/common.js';

interface BacktestBody { from: string; to: string; version?: string; draft?: unknown; locations?: string[]; rate?: string }

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 };

const bodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { ...day, description: 'First day (program timezone), included.' },
    to: { ...day, description: 'Last day, included; at most 92 days after `from`.' },
    version: { ...versionLabelSchema, description: 'A published version to compare with what happened.' },
    draft: { type: 'object', description: 'A draft rule file to compare with what happened (validated; errors with JSON paths). Exactly one of `version` and `draft`.' },
    locations: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 64 }, description: 'Restaurant GUIDs; all of the program when absent.' },
    rate: { type: 'string', pattern: '^\\d+(\\.\\d{1,6})?$', maxLength: 16, description: 'Dollars per point for the liability; the shop-with-points rate when absent.' },
  },
};

const reportSchema: JsonSchema = {
  type: 'object',
  required: ['totals', 'days', 'meta'],
  description: 'What `npm run rules -- backtest --json` prints: totals (current, draft, change), per-day figures for a chart of daily points, lost redemptions, points per member, tier moves, largest changes.',
  properties: { totals: { type: 'object' }, days: { type: 'array', items: { type: 'object' } }, meta: { type: 'object' } },
};

/** `POST /programs/{programId}/backtest`: a draft or version over the stored checks of a range; reads only. */
export const backtestRoute = defineRoute<{ programId: string }, Record<string, never>, BacktestBody>({
  id: 'backtest',
  method: 'post',
  path: '/programs/{programId}/backtest',
  summary: 'Backtest a draft rule file or a version over the stored checks of a date range; changes nothing',
  tag: 'replay',
  access: 'program',
  params: programParams,
  body: bodySchema,
  changesNothing: true,
  responses: {
    200: { description: 'The backtest report (an empty range answers an empty report).', schema: reportSchema },
    404: { description: 'UNKNOWN_PROGRAM, UNKNOWN_VERSION.' },
    422: { description: 'INVALID_DRAFT (problems with JSON paths), RANGE_REFUSED (bad or over 92 days), UNKNOWN_LOCATION.' },
  },
  handler: async ({ params, body, deps }) => {
    const { programId } = params;
    if ((body.version === undefined) === (body.draft === undefined)) throw new ValidationFailed([{ in: 'body', path: '/draft', message: 'give exactly one of version or draft' }]);
    const current = await activeRuleSet(deps.models, programId);
    if (!current.ok) throw new HttpError(404, 'UNKNOWN_PROGRAM', current.message);
    const draft = body.draft !== undefined ? draftFromJson(body.draft, programId, 'request body') : await ruleSetByVersion(deps.models, programId, body.version ?? '');
    if (!draft.ok) {
      if (body.draft === undefined) throw new HttpError(404, 'UNKNOWN_VERSION', draft.message);
      throw new HttpError(422, 'INVALID_DRAFT', draft.message, (draft.errors ?? []).map((e) => ({ in: 'body', path: `/draft${e.path}`, message: e.message })));
    }
    const range = parseRange(body.from, body.to, current.ruleSet.program.locations[0]?.timezone ?? 'UTC');
    if (!range.ok) throw new HttpError(422, 'RANGE_REFUSED', range.message);
    if (body.locations) {
      const known = new Set((await deps.models.Location.find({ programId }, { _id: 1 }).lean()).map((l) => l._id));
      const unknown = body.locations.filter((l) => !known.has(l));
      if (unknown.length) throw new HttpError(422, 'UNKNOWN_LOCATION', `not a restaurant of program ${programId}: ${unknown.join(', ')}`);
    }
    const rate = body.rate === undefined ? undefined : parseRate(body.rate);
    if (rate === null) throw new HttpError(422, 'VALIDATION_FAILED', 'rate must be a positive number of dollars per point', [{ in: 'body', path: '/rate', message: 'must be positive' }]);
    const report = await runBacktest(deps.models, {
      programId, current: current.ruleSet, draft: draft.ruleSet, range: range.range,
      ...(body.locations ? { locations: body.locations } : {}), ...(rate !== undefined ? { rate } : {}),
    });
    return { status: 200, body: report };
  },
});
