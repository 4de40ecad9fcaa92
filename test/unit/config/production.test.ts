/** Issue 9 items 2 and 9: production fails closed, and the request time budget holds. */
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../config/index.js';

const strong = (c: string) => c.repeat(40);
const PRODUCTION = {
  NODE_ENV: 'production', TOAST_API_KEYS: strong('t'), ADMIN_API_KEYS: `${strong('a')}:demo`, MEMBER_KEY_SECRET: strong('m'),
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems.join('\n');
  }
  return '';
}

describe('production configuration fails closed', () => {
  it('accepts strong explicit secrets', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.nodeEnv).to.equal('production');
    expect(config.memberKeySecret).to.equal(strong('m'));
  });

  it('refuses the development keys even when they are set explicitly', () => {
    for (const [key, value] of [['TOAST_API_KEYS', 'dev-toast-key'], ['TOAST_API_KEYS', `${strong('t')},dev-toast-key`],
      ['ADMIN_API_KEYS', 'dev-admin-key:*'], ['ADMIN_API_KEYS', 'dev-admin-key:demo'], ['MEMBER_KEY_SECRET', 'dev-member-key-secret-not-for-production']] as const) {
      expect(problemsOf({ ...PRODUCTION, [key]: value }), `${key}=${value}`).to.include(`${key}: a development value is refused`);
    }
  });

  it('refuses keys and secrets shorter than 32 characters, without printing them', () => {
    for (const key of ['TOAST_API_KEYS', 'MEMBER_KEY_SECRET'] as const) {
      const problems = problemsOf({ ...PRODUCTION, [key]: 'short-but-secret-value-31-chars' });
      expect(problems).to.include(`${key}: every key must be at least 32 characters`);
      expect(problems).not.to.include('short-but-secret');
    }
    const admin = problemsOf({ ...PRODUCTION, ADMIN_API_KEYS: `${strong('a')}:demo,tiny-admin-key:*` });
    expect(admin).to.include('ADMIN_API_KEYS: every key must be at least 32 characters');
    expect(admin).not.to.include('tiny-admin-key');
  });

  it('refuses missing secrets', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const key of ['TOAST_API_KEYS', 'ADMIN_API_KEYS', 'MEMBER_KEY_SECRET']) expect(problems).to.include(`${key} must be set explicitly`);
  });

  it('publishes no demo program unless asked to', () => {
    expect(loadConfig(PRODUCTION).seedDemo).to.equal(false);
    expect(loadConfig({ ...PRODUCTION, SEED_DEMO: 'true' }).seedDemo).to.equal(true);
    expect(loadConfig({}).seedDemo).to.equal(true);
  });
});

describe('request time budget', () => {
  it('carries the driver bounds from configuration', () => {
    const config = loadConfig({ MONGO_SERVER_SELECTION_TIMEOUT_MS: '800', MONGO_SOCKET_TIMEOUT_MS: '1200', MONGO_MAX_TIME_MS: '900', IDEMPOTENCY_WAIT_MS: '2000' });
    expect(config.mongo).to.deep.equal({ serverSelectionTimeoutMs: 800, socketTimeoutMs: 1200, maxTimeMs: 900 });
    expect(config.idempotencyWaitMs).to.equal(2000);
  });

  it('refuses waits that add up past 4.5 s, and a server limit not below the socket timeout', () => {
    expect(problemsOf({ IDEMPOTENCY_WAIT_MS: '3000' })).to.match(/must stay within 4500 ms/);
    expect(problemsOf({ ...PRODUCTION, MONGO_SOCKET_TIMEOUT_MS: '4000' })).to.match(/must stay within 4500 ms/);
    expect(problemsOf({ MONGO_MAX_TIME_MS: '1500', MONGO_SOCKET_TIMEOUT_MS: '1500' })).to.include('MONGO_MAX_TIME_MS must be below MONGO_SOCKET_TIMEOUT_MS');
  });
});
