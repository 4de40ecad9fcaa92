/**
 * bull-board at /admin/queues: behind an all-programs admin key (Basic for browsers, Bearer for
 * tools), showing Perkwire's queues; job actions are audited.
 */
import { expect } from 'chai';
import request from 'supertest';
import { keyFingerprint } from '../../../server/http/api-key-auth.js';
import { boardKey } from '../../../server/admin/queue-board.js';
import type { TestApp } from '../../support/app.js';
import { ADMIN_KEYS, startAdminApp } from '../admin/helpers.js';

const basic = (key: string) => `Basic ${Buffer.from(`ops:${key}`).toString('base64')}`;

describe('/admin/queues (bull-board)', () => {
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  it('asks a browser for credentials (401 with WWW-Authenticate: Basic) and refuses unknown keys', async () => {
    const none = await request(t.app).get('/admin/queues');
    expect(none.status).to.equal(401);
    expect(none.headers['www-authenticate']).to.match(/^Basic realm="Perkwire queues"/);
    expect(none.body.error.code).to.equal('UNAUTHORIZED');
    expect((await request(t.app).get('/admin/queues').set('Authorization', basic('wrong'))).status).to.equal(401);
  });

  it('refuses a key scoped to one program (403): queues hold every program\'s jobs', async () => {
    const res = await request(t.app).get('/admin/queues').set('Authorization', basic(ADMIN_KEYS.demo));
    expect(res.status).to.equal(403);
  });

  it('serves the board and its API to an all-programs key, by Basic or Bearer', async () => {
    const page = await request(t.app).get('/admin/queues').set('Authorization', basic(ADMIN_KEYS.ops));
    expect(page.status).to.equal(200);
    expect(page.text).to.include('<base href="/admin/queues/"');
    const api = await request(t.app).get('/admin/queues/api/queues').set('Authorization', `Bearer ${ADMIN_KEYS.ops}`);
    expect(api.status).to.equal(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).to.deep.equal(['accrual', 'expiry', 'ledger-verify', 'menu-sync', 'report-rollup', 'retention']);
  });

  it('records job actions in the audit log before they run', async () => {
    await request(t.app).put('/admin/queues/api/queues/accrual/retry/failed').set('Authorization', `Bearer ${ADMIN_KEYS.ops}`).set('X-Request-Id', 'queue-retry-0001');
    const entry = await t.deps.models.AuditEntry.findOne({ requestId: 'queue-retry-0001' }).lean();
    expect(entry).to.include({ keyId: keyFingerprint(ADMIN_KEYS.ops), action: 'queue.put', target: '/api/queues/accrual/retry/failed' });
  });

  it('reads the key from Basic (password) or Bearer headers', () => {
    expect(boardKey(basic('k1'))).to.equal('k1');
    expect(boardKey('Bearer k2')).to.equal('k2');
    expect(boardKey('Digest x')).to.equal(null);
    expect(boardKey(undefined)).to.equal(null);
  });
});
