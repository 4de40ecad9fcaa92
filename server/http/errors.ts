import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** A problem with one field of a request, located by a JSON Pointer. */
export interface FieldProblem {
  /** JSON Pointer into the part named by `in` (the body when `in` is absent). */
  path: string;
  message: string;
  /** Which part of the request `path` points into (admin API; the body when absent). */
  in?: 'path' | 'query' | 'body';
}

/** The closed set of errors the admin and public APIs answer with; anything else is a 500. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly problems: FieldProblem[] = []) {
    super(message);
    this.name = 'HttpError';
  }
}

export class ValidationFailed extends HttpError {
  constructor(problems: FieldProblem[], message = 'request is invalid') {
    super(400, 'VALIDATION_FAILED', message, problems);
  }
}

export class Unauthorized extends HttpError {
  constructor() {
    super(401, 'UNAUTHORIZED', 'missing or invalid API key');
  }
}

export class Forbidden extends HttpError {
  constructor(message = 'not allowed for this key') {
    super(403, 'FORBIDDEN', message);
  }
}

export class NotFound extends HttpError {
  constructor(message = 'not found') {
    super(404, 'NOT_FOUND', message);
  }
}

export class Conflict extends HttpError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

/**
 * The one error mapper for JSON APIs: known errors become their status and code; body-parser
 * failures become 400/413; everything else a 500 that leaks nothing internal.
 */
export function errorMapper(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) return;
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, problems: err.problems } });
      return;
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'MALFORMED_JSON', message: 'request body is not valid JSON', problems: [] } });
      return;
    }
    if (type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'BODY_TOO_LARGE', message: 'request body is too large', problems: [] } });
      return;
    }
    // Any other body-parser refusal (unsupported Content-Encoding or charset, aborted upload)
    // is the client's: its own 4xx status, never a 500.
    const status = (err as { status?: unknown }).status;
    if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      res.status(status).json({ error: { code, message: 'request body cannot be read', problems: [] } });
      return;
    }
    logger.error({ err, path: req.path }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error', problems: [] } });
  };
}
