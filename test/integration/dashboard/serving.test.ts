/**
 * The service serves the bundled dashboard at /dashboard (dist/dashboard/, built by
 * dashboard/build.ts): the page, its hashed assets from our own origin under helmet's CSP, and a
 * clear 503 when nothing is built.
 */
import { expect } from 'chai';
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { buildDashboard, isStale, outDir } from '../../../dashboard/build.js';
import { DASHBOARD_BUILD_DIR, dashboardRoutes } from '../../../server/dashboard/router.js';
import { startTestApp, type TestApp } from '../../support/app.js';

describe('dashboard serving', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async function () {
    // A rebuild (when an earlier test removed dist/) on a loaded machine takes a while.
    this.timeout(180_000);
    await buildDashboard();
    t = await startTestApp({ dbPrefix: 'dash' });
  });
  after(async () => { await t.close(); });

  it('builds into the folder the server reads, and a second build with unchanged sources is skipped', async () => {
    expect(outDir).to.equal(DASHBOARD_BUILD_DIR);
    expect(isStale()).to.equal(false);
    expect(await buildDashboard()).to.equal('fresh');
  });

  it('serves the page at /dashboard/ (redirecting /dashboard) with its assets from our own origin', async () => {
    await request(t.app).get('/dashboard').expect(301).expect('Location', '/dashboard/');
    const page = await request(t.app).get('/dashboard/').expect(200).expect('Content-Type', /html/);
    expect(page.headers['content-security-policy']).to.include("script-src 'self'").and.to.include("default-src 'self'");
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).to.have.length(2);
    for (const asset of assets) {
      expect(asset).to.match(/^assets\/app-[A-Z0-9]+\.(js|css)$/);
      const res = await request(t.app).get(`/dashboard/${asset}`).expect(200);
      expect(res.headers['cache-control']).to.include('immutable');
    }
    const script = readFileSync(path.join(outDir, assets.find((a) => a.endsWith('.js'))!), 'utf8');
    expect(script, 'no CDN or other origin is loaded').to.not.match(/https?:\/\/(cdn|unpkg|fonts\.googleapis|jsdelivr)/);
  });

  it('answers 404 for an unknown asset and 503 with the build command when nothing is built', async () => {
    await request(t.app).get('/dashboard/assets/nope.js').expect(404);
    const bare = express().use(dashboardRoutes(undefined, path.join(outDir, 'missing')));
    const res = await request(bare).get('/dashboard/').expect(503);
    expect(res.text).to.include('dashboard/build.ts');
  });
});
