/**
 * The admin API's common behaviour: authentication, program scope, validation answers, request
 * ids, helmet headers, the rate limit, and the audit log every write goes through.
 */
import { expect } from 'chai';
import request from 'supertest';
import type { TestApp } from '../../support/app.js';
import { admin, ADMIN_KEYS, startAdminApp } from './helpers.js';

describe('admin API: authentication, scope, validation', () => {
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  it('refuses a request without a key, with an unknown key, or with a non-Bearer scheme (401)', async () => {
    for (const req of [
      request(t.app).get('/admin/v1/programs'),
      request(t.app).get('/admin/v1/programs').set('Authorization', 'Bearer not-a-key'),
      request(t.app).get('/admin/v1/programs').set('Authorization', `Basic ${ADMIN_KEYS.ops}`),
    ]) {
      const res = await req;
      expect(res.status).to.equal(401);
      expect(res.body.error).to.include({ code: 'UNAUTHORIZED' });
    }
  });

  it('lists only the programs a key covers', async () => {
    const all = await admin(t, 'get', '/admin/v1/programs');
    expect(all.status).to.equal(200);
    expect(all.body.programs.map((p: { id: string }) => p.id)).to.deep.equal(['cafe', 'demo']);
    const cafe = await admin(t, 'get', '/admin/v1/programs', ADMIN_KEYS.cafe);
    expect(cafe.body.programs.map((p: { id: string }) => p.id)).to.deep.equal(['cafe']);
    expect(cafe.body.programs[0]).to.include.keys('activeVersion', 'activeHash', 'name');
  });

  it('answers an unknown query field with 400 and its location', async () => {
    const res = await admin(t, 'get', '/admin/v1/programs?limit=5');
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('VALIDATION_FAILED');
    expect(res.body.error.problems).to.deep.include({ in: 'query', path: '/limit', message: 'is not a known field' });
  });

  it('answers with a request id: the caller\'s when it looks like one, else a fresh one', async () => {
    const mine = await admin(t, 'get', '/admin/v1/programs').set('X-Request-Id', 'req-0123456789');
    expect(mine.headers['x-request-id']).to.equal('req-0123456789');
    const bad = await admin(t, 'get', '/admin/v1/programs').set('X-Request-Id', 'x y {z}');
    expect(bad.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sets helmet headers on /admin', async () => {
    const res = await admin(t, 'get', '/admin/v1/programs');
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers['content-security-policy']).to.include("default-src 'self'");
    expect(res.headers).to.not.have.property('x-powered-by');
  });

  it('answers an unknown /admin path with a JSON 404', async () => {
    const res = await admin(t, 'get', '/admin/v1/nothing-here');
    expect(res.status).to.equal(404);
    expect(res.body.error.code).to.equal('NOT_FOUND');
  });
});

describe('admin API: rate limit', () => {
  let t: TestApp;
  before(async () => { t = await startAdminApp({ ADMIN_RATE_LIMIT_PER_MINUTE: '3' }); });
  after(async () => { await t.close(); });

  it('answers 429 in the API error format past ADMIN_RATE_LIMIT_PER_MINUTE, with RateLimit headers', async () => {
    for (let i = 0; i < 3; i++) expect((await admin(t, 'get', '/admin/v1/programs')).status).to.equal(200);
    const res = await admin(t, 'get', '/admin/v1/programs');
    expect(res.status).to.equal(429);
    expect(res.body.error.code).to.equal('RATE_LIMITED');
    expect(res.headers).to.have.property('ratelimit-policy');
    // The Toast webhook is not behind the admin limit.
    expect((await request(t.app).get('/healthz')).status).to.equal(200);
  });
});
