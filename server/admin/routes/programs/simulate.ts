import type { ValidateFunction } from 'ajv';
import { simulateCheck } from '../../../../rules/simulate.js';
import { HttpError } from '../../../http/errors.js';
import { loadMenus } from '../../../menus/catalogue-store.js';
import { activeProgram } from '../../../loyalty/programs/program-cache.js';
import { findVersionBody } from '../../../loyalty/programs/rule-set-versions.js';
import { ajv as toastAjv } from '../../../toast/schemas/ajv.js';
import { CHECK_SCHEMA_ID } from '../../../toast/schemas/check-schemas.js';
import { defineRoute, type JsonSchema } from '../../route.js';
import { compilePart } from '../../schema-validation.js';
import { isoTimeSchema, programParams, versionLabelSchema } from '../../schemas/common.js';

const count = { type: 'integer', minimum: 0, maximum: 1_000_000_000 };
const usage = { type: 'object', additionalProperties: false, properties: { day: count, week: count, month: count, total: count } };

/** A member's state as the engine sees it (the rule files' fixture form; absent fields take defaults). */
const memberSchema: JsonSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['STARTER', 'REGISTERED', 'SUSPENDED'] },
    tier: { type: ['string', 'null'], maxLength: 64 },
    pointsBalance: { type: 'integer', minimum: -1_000_000_000, maximum: 1_000_000_000 },
    lifetimePoints: count,
    rollingPoints: count,
    visits: count,
    usage: { type: 'object', maxProperties: 500, additionalProperties: usage },
    budgetUsed: { type: 'object', maxProperties: 500, additionalProperties: count },
  },
};

const bodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['check'],
  properties: {
    check: { type: 'object', description: 'A Toast Check (dollars), as Toast sends it; validated like the webhook validates checks.' },
    member: memberSchema,
    at: { ...isoTimeSchema, description: 'When the check is evaluated; now when absent.' },
    location: { type: 'string', maxLength: 64, description: "Restaurant GUID; the program's first location when absent." },
    version: { ...versionLabelSchema, description: 'Version to evaluate with; the active one when absent.' },
  },
};

interface SimulateBody { check: unknown; member?: unknown; at?: string; location?: string; version?: string }

const checkEnvelope = compilePart('body', bodySchema);
const checkToastCheck = toastAjv.getSchema(CHECK_SCHEMA_ID) as ValidateFunction;

function checkSimulateBody(value: unknown): SimulateBody {
  const body = checkEnvelope(value) as SimulateBody;
  if (!checkToastCheck(body.check)) {
    const e = checkToastCheck.errors?.[0];
    throw new HttpError(400, 'VALIDATION_FAILED', 'body is invalid', [{ in: 'body', path: `/check${e?.instancePath ?? ''}`, message: e?.message ?? 'is invalid' }]);
  }
  return body;
}

const simulationSchema = {
  type: 'object',
  required: ['offers', 'redemptionLimit', 'notOffered', 'accrual', 'names'],
  description: 'What `npm run rules -- simulate --json` prints: offers with reasons, the redemption limit, rewards not offered and why, the points breakdown.',
  properties: {
    offers: { type: 'array', items: { type: 'object' } },
    redemptionLimit: { type: ['integer', 'null'] },
    notOffered: { type: 'array', items: { type: 'object' } },
    accrual: { type: 'object', required: ['points', 'eligibleSpendCents', 'breakdown', 'ruleSetVersion'] },
    names: { type: 'object', description: 'Check lines (selection GUID) and items (menu item GUID) by name, from the location\'s stored menu.' },
  },
};

/** `POST /programs/{programId}/simulate`: a check, a member state and a time → offers and points. */
export const simulateRoute = defineRoute<{ programId: string }, Record<string, never>, SimulateBody>({
  id: 'simulate',
  method: 'post',
  path: '/programs/{programId}/simulate',
  summary: 'Evaluate a check for a member state at a time (the active version, or a given one); changes nothing',
  tag: 'programs',
  access: 'program',
  params: programParams,
  body: bodySchema,
  checkBody: checkSimulateBody,
  changesNothing: true,
  responses: {
    200: { description: 'The evaluation.', schema: simulationSchema },
    404: { description: 'UNKNOWN_PROGRAM or UNKNOWN_VERSION.' },
  },
  handler: async ({ params, body, deps }) => {
    const program = body.version === undefined
      ? (await activeProgram(deps.models, params.programId))?.program
      : await findVersionBody(deps.models, params.programId, body.version);
    if (!program) {
      throw body.version === undefined
        ? new HttpError(404, 'UNKNOWN_PROGRAM', 'no program with this id')
        : new HttpError(404, 'UNKNOWN_VERSION', `program ${params.programId} has no version ${body.version}`);
    }
    const location = body.location ?? program.locations[0]?.guid;
    const menus = location === undefined ? [] : await loadMenus(deps.models, [location]);
    const { result } = await simulateCheck(program, { check: body.check, member: body.member, at: body.at ?? deps.clock.now().toISOString(), location, menus });
    return { status: 200, body: result };
  },
});
