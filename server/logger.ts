import pino, { type Logger } from 'pino';

/**
 * Paths redacted from every log line: credentials and guest PII. Toast bodies and member
 * documents are never logged whole, but anything that slips through is censored here.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'authorization',
  'apiKey',
  '*.phone', '*.email', '*.firstName', '*.lastName',
  '*.*.phone', '*.*.email', '*.*.firstName', '*.*.lastName',
  'phone', 'email', 'firstName', 'lastName',
  'mongodbUri', 'redisUrl',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'perkwire' }, redact: { paths: redactPaths, censor: '[redacted]' } }, destination);
}

/** Strips credentials from a connection URL before it is printed. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^@/]+)@/, '//***@');
}
