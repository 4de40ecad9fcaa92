/**
 * Screenshots of the browser tests: every one into e2e-artifacts/ (git-ignored); with
 * PERKWIRE_README_SCREENSHOTS=<dir> (`npm run screenshots`) the README's main views into that
 * folder as well (committed: docs/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = path.resolve('e2e-artifacts');

export async function screenshot(page: Page, name: string, opts: { readme?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const readmeDir = process.env.PERKWIRE_README_SCREENSHOTS;
  if (opts.readme && readmeDir) {
    mkdirSync(readmeDir, { recursive: true });
    await page.screenshot({ path: path.join(readmeDir, `${name}.png`), fullPage: true });
  }
  return file;
}
