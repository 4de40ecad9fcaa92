/** The accrual worker runs as many posting jobs at once as ACCRUAL_CONCURRENCY says (issue 10 §5). */
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { loadConfig } from '../../../config/index.js';
import { accrualWorkerOptions } from '../../../workers/accrual.worker.js';

describe('accrual worker options', () => {
  // Never connects: lazyConnect, and the options only carry it.
  const connection = new Redis({ lazyConnect: true });
  after(() => connection.disconnect());

  it('takes its concurrency from the configuration (default 32)', () => {
    expect(accrualWorkerOptions(loadConfig({}), connection).concurrency).to.equal(32);
    const config = loadConfig({ ACCRUAL_CONCURRENCY: '3', JOB_LOCK_MS: '5000', QUEUE_PREFIX: 'pw' });
    expect(accrualWorkerOptions(config, connection)).to.include({ concurrency: 3, lockDuration: 5000, stalledInterval: 5000, prefix: 'pw', connection });
  });

  it('refuses a concurrency below 1 at boot', () => {
    expect(() => loadConfig({ ACCRUAL_CONCURRENCY: '0' })).to.throw(/ACCRUAL_CONCURRENCY/);
  });
});
