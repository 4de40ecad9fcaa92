import { expect } from 'chai';
import { availableParallelism } from 'node:os';
import { autoApiProcesses, ConfigError, loadConfig } from '../../../config/index.js';

describe('configuration', () => {
  it('applies development defaults and returns a frozen typed object', () => {
    const config = loadConfig({});
    expect(config).to.include({ port: 8080, role: 'all', toastAuthMode: 'static', nodeEnv: 'development' });
    expect(config.toastApiKeys).to.deep.equal(['dev-toast-key']);
    expect(Object.isFrozen(config)).to.equal(true);
    expect(() => { (config as { port: number }).port = 1; }).to.throw(TypeError);
  });

  it('coerces numbers and booleans from environment strings and splits key lists', () => {
    const config = loadConfig({ PORT: '9090', SEED_DEMO: 'false', TOAST_API_KEYS: 'old-key, new-key', ADMIN_API_KEYS: 'a:demo,b:*' });
    expect(config.port).to.equal(9090);
    expect(config.seedDemo).to.equal(false);
    expect(config.toastApiKeys).to.deep.equal(['old-key', 'new-key']);
    expect(config.adminApiKeys).to.deep.equal([{ key: 'a', programId: 'demo' }, { key: 'b', programId: '*' }]);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', ROLE: 'both', MONGODB_URI: 'postgres://x', TOAST_AUTH_MODE: 'jwt' });
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).to.include('PORT');
      expect(problems).to.include('ROLE');
      expect(problems).to.include('MONGODB_URI');
      expect(problems).to.include('TOAST_JWT_PUBLIC_KEY');
    }
  });

  it('refuses development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /TOAST_API_KEYS must be set explicitly/);
    const config = loadConfig({ NODE_ENV: 'production', TOAST_API_KEYS: 'k'.repeat(64), ADMIN_API_KEYS: `${'a'.repeat(32)}:demo`, MEMBER_KEY_SECRET: 's'.repeat(32) });
    expect(config.nodeEnv).to.equal('production');
  });

  it('refuses a static key longer than Toast allows (255 characters)', () => {
    expect(() => loadConfig({ TOAST_API_KEYS: 'k'.repeat(256) })).to.throw(ConfigError, /at most 255/);
  });

  it('API_PROCESSES=auto leaves one core to the rest of the machine: 1 on 1 or 2 cores, at most 4', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map(autoApiProcesses)).to.deep.equal([1, 1, 2, 3, 4, 4, 4]);
    expect(loadConfig({}).apiProcesses).to.equal(autoApiProcesses(availableParallelism()));
    expect(loadConfig({ API_PROCESSES: '2' }).apiProcesses).to.equal(2);
    expect(loadConfig({ ROLE: 'worker', API_PROCESSES: '3' }).apiProcesses).to.equal(1);
  });
});
