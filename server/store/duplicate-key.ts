/**
 * MongoDB's duplicate-key error (code 11000): a unique index refused an insert or an update.
 * Perkwire's single-document concurrency rests on it (ARCHITECTURE §5): "already applied",
 * "slot taken", "lost the race" are all this error, read as an expected outcome where it is
 * caught. The one way to recognise it, on real MongoDB and the dev server alike.
 */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
