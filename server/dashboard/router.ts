/**
 * `/dashboard`: the program managers' web page (UI code in the top-level `dashboard/` folder).
 * The service only serves what `dashboard/build.ts` bundled into `dist/dashboard/` (every asset
 * there: the page works with no internet); `npm start`, `npm test` and `npm run build` build it
 * when it is missing or stale. The page is public, like /admin/docs: it holds no secret and
 * talks to /admin/v1 with the key the user signs in with. helmet's default Content-Security-Policy
 * holds (no inline script, no other origin).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import helmet from 'helmet';
import { NotFound } from '../http/errors.js';

export const DASHBOARD_PATH = '/dashboard';

/** The project folder: the nearest ancestor of this file holding package.json (tsx and dist/ alike). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where the built page lives (git-ignored). */
export const DASHBOARD_BUILD_DIR = path.join(projectRoot(), 'dist', 'dashboard');

const notBuilt = `The dashboard is not built. npm start and npm test build it; by hand: npx tsx dashboard/build.ts\n`;

export function dashboardRoutes(_deps?: unknown, buildDir: string = DASHBOARD_BUILD_DIR): Router {
  const router = Router();
  router.use(DASHBOARD_PATH, helmet());
  const index = path.join(buildDir, 'index.html');
  const page = (_req: express.Request, res: express.Response): void => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send(notBuilt);
      return;
    }
    // The page names its assets by content hash: it must be revalidated, they may be cached.
    res.set('Cache-Control', 'no-cache').sendFile(index);
  };
  router.get(DASHBOARD_PATH, (req, res) => {
    // Relative asset URLs need the trailing slash.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, `${DASHBOARD_PATH}/`);
    page(req, res);
  });
  router.get(`${DASHBOARD_PATH}/`, page);
  router.use(`${DASHBOARD_PATH}/assets`, express.static(path.join(buildDir, 'assets'), { index: false, immutable: true, maxAge: '365d' }), () => {
    throw new NotFound('no such dashboard asset');
  });
  return router;
}
