/**
 * Issue 10 §1: one typed path from the Toast wire to the engine. The request is validated and
 * typed where it enters, converted once at the Toast edge (server/toast/normalize/: cents,
 * canonical dates, empty strings as null), and from there on the types are trusted: nothing casts
 * them away and nothing re-parses them with a private copy of the edge's readers.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeRedemptions } from '../../../server/toast/normalize/index.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const code = [...sources('server'), ...sources('rules')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('typed Toast path: wire → edge → engine', () => {
  it('casts nothing through unknown in server/ and rules/', () => {
    expect(code.filter((c) => /\bas unknown as\b/.test(c.text)).map((c) => c.file)).to.deep.equal([]);
  });

  it('reads "non-empty string or null" in one place, the Toast edge (no private copies deeper in)', () => {
    const readers = code.filter((c) => /typeof (\w+) === 'string' && \1 !== '' \? \1 : null/.test(c.text)).map((c) => c.file);
    expect(readers).to.deep.equal([join('server', 'toast', 'normalize', 'values.ts')]);
  });

  it('hands the engine redemptions whose string members are never empty (what the engine relies on)', () => {
    const [r] = normalizeRedemptions([{
      identifier: '', itemId: '', selectionGuid: '', appliedDiscountGuid: '', multiItemDiscountGuid: '', name: '',
      itemApplication: [{ selectionIdentifier: '', appliedDiscountIdentifier: '', amount: 1 }],
    }]);
    expect(r).to.include({ identifier: null, itemId: null, selectionGuid: null, appliedDiscountGuid: null, multiItemDiscountGuid: null, name: null });
    expect(r!.itemApplication).to.deep.equal([{ selectionIdentifier: null, appliedDiscountIdentifier: null, amountCents: 100 }]);
  });
});
