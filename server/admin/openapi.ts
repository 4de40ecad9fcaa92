/**
 * The OpenAPI 3.1 document of the admin API and `/v1/claims`, built from the declared routes:
 * the same schema objects the router validates with become the parameters, request bodies and
 * responses here. Built once per process (the routes are constants).
 */
import { buildInfo } from '../build-info.js';
import { claimsOperations } from '../claims/api-description.js';
import type { AdminRoute, JsonSchema, ResponseDoc } from './route.js';

export const ADMIN_BASE = '/admin/v1';
export const OPENAPI_PATH = `${ADMIN_BASE}/openapi.json`;

/** A documented HTTP operation: an admin route, or another JSON API of ours (claims). */
export interface OperationDoc {
  id: string;
  method: string;
  /** Full path in OpenAPI form. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  responses: Record<number, ResponseDoc>;
  /** Whether a key for another program is refused with 403. */
  programScoped: boolean;
}

const problemSchema = {
  type: 'object',
  required: ['path', 'message'],
  properties: {
    path: { type: 'string', description: 'JSON Pointer into the part named by `in` (the body when absent).' },
    message: { type: 'string' },
    in: { type: 'string', enum: ['path', 'query', 'body'] },
  },
};

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'problems'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. VALIDATION_FAILED, FORBIDDEN.' },
        message: { type: 'string' },
        problems: { type: 'array', items: problemSchema, description: 'Every problem found, each located by a JSON Pointer.' },
      },
    },
  },
};

const standardErrors: Record<number, string> = {
  400: 'The request is invalid (every problem listed with its location).',
  401: 'Missing or unknown API key.',
  429: 'Too many requests from this address; retry after the RateLimit-Reset seconds.',
};

export function toOperationDoc(route: AdminRoute): OperationDoc {
  return {
    id: route.id, method: route.method, path: `${ADMIN_BASE}${route.path}`, summary: route.summary, description: route.description,
    tag: route.tag, params: route.params, query: route.query, body: route.body, responses: route.responses, programScoped: route.access === 'program',
  };
}

/**
 * Moves a schema's `definitions` into `components.schemas` as `<name>.<definition>` and points
 * its `$ref`s there, so a document viewer resolves them (the rule-file schema is draft-07 style).
 */
function hoist(fallbackName: string, schema: JsonSchema, components: Record<string, unknown>): JsonSchema {
  const { definitions, $schema: _dialect, $id: id, ...rest } = schema as JsonSchema & { definitions?: Record<string, JsonSchema> };
  if (!definitions) return schema;
  // A schema with an $id is one shared component (the rule file: `program`), however many routes use it.
  const name = typeof id === 'string' ? (id.split('/').pop() ?? fallbackName).replace(/(\.schema)?\.json$/, '') : fallbackName;
  if (components[name]) return { $ref: `#/components/schemas/${name}` };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => (
        k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')
          ? [k, `#/components/schemas/${name}.${v.slice('#/definitions/'.length)}`]
          : [k, rewrite(v)])));
    }
    return value;
  };
  for (const [def, body] of Object.entries(definitions)) components[`${name}.${def}`] = rewrite(body);
  components[name] = rewrite(rest);
  return { $ref: `#/components/schemas/${name}` };
}

function parameters(op: OperationDoc): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), description: s.description, schema: s });
    }
  }
  return list;
}

function responses(op: OperationDoc, components: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  const errors: Record<number, string> = { ...standardErrors };
  if (op.programScoped) errors[403] = 'The key does not cover this program.';
  for (const [status, description] of Object.entries(errors)) out[status] = { description, content: { 'application/json': { schema: errorRef } } };
  for (const [status, doc] of Object.entries(op.responses)) {
    const schema = Number(status) >= 400 ? errorRef : doc.schema ? hoist(`${op.id}.${status}`, doc.schema, components) : undefined;
    const content: Record<string, unknown> = {};
    if (schema) content['application/json'] = { schema };
    for (const type of doc.alsoAs ?? []) content[type] = { schema: { type: 'string' } };
    out[status] = Object.keys(content).length ? { description: doc.description, content } : { description: doc.description };
  }
  return out;
}

/** The whole document for these admin routes (plus the claims API). */
export function buildOpenApi(routes: readonly AdminRoute[]): Record<string, unknown> {
  const components: Record<string, unknown> = { Error: errorSchema };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of [...routes.map(toOperationDoc), ...claimsOperations]) {
    const operation: Record<string, unknown> = {
      operationId: op.id, summary: op.summary, tags: [op.tag], parameters: parameters(op), responses: responses(op, components),
    };
    if (op.description) operation.description = op.description;
    if (op.body) operation.requestBody = { required: true, content: { 'application/json': { schema: hoist(`${op.id}.body`, op.body, components) } } };
    (paths[op.path] ??= {})[op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Perkwire API',
      version: buildInfo().version,
      description: 'Program-manager (admin) API and receipt claims. Authenticate with `Authorization: Bearer <key>` (ADMIN_API_KEYS). Errors are `{"error":{"code","message","problems"}}`.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    tags: [...new Set([...routes.map((r) => r.tag), ...claimsOperations.map((o) => o.tag)])].map((name) => ({ name })),
    paths,
    components: { schemas: components, securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An ADMIN_API_KEYS key.' } } },
  };
}
