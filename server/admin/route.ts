/**
 * One admin API route as a declared object: method, OpenAPI-style path, the JSON schemas its
 * params / query / body are validated with, its responses, and a handler that returns its
 * answer as a value. `routes/index.ts` collects them in one array; the Express router
 * (`router.ts`) and the OpenAPI document (`openapi.ts`) are both built from that array, so the
 * document cannot describe a route that does not exist nor miss one that does.
 */
import type { Request } from 'express';
import type { ApiKeyScope } from '../http/api-key-auth.js';
import type { AppDeps } from '../http/deps.js';

/** A JSON Schema (draft 2020-12 subset that ajv 8 and OpenAPI 3.1 both read). */
export type JsonSchema = Record<string, unknown>;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler receives: validated input, the caller's key, and the app's dependencies. */
export interface AdminRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The key's scope; program-scoped routes were already checked against `params.programId`. */
  scope: ApiKeyScope;
  /** Request id (the `X-Request-Id` header answered), also stored in audit entries. */
  requestId: string;
  deps: AppDeps;
  /** The raw request, for content negotiation (`req.accepts`) and nothing else. */
  req: Request;
}

/** What a write changed, for the audit log (ids and counts only, never PII or secrets). */
export interface AuditNote {
  /** What was changed, e.g. `demo/2026.12.0`. */
  target: string;
  details?: Record<string, unknown>;
}

/** A handler's answer. JSON unless `text` is given (CSV reports). */
export interface AdminAnswer {
  status: number;
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Required on every successful answer of a route that declares `audit`. */
  audit?: AuditNote;
}

/** A documented response of a route. */
export interface ResponseDoc {
  description: string;
  schema?: JsonSchema;
  /** Other media types than JSON this status may answer with, e.g. `text/csv`. */
  alsoAs?: string[];
}

export interface AdminRoute<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> {
  /** Unique operation id, e.g. `listPrograms`. */
  id: string;
  method: HttpMethod;
  /** Path below `/admin/v1` in OpenAPI form, e.g. `/programs/{programId}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /**
   * `program`: the path has `{programId}` and the key must cover it (403 otherwise, before any
   * lookup). `any`: any valid key; the handler filters by `scope` itself.
   */
  access: 'program' | 'any';
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  /**
   * Replaces the default ajv check of `body` when the body has a validator of its own built on
   * the same schema (a rule file: schema plus semantic checks, answered with 422).
   */
  checkBody?: (value: unknown) => B;
  /** Documented successful and route-specific error answers, by status. */
  responses: Record<number, ResponseDoc>;
  /** Audit action name; required for every method other than GET unless `changesNothing` (checked by a test). */
  audit?: string;
  /** A POST that only computes (simulate): no audit entry. */
  changesNothing?: true;
  handler(request: AdminRequest<P, Q, B>): Promise<AdminAnswer>;
}

/**
 * Declares a route with typed input. The types must describe what the schemas accept: the
 * schemas are the checks, the types are how handlers read their result.
 */
export function defineRoute<P = Record<string, string>, Q = Record<string, unknown>, B = unknown>(route: AdminRoute<P, Q, B>): AdminRoute {
  return route as AdminRoute;
}
