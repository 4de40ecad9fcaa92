/** Logs never carry credentials or guest PII (non-negotiable 6). */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, safePath, safeUrl } from '../../../server/logger.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('redacts the Authorization header and guest contact data wherever they appear', () => {
    const out = capture();
    const logger = createLogger('info', out.stream);
    logger.info({
      req: { headers: { authorization: 'dev-toast-key', 'x-api-key': 'admin-secret' } },
      member: { phone: '6175550123', email: 'guest@example.com', firstName: 'Ada', lastName: 'Lovelace' },
      phone: '6175550123',
    }, 'request');
    const text = JSON.stringify(out.lines());
    for (const secret of ['dev-toast-key', 'admin-secret', '6175550123', 'guest@example.com', 'Ada', 'Lovelace']) {
      expect(text, secret).to.not.include(secret);
    }
    expect(text).to.include('[redacted]');
  });

  it('redacts the Toast API client secret and access tokens (menu sync)', () => {
    const out = capture();
    createLogger('info', out.stream).info({ toastApi: { url: 'https://ws-api.toasttab.com', clientId: 'client-1', clientSecret: 'toast-client-s3cret' }, token: { accessToken: 'eyJ.token.sig' } }, 'menu sync');
    const text = JSON.stringify(out.lines());
    expect(text).to.not.include('toast-client-s3cret').and.not.include('eyJ.token.sig');
    expect(text).to.include('client-1');
  });

  it('hides credentials in connection URLs it prints', () => {
    expect(safeUrl('mongodb://user:s3cret@db.example.com:27017/perkwire')).to.equal('mongodb://***@db.example.com:27017/perkwire');
    expect(safeUrl('redis://127.0.0.1:6379')).to.equal('redis://127.0.0.1:6379');
  });
});

describe('logger: guest data at any depth and in errors', () => {
  it('censors contact data however deep it sits, also inside arrays', () => {
    const out = capture();
    createLogger('info', out.stream).info({
      a: { b: { c: { d: { e: { phone: '6175550123', list: [{ email: 'deep@example.com' }, { customer: { firstName: 'Grace' } }] } } } } },
    }, 'deep');
    const text = JSON.stringify(out.lines());
    for (const secret of ['6175550123', 'deep@example.com', 'Grace']) expect(text, secret).to.not.include(secret);
  });

  it('logs a duplicate-key error without the key values it carries', () => {
    const out = capture();
    const err = Object.assign(new Error('E11000 duplicate key error collection: p.memberKeys index: _id_ dup key: { _id: "demo|phone|6175550123" }'), {
      name: 'MongoServerError', code: 11000, keyValue: { _id: 'demo|phone|6175550123' }, keyPattern: { _id: 1 },
    });
    createLogger('info', out.stream).error({ err, nested: { cause: err } }, 'insert failed');
    const line = out.lines()[0]!;
    expect(JSON.stringify(line)).to.not.include('6175550123');
    expect(line.err).to.include({ type: 'MongoServerError', code: 11000 });
  });

  it('keeps e-mail addresses and phone numbers out of error messages', () => {
    const out = capture();
    createLogger('info', out.stream).error({ err: new Error('no member for guest@example.com or 617-555-0123') }, 'lookup failed');
    const text = JSON.stringify(out.lines());
    expect(text).to.not.include('guest@example.com');
    expect(text).to.not.include('555-0123');
  });
});

describe('logger: request paths', () => {
  it('censors path segments that look like a phone or an e-mail', () => {
    expect(safePath('/admin/v1/programs/demo/members/6175550123')).to.equal('/admin/v1/programs/demo/members/[redacted]');
    expect(safePath('/admin/v1/programs/demo/members/(617)%20555-0123')).to.equal('/admin/v1/programs/demo/members/[redacted]');
    expect(safePath('/admin/v1/programs/demo/members/guest%40example.com')).to.equal('/admin/v1/programs/demo/members/[redacted]');
    expect(safePath('/admin/v1/programs/demo/members/3f2a9c1e-0b1d-4e55-9c1a-7d2e8f00aa11')).to.equal('/admin/v1/programs/demo/members/3f2a9c1e-0b1d-4e55-9c1a-7d2e8f00aa11');
    expect(safePath('/admin/v1/members/6175550123?x=1')).to.equal('/admin/v1/members/[redacted]?x=1');
  });
});
