/**
 * Toast instants, read tolerantly and written canonically. Toast's own examples send dates as
 * epoch-millisecond numbers (003's `"openedDate":1549306677657`), other payloads as ISO-8601
 * strings with `Z`, `+00:00` or `+0000`, and some as numeric strings. Every form is parsed here,
 * once, into one canonical UTC ISO-8601 string (`2019-02-04T18:57:57.657Z`).
 */

/** Epoch milliseconds we accept: 1970 up to the year 3000 (bounds a hostile number). */
export const MAX_EPOCH_MS = 32_503_680_000_000;

/** ISO 8601 date-time with `Z`, `±hh:mm` or `±hhmm` (the request schema uses the same text). */
export const ISO_DATE_TIME = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):?([0-5]\d))$/;

/** Digits only: an epoch-millisecond count sent as a string. */
const EPOCH_TEXT = /^\d{1,15}$/;

function fromEpochMs(ms: number): string | null {
  return Number.isSafeInteger(ms) && ms >= 0 && ms <= MAX_EPOCH_MS ? new Date(ms).toISOString() : null;
}

function fromIso(text: string): string | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  // Date.parse does not read `+0000`: rewrite the offset as `+00:00` first.
  const offset = m[8] === 'Z' ? 'Z' : `${m[8]?.slice(0, 1)}${m[9]}:${m[10]}`;
  const fraction = (m[7] ?? '').slice(0, 4); // milliseconds: Date has no finer resolution
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${fraction}${offset}`);
  return Number.isFinite(ms) ? fromEpochMs(ms) : null;
}

/**
 * The canonical UTC ISO-8601 text of a Toast instant (ISO string, epoch-ms number or numeric
 * string), or null when the value is absent or not an instant.
 */
export function toastInstant(value: unknown): string | null {
  if (typeof value === 'number') return fromEpochMs(value);
  if (typeof value !== 'string') return null;
  if (EPOCH_TEXT.test(value)) return fromEpochMs(Number(value));
  return value.length <= 40 ? fromIso(value) : null;
}
