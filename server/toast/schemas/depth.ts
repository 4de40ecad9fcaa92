/**
 * Bounds how deeply a request body nests, before anything else reads it. JSON Schema validation
 * ignores unknown members, so a body can carry an arbitrarily deep object where we never look; a
 * deep value must still never reach code that recurses or a store that refuses it (MongoDB
 * rejects documents nested past 100 levels). The walk is iterative, so it cannot overflow the
 * stack itself.
 */

/** Deepest nesting a Toast body needs is about 20 (modifiers four levels below a line); 32 leaves room. */
export const MAX_BODY_DEPTH = 32;

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The JSON Pointer of the first object or array nested deeper than `max` levels (the body
 * itself is level 0), or null when the body stays within bounds. Member names only, no values.
 */
export function tooDeepAt(body: unknown, max: number = MAX_BODY_DEPTH): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) return path.length > 120 ? `${path.slice(0, 120)}…` : path;
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, path: `${path}/${escape(key)}`, depth: depth + 1 });
    }
  }
  return null;
}
