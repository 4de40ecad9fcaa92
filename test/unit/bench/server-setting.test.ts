/**
 * bench:toast passes the server it starts the settings asked for: a flag, else BENCH_<NAME>,
 * else the server's own variable, so `API_PROCESSES=1 npm run bench:toast` measures one API
 * process (it used to measure the default silently).
 */
import { expect } from 'chai';
import { serverSetting } from '../../../bench/toast/stack.js';

describe('bench:toast server settings', () => {
  it('takes the flag, else BENCH_<NAME>, else the server variable, else nothing (the bench default)', () => {
    const env = { BENCH_API_PROCESSES: '2', API_PROCESSES: '1', LOG_LEVEL: 'warn' };
    expect(serverSetting('3', env, 'API_PROCESSES')).to.equal('3');
    expect(serverSetting(undefined, env, 'API_PROCESSES')).to.equal('2');
    expect(serverSetting(undefined, { API_PROCESSES: '1' }, 'API_PROCESSES')).to.equal('1');
    expect(serverSetting(undefined, env, 'LOG_LEVEL')).to.equal('warn');
    expect(serverSetting(undefined, {}, 'LOG_LEVEL')).to.equal(undefined);
  });
});
