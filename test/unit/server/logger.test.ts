/** Logs never carry credentials or guest PII (non-negotiable 6). */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, safeUrl } from '../../../server/logger.js';

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

  it('hides credentials in connection URLs it prints', () => {
    expect(safeUrl('mongodb://user:s3cret@db.example.com:27017/perkwire')).to.equal('mongodb://***@db.example.com:27017/perkwire');
    expect(safeUrl('redis://127.0.0.1:6379')).to.equal('redis://127.0.0.1:6379');
  });
});
