/**
 * Toast's own documents as test material: the response side of Toast's published OpenAPI
 * definition (test/fixtures/toast-published/toast-loyalty-response.schema.json, copied verbatim
 * from ../shared/toast-docs/) and the printed examples, which are not always valid JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const ROOT = fileURLToPath(new URL('../fixtures/toast-published/', import.meta.url));

/** A file of test/fixtures/toast-published/ as text. */
export function publishedText(name: string): string {
  return readFileSync(ROOT + name, 'utf8');
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
// allErrors: the 003 response test lists every deviation of Toast's own example.
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validatePublished = ajv.compile(JSON.parse(publishedText('toast-loyalty-response.schema.json')) as object);

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/** Every way `body` breaks Toast's published response schema, as "path message" lines; empty when it conforms. */
export function publishedSchemaErrors(body: unknown): string[] {
  return validatePublished(body) ? [] : describe(validatePublished.errors);
}

/**
 * Toast's published schema applied to an answer we sent with `httpStatus`, with our one
 * deliberate exception stated here rather than hidden: the OpenAPI enum has no `ERROR`, and we
 * answer an unexpected failure with HTTP 500 `{"transactionStatus":"ERROR"}` (CONTRACT-CHOICES.md,
 * "HTTP status of each transactionStatus"). Such an answer must carry nothing else but an
 * optional `message`; every other answer must conform.
 */
export function publishedResponseErrors(httpStatus: number, body: unknown): string[] {
  const b = body as Record<string, unknown> | null;
  if (httpStatus === 500 && b !== null && typeof b === 'object' && b.transactionStatus === 'ERROR') {
    const extra = Object.keys(b).filter((k) => k !== 'transactionStatus' && k !== 'message');
    return extra.map((k) => `/${k} not expected with ERROR`);
  }
  return publishedSchemaErrors(body);
}

/** Drops the footnote markers the documents glue to line ends (`[],1`, `[2`, `"ACCEPT"4`). */
export function stripFootnoteMarkers(printed: string): string {
  return printed.replace(/([{[,"\]])\d+$/gm, '$1');
}

/**
 * Repairs an example printed without its bracket-only lines (002's Orders-API fragment): drops the
 * footnote markers glued to line ends (`{1`, `,2`, `"3`), reopens the object an array element
 * needs, and closes what indentation shows was closed. Returns the JSON text.
 */
export function repairPrintedJson(printed: string): string {
  const out: string[] = ['{'];
  const stack: { close: string; indent: number }[] = [{ close: '}', indent: -1 }];
  for (const raw of printed.split('\n')) {
    if (raw.trim() === '') continue;
    const line = stripFootnoteMarkers(raw);
    const indent = line.length - line.trimStart().length;
    const closing = /^[\]}]/.test(line.trim());
    while (!closing && stack.length > 1 && (stack[stack.length - 1] as { indent: number }).indent >= indent) out.push((stack.pop() as { close: string }).close);
    if (closing) stack.pop();
    const top = stack[stack.length - 1] as { close: string; indent: number };
    if (top.close === ']' && /^"/.test(line.trim())) {
      out.push('{');
      stack.push({ close: '}', indent: indent - 1 });
    }
    out.push(line.trim());
    if (/[{[]$/.test(line.trim())) stack.push({ close: line.trim().endsWith('{') ? '}' : ']', indent });
  }
  while (stack.length > 0) out.push((stack.pop() as { close: string }).close);
  // Restore the commas that went with the dropped closing lines.
  return out.join('\n').replace(/([}\]"\d]|true|false|null)\n(?=["{])/g, '$1,\n').replace(/,\n(?=[}\]])/g, '\n');
}
