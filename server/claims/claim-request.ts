/**
 * The body of `POST /v1/claims`, validated where it enters: ajv compiled once, every problem
 * reported at once with its JSON Pointer, strings bounded, no coercion, no unknown fields.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { HttpError, ValidationFailed, type FieldProblem } from '../http/errors.js';

/** What a valid body holds. */
export interface ClaimRequestBody {
  /** The receipt's QR payload `LOCATION_GUID:ORDER_GUID:CHECK_GUID`. */
  receipt: string;
  /** The claiming member's loyalty identifier in the receipt's program. */
  loyaltyIdentifier: string;
  /** The program to act in; by default the API key's program (or the receipt's, for `*` keys). */
  programId?: string;
}

const guidPart = '[A-Za-z0-9-]{1,64}';

export const claimRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['receipt', 'loyaltyIdentifier'],
  properties: {
    receipt: { type: 'string', maxLength: 200, pattern: `^${guidPart}:${guidPart}:${guidPart}$` },
    loyaltyIdentifier: { type: 'string', minLength: 1, maxLength: 128 },
    programId: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;

// allErrors is safe here: the schema is flat and every string is bounded.
const ajv = new Ajv({ allErrors: true, coerceTypes: false, strict: true });
const validate = ajv.compile<ClaimRequestBody>(claimRequestSchema);

function problemOf(e: ErrorObject): FieldProblem {
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  return { path: child === undefined ? e.instancePath || '/' : `${e.instancePath}/${child}`, message: e.message ?? 'is invalid' };
}

/**
 * The body as a ClaimRequestBody, or throws: MALFORMED_RECEIPT (400) when the receipt is at
 * fault, VALIDATION_FAILED (400) otherwise; both list every problem.
 */
export function parseClaimRequest(body: unknown): ClaimRequestBody {
  if (validate(body)) return body;
  const problems = (validate.errors ?? []).map(problemOf);
  if (problems.some((p) => p.path === '/receipt')) {
    throw new HttpError(400, 'MALFORMED_RECEIPT', 'receipt must look like LOCATION_GUID:ORDER_GUID:CHECK_GUID', problems);
  }
  throw new ValidationFailed(problems);
}
