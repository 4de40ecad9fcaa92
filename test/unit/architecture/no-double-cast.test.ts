/**
 * Issue 10 §1: validated input keeps its type from the wire to the engine. A cast through
 * `unknown` (`x as unknown as T`) is how a checked type used to be thrown away; eslint refuses it
 * in server/ and rules/ (eslint.config.js), so `npm test` fails on a new one.
 */
import { expect } from 'chai';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('no double cast through unknown', function () {
  this.timeout(30_000);

  for (const file of ['server/toast/handlers/example.ts', 'server/loyalty/example.ts', 'rules/engine/example.ts']) {
    it(`refuses \`as unknown as\` and \`<T><unknown>\` in ${file}`, async () => {
      const asCast = await messagesFor('export const f = (body: { a: string }): number => (body as unknown as { n: number }).n;\n', file);
      expect(asCast.join('\n')).to.include('no-restricted-syntax: No double cast through unknown');
      const angle = await messagesFor('export const f = (body: { a: string }): number => (<{ n: number }><unknown>body).n;\n', file);
      expect(angle.join('\n')).to.include('no-restricted-syntax: No double cast through unknown');
    });
  }

  it('lets a single, checked cast through', async () => {
    expect(await messagesFor('export const f = (v: string | number): string => v as string;\n', 'server/x.ts')).to.deep.equal([]);
  });
});
