/**
 * The OpenAPI document is built from the same declared routes as the router: every Express
 * route of the admin API and the claims API is in it, and nothing in it is missing from Express.
 * The docs page works offline: every asset it loads comes from our own origin.
 */
import { expect } from 'chai';
import request from 'supertest';
import type { Express } from 'express';
import { adminRouteList } from '../../../server/admin/routes/index.js';
import { claimRequestSchema } from '../../../server/claims/claim-request.js';
import type { TestApp } from '../../support/app.js';
import { startAdminApp } from './helpers.js';

interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } }

/** Every `METHOD path` Express would route, walking nested routers. */
function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) found.push(`${m.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

const toExpress = (openApiPath: string): string => openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

describe('admin API: OpenAPI document and docs page', () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>> };
  before(async () => {
    t = await startAdminApp();
    doc = (await request(t.app).get('/admin/v1/openapi.json').expect(200)).body;
  });
  after(async () => { await t.close(); });

  it('is OpenAPI 3.1 and needs no key', () => {
    expect(doc.openapi).to.equal('3.1.0');
  });

  it('describes every Express route of the admin and claims APIs, and no route Express lacks', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${toExpress(path)}`));
    const served = expressRoutes(t.app).filter((r) => / \/(admin\/v1|v1)\//.test(r) && !r.endsWith('/openapi.json'));
    expect(served.length).to.be.greaterThan(0);
    for (const route of served) expect(documented, `${route} is missing from openapi.json`).to.include(route);
    for (const route of documented) expect(served, `${route} is documented but not served`).to.include(route);
    expect(documented).to.include('POST /v1/claims');
  });

  it('uses the schemas the routes validate with', () => {
    for (const route of adminRouteList) {
      const op = doc.paths[`/admin/v1${route.path}`]?.[route.method];
      expect(op, route.id).to.not.equal(undefined);
      const queryNames = Object.keys((route.query?.properties ?? {}) as object);
      expect(op!.parameters.filter((p) => p.in === 'query').map((p) => p.name)).to.deep.equal(queryNames);
      if (route.access === 'program') expect(op!.responses).to.have.property('403');
      if (route.body) expect(op!.requestBody, route.id).to.not.equal(undefined);
    }
    const claim = doc.paths['/v1/claims']!.post! as unknown as { requestBody: { content: Record<string, { schema: unknown }> } };
    expect(claim.requestBody.content['application/json']!.schema).to.deep.equal(claimRequestSchema);
  });

  it('serves an interactive reference whose every asset comes from our own origin', async () => {
    const page = await request(t.app).get('/admin/docs').expect(200);
    expect(page.headers['content-type']).to.match(/text\/html/);
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).to.be.greaterThan(2);
    for (const url of urls) {
      expect(url, url).to.match(/^\/admin\/docs\//);
      const asset = await request(t.app).get(url);
      expect(asset.status, url).to.equal(200);
      expect(asset.body.length ?? asset.text.length, url).to.be.greaterThan(0);
    }
    expect(page.text).to.include('data-openapi-url="/admin/v1/openapi.json"');
    const init = await request(t.app).get('/admin/docs/init.js');
    expect(init.text).to.include('validatorUrl: null');
    // No inline script: helmet's CSP allows scripts from 'self' only.
    expect(page.text).to.not.match(/<script>(?!<\/script>)/);
    expect(page.headers['content-security-policy']).to.include("script-src 'self'");
    expect((await request(t.app).get('/admin/docs/assets/index.html')).status).to.equal(404);
  });
});
