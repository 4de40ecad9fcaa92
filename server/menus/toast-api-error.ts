/**
 * Failures talking to Toast's APIs, one code per thing an operator does about it. Messages
 * name the endpoint and status, never a credential or token.
 */
export type ToastApiErrorCode =
  /** TOAST_API_URL, TOAST_CLIENT_ID or TOAST_CLIENT_SECRET is not set. */
  | 'NOT_CONFIGURED'
  /** 401/403: the client id and secret were refused, or lack the menus:read scope. */
  | 'UNAUTHORIZED'
  /** Network failure, timeout, 429 or 5xx after every retry. */
  | 'UNAVAILABLE'
  /** 404: Toast has no published menu for the restaurant (or does not know it). */
  | 'NOT_FOUND'
  /** A response that is not the documented JSON. */
  | 'BAD_RESPONSE';

export class ToastApiError extends Error {
  constructor(readonly code: ToastApiErrorCode, message: string) {
    super(message);
    this.name = 'ToastApiError';
  }
}
