/**
 * `GET /admin/docs`: the interactive reference of the admin API, Swagger UI from the
 * `swagger-ui-dist` package. Every asset is served from our own origin (no CDN), the validator
 * badge (which would call validator.swagger.io) is off, and the initializer is a static file
 * rather than an inline script, so helmet's default Content-Security-Policy holds and the page
 * works with no internet. Public, like the document it renders: neither holds a secret; "Try it
 * out" asks for a key (Authorize).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';

export const DOCS_PATH = '/admin/docs';
const ASSETS = `${DOCS_PATH}/assets`;

const distDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

function page(openapiUrl: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Perkwire admin API</title>
    <link rel="stylesheet" type="text/css" href="${ASSETS}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${ASSETS}/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui" data-openapi-url="${openapiUrl}"></div>
    <script src="${ASSETS}/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="${DOCS_PATH}/init.js" charset="UTF-8"></script>
  </body>
</html>
`;
}

const initializer = `window.onload = function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi-url'),
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
};
`;

/** The assets the page loads, all from `swagger-ui-dist`. */
const assets = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

export function docsRoutes(openapiUrl: string): Router {
  const router = Router();
  router.get(DOCS_PATH, (_req, res) => {
    res.type('html').send(page(openapiUrl));
  });
  router.get(`${DOCS_PATH}/init.js`, (_req, res) => {
    res.type('application/javascript').send(initializer);
  });
  const serveStatic = express.static(distDir, { index: false, fallthrough: false, maxAge: '1h' });
  router.get(`${ASSETS}/:file`, (req, res, next) => {
    if (!assets.has(req.params.file)) return next();
    req.url = `/${req.params.file}`;
    serveStatic(req, res, next);
  });
  return router;
}
