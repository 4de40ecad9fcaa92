/**
 * Request logging off the hot path (issue 11 §4): the process's log stream writes lines
 * asynchronously — no synchronous write system call per line (one line per request at info) —
 * and nothing buffered is lost when the process exits.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs, { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, logDestination } from '../../../server/logger.js';

describe('log destination', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'perkwire-log-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('writes request lines without a synchronous write per line, one JSON line each', async () => {
    const file = path.join(dir, 'out.log');
    const dest = logDestination(file);
    await new Promise((resolve) => (dest as unknown as NodeJS.EventEmitter).once('ready', resolve));
    const logger = createLogger('info', dest);
    const writeSync = fs.writeSync;
    let syncWrites = 0;
    fs.writeSync = ((...args: Parameters<typeof fs.writeSync>) => { syncWrites++; return writeSync(...args); }) as typeof fs.writeSync;
    try {
      for (let i = 0; i < 200; i++) logger.info({ req: { id: i, method: 'POST', url: '/toast/loyalty' }, res: { statusCode: 200 } }, 'request completed');
    } finally {
      fs.writeSync = writeSync;
    }
    expect(syncWrites).to.equal(0);
    await new Promise<void>((resolve, reject) => logger.flush((err) => (err ? reject(err) : resolve())));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { req: { id: number }; msg: string });
    expect(lines.map((l) => l.req.id)).to.deep.equal([...Array(200).keys()]);
    expect(lines.every((l) => l.msg === 'request completed')).to.equal(true);
  });

  it('loses no buffered line when the process exits right after logging', () => {
    const file = path.join(dir, 'exit.log');
    const script = [
      "import { createLogger, logDestination } from './server/logger.ts';",
      `const dest = logDestination(${JSON.stringify(file)});`,
      "dest.once('ready', () => { const logger = createLogger('info', dest);",
      "for (let i = 0; i < 500; i++) logger.info({ n: i }, 'line');",
      'process.exit(3); });',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(3);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { n: number }).n);
    expect(lines).to.deep.equal([...Array(500).keys()]);
  });
});
