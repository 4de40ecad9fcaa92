/**
 * Dependencies point one way (issue 10 §4): the lint rule of tools/lint/layers.js refuses an
 * import against the layering, ESLint runs it as part of `npm test`, every source file belongs
 * to a layer, and the README's architecture section names the folders that exist.
 */
import { expect } from 'chai';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { layerOf, layers } from '../../../tools/lint/layers.js';

const eslint = new ESLint();

/** The layering complaints ESLint, with the project's config, has about `code` at `filePath`. */
async function complaints(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'perkwire/layers' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const dirsUnder = (dir: string): string[] => readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isDirectory());

describe('layers: dependencies point one way', function () {
  this.timeout(60_000);

  const forbidden: { what: string; file: string; code: string; says: string }[] = [
    { what: 'a domain service importing workers/', file: 'server/loyalty/accrual/probe.ts', code: "export { workerModules } from '../../../workers/index.js';\n", says: 'domain may not import workers' },
    { what: 'server/http importing workers/', file: 'server/http/probe.ts', code: "export type { WorkerDeps } from '../../workers/deps.js';\n", says: 'http may not import workers' },
    { what: 'the kernel taking a type from workers/', file: 'server/shutdown.ts', code: "export type { WorkerModule } from '../workers/deps.js';\n", says: 'kernel may not import workers' },
    { what: 'pure policy reading the store', file: 'server/loyalty/policy/probe.ts', code: "export type { Models } from '../../store/models/index.js';\n", says: 'policy may not import store' },
    { what: 'pure policy importing mongoose', file: 'server/loyalty/policy/probe.ts', code: "export { Types } from 'mongoose';\n", says: 'policy may import only luxon' },
    { what: 'a domain service importing Express', file: 'server/loyalty/members/probe.ts', code: "export { Router } from 'express';\n", says: 'domain may not import express' },
    { what: 'a domain service importing BullMQ', file: 'server/loyalty/accrual/probe.ts', code: "export { Queue } from 'bullmq';\n", says: 'domain may not import bullmq' },
    { what: 'a worker importing server/http', file: 'workers/probe.ts', code: "export type { AppDeps } from '../server/http/deps.js';\n", says: 'workers may not import http' },
    { what: 'the store importing a domain service', file: 'server/store/probe.ts', code: "export { appendEntry } from '../loyalty/ledger/ledger.js';\n", says: 'store may not import domain' },
    { what: 'the rules engine importing the server', file: 'rules/engine/probe.ts', code: "export type { Models } from '../../server/store/models/index.js';\n", says: 'rules may not import store' },
    { what: 'a dynamic import across the line', file: 'server/loyalty/accrual/probe.ts', code: "export const load = () => import('../../../workers/index.js');\n", says: 'domain may not import workers' },
    { what: 'a worker querying the store itself', file: 'workers/probe.ts', code: "export const q = (deps: { models: { Accrual: { find(f: object): unknown } } }) => deps.models.Accrual.find({});\n", says: 'workers reach the store through server/loyalty services' },
  ];
  for (const c of forbidden) {
    it(`fails lint on ${c.what}`, async () => {
      const said = await complaints(c.file, c.code);
      expect(said.join('\n'), c.file).to.include(c.says);
    });
  }

  it('lets each layer import what it may', async () => {
    expect(await complaints('server/loyalty/accrual/probe.ts', [
      "export { accrualJobId } from '../../queues/queues.js';", "export type { Models } from '../../store/models/index.js';",
      "export { selectTargets } from '../policy/discount-guids.js';", "export type { Program } from '../../../rules/index.js';", '',
    ].join('\n'))).to.deep.equal([]);
    expect(await complaints('server/toast/handlers/probe.ts', "export { reverseTransaction } from '../../loyalty/reversal/reverse.js';\n")).to.deep.equal([]);
    expect(await complaints('workers/probe.ts', "export { pendingAccrualIds } from '../server/loyalty/accrual/accrual-backlog.js';\n")).to.deep.equal([]);
    expect(await complaints('server/loyalty/policy/probe.ts', "export { DateTime } from 'luxon';\n")).to.deep.equal([]);
  });

  it('places every source file of the service in a layer', () => {
    const sources = ['config', 'rules', 'server', 'workers'].flatMap(filesUnder).filter((f) => f.endsWith('.ts'));
    expect(sources.length).to.be.greaterThan(200);
    expect(sources.filter((f) => !layerOf(f)), 'files outside every layer').to.deep.equal([]);
  });

  it('names only folders and files that exist in the layer table', () => {
    for (const layer of layers) {
      for (const f of layer.files) expect(statSync(f.replace(/\/$/, '')), `${layer.name}: ${f}`).to.be.an('object');
      for (const other of layer.may) if (other !== '*') expect(layers.map((l) => l.name), `${layer.name} may ${other}`).to.include(other);
    }
  });

  it("matches the README's architecture section to the folders", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('\n## ', readme.indexOf('## Architecture') + 1));
    for (const dir of dirsUnder('server')) expect(section, `server/${dir}`).to.include(`server/${dir}`);
    for (const room of dirsUnder('server/loyalty')) expect(section, `server/loyalty/${room}/`).to.include(`\`${room}/\``);
    const rooms = readFileSync('server/loyalty/README.md', 'utf8');
    for (const room of dirsUnder('server/loyalty')) expect(rooms, `server/loyalty/README.md: ${room}/`).to.include(`| \`${room}/\` |`);
    for (const layer of layers.filter((l) => l.name !== 'main')) expect(section, `layer ${layer.name}`).to.match(new RegExp(`\\b${layer.name}\\b`));
    for (const file of readdirSync('workers').filter((f) => /\.(worker|scheduler|sweeper)\.ts$/.test(f))) {
      const name = file.replace(/\.(worker|scheduler|sweeper)\.ts$/, '');
      expect(section, `workers/${file}`).to.include(`\`${name}`);
    }
  });

  it('finds what happens on REVERSE in two hops: the Toast handler, then the reversal room', () => {
    const handler = readFileSync('server/toast/handlers/reverse.ts', 'utf8');
    expect(handler).to.include("from '../../loyalty/reversal/reverse.js'");
    expect(handler, 'the handler makes no choice of its own').not.to.match(/reverseAccrual|reverseRedemptions/);
    const room = readFileSync('server/loyalty/reversal/reverse.ts', 'utf8');
    for (const branch of ['reverseAccrual(', 'reverseRedemptions(', 'TRANSACTION_DOES_NOT_EXIST', 'TRANSACTION_CANNOT_BE_REVERSED']) expect(room).to.include(branch);
    expect(readFileSync('server/loyalty/README.md', 'utf8')).to.match(/`reversal\/` \| \*\*what happens on REVERSE\*\*/);
  });

  it('names every worker module by its kind: *.worker.ts, *.scheduler.ts or *.sweeper.ts', () => {
    const helpers = new Set(['index.ts', 'deps.ts', 'periodic.ts', 'scheduled-job.ts']);
    const modules = readdirSync('workers').filter((f) => f.endsWith('.ts') && !helpers.has(f));
    expect(modules.filter((f) => !/^[a-z-]+\.(worker|scheduler|sweeper)\.ts$/.test(f))).to.deep.equal([]);
    const index = readFileSync('workers/index.ts', 'utf8');
    for (const f of modules) expect(index, `workers/index.ts lists ${f}`).to.include(`'./${f.replace(/\.ts$/, '.js')}'`);
  });
});
