/**
 * Perkwire's layering, enforced by lint (issue 10 §4): dependencies point one way,
 *
 *   config, rules, kernel  ←  store, queues  ←  domain (server/loyalty …)  ←  transports (http | workers)  ←  server/main.ts
 *
 * with two pure side rooms: `server/loyalty/policy/` (rules and luxon only: no store, no I/O,
 * the clock an argument) and Toast's wire format (`server/toast/` schemas, money, normalise,
 * present: rules only), and the program manager's tools (rules CLI, simulate) beside the domain. Each layer is a declared object: the files it owns (path prefixes from the repo
 * root, the most specific first) and the layers and packages it may import. A file outside
 * every layer (scripts/, bench/, test/, tools/) is not checked. The README's architecture
 * section draws the same picture.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/lint/layers.js). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const HTTP_PACKAGES = ['express', 'helmet', 'express-rate-limit', 'pino-http', 'swagger-ui-dist', '@bull-board/'];
const QUEUE_PACKAGES = ['bullmq', 'ioredis'];

/** @type {{ name: string, files: string[], may: string[], forbidPackages?: string[], onlyPackages?: string[], why: string }[]} */
export const layers = [
  { name: 'main', files: ['server/main.ts'], may: ['*'], why: 'the composition root wires everything' },
  { name: 'policy', files: ['server/loyalty/policy/', 'server/loyalty/errors.ts'], may: ['policy', 'rules'], onlyPackages: ['luxon'],
    why: 'pure policy: rule types, domain errors and luxon only, the clock an argument' },
  { name: 'tools', files: ['rules/cli.ts', 'rules/cli/', 'rules/simulate.ts', 'rules/fixtures.ts', 'rules/diff.ts', 'server/replay/cli/'],
    may: ['tools', 'domain', 'policy', 'wire', 'store', 'kernel', 'config', 'rules'], forbidPackages: [...HTTP_PACKAGES, ...QUEUE_PACKAGES],
    why: "the program manager's tools (CLI, simulate, fixtures) sit on the engine and the domain, never on a transport" },
  { name: 'wire', files: ['server/toast/money.ts', 'server/toast/normalize/', 'server/toast/schemas/', 'server/toast/present.ts',
    'server/toast/statuses.ts', 'server/toast/transaction-types.ts', 'server/toast/account-identifier.ts'],
  may: ['wire', 'rules'], forbidPackages: ['mongoose', ...HTTP_PACKAGES, ...QUEUE_PACKAGES],
  why: "Toast's wire format is pure data conversion: no store, no domain services, no transport" },
  { name: 'domain', files: ['server/loyalty/', 'server/menus/', 'server/replay/', 'server/reports/'],
    may: ['domain', 'policy', 'wire', 'store', 'queues', 'kernel', 'config', 'rules'], forbidPackages: [...HTTP_PACKAGES, ...QUEUE_PACKAGES],
    why: 'domain services are transport-agnostic: no HTTP, no workers, no BullMQ of their own' },
  { name: 'http', files: ['server/http/', 'server/toast/', 'server/admin/', 'server/claims/', 'server/dashboard/'],
    may: ['http', 'tools', 'domain', 'policy', 'wire', 'store', 'queues', 'kernel', 'config', 'rules'], why: 'HTTP transports never import workers/' },
  { name: 'workers', files: ['workers/'], may: ['workers', 'domain', 'policy', 'wire', 'store', 'queues', 'kernel', 'config', 'rules'],
    forbidPackages: HTTP_PACKAGES, why: 'workers are a transport beside HTTP: never Express, never server/http' },
  { name: 'queues', files: ['server/queues/'], may: ['queues', 'kernel', 'config'], forbidPackages: HTTP_PACKAGES,
    why: 'queue names, job data and Redis connections know nothing of the domain' },
  { name: 'store', files: ['server/store/'], may: ['store', 'kernel', 'config', 'rules'], forbidPackages: [...HTTP_PACKAGES, ...QUEUE_PACKAGES],
    why: 'mongoose models know nothing of the services above them' },
  { name: 'kernel', files: ['server/clock.ts', 'server/logger.ts', 'server/shutdown.ts', 'server/build-info.ts'], may: ['kernel', 'config'],
    forbidPackages: [...HTTP_PACKAGES, ...QUEUE_PACKAGES], why: 'clock, logger and shutdown are used by every layer and use none' },
  { name: 'config', files: ['config/'], may: ['config'], why: 'configuration is read by everyone and reads nobody' },
  { name: 'rules', files: ['rules/'], may: ['rules'], forbidPackages: ['mongoose', ...HTTP_PACKAGES, ...QUEUE_PACKAGES],
    why: 'rule files and the engine are pure: no I/O, no server' },
];

/** The layer a repo-relative path belongs to, or undefined. */
export function layerOf(relPath) {
  const p = relPath.split(path.sep).join('/');
  return layers.find((l) => l.files.some((f) => (f.endsWith('/') ? p.startsWith(f) : p === f)));
}

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const listed = (list, spec) => list.some((p) => (p.endsWith('/') ? spec.startsWith(p) : packageName(spec) === p));

/** Why `spec` may not be imported from `relFile`, or null when it may. */
export function violation(relFile, spec) {
  const from = layerOf(relFile);
  if (!from) return null;
  if (spec.startsWith('.')) {
    // Imports name the compiled `.js`; the layer table names the `.ts` sources.
    const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(relFile), spec)).replace(/\.js$/, '.ts');
    const to = layerOf(target);
    if (!to || from.may.includes('*') || from.may.includes(to.name)) return null;
    return `${from.name} may not import ${to.name} (${target.split(path.sep).join('/')}): ${from.why}`;
  }
  if (from.onlyPackages && !listed(from.onlyPackages, spec)) return `${from.name} may import only ${from.onlyPackages.join(', ')} of packages, not ${spec}: ${from.why}`;
  if (from.forbidPackages && listed(from.forbidPackages, spec)) return `${from.name} may not import ${spec}: ${from.why}`;
  return null;
}

/** ESLint rule `perkwire/layers`. */
export const layersRule = {
  meta: { type: 'problem', docs: { description: 'dependencies point one way between Perkwire layers' }, schema: [], messages: { layer: '{{why}}' } },
  create(context) {
    const rel = path.relative(ROOT, context.filename);
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const why = violation(rel, node.value);
      if (why) context.report({ node, messageId: 'layer', data: { why } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};
