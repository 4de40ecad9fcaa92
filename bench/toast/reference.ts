/**
 * Toast's reference implementation (`toasttab/Loyalty-API-example-implementation`, Node.js with
 * a lowdb JSON file) run beside Perkwire under the same load driver, so a throughput ratio is
 * measured on the same machine in the same run (`bench:toast --only INQUIRE --reference DIR`).
 *
 * DIR is a checkout of that repository with its dependencies installed (`npm install` there).
 * It is run from a throw-away copy (its database file is rewritten on every request) with its
 * own public-key endpoint: the reference verifies an RS256 JWT on every request, so this module
 * makes a key pair, serves the public key the way Toast does (`{"value": "<PEM>"}`) and signs
 * one token. The INQUIRE body is Perkwire's bench body (same POS builder, fresh GUIDs), naming
 * account "1" of the reference's own sample database.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { newVisit } from '../../scripts/pos/check.js';
import { checkInfo, toastBody, toastHeaders } from '../../scripts/pos/requests.js';
import type { Planner, PlannedRequest } from './mix.js';
import { freePort, stopChild, waitAnswering } from './stack.js';

/** An account of the reference's sample database (originalDB.json). */
const REFERENCE_ACCOUNT = '1';

export interface Reference {
  baseUrl: string;
  pid: number;
  /** INQUIREs for the reference, built like Perkwire's. */
  inquiries: Planner;
  stop(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port); else reject(new Error('no port'));
    });
  });
}

/** A throw-away copy of the checkout, with the sample database fresh and node_modules linked. */
function workingCopy(dir: string): string {
  for (const file of ['server.js', 'originalDB.json', 'node_modules']) {
    if (!existsSync(path.join(dir, file))) throw new Error(`--reference ${dir}: no ${file} (a checkout of toasttab/Loyalty-API-example-implementation after npm install)`);
  }
  const copy = mkdtempSync(path.join(tmpdir(), 'toast-reference-'));
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) && !src.includes(`${path.sep}.git`) });
  cpSync(path.join(dir, 'originalDB.json'), path.join(copy, 'db.json'));
  symlinkSync(path.resolve(dir, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** Starts the reference on a free loopback port; resolves once it answers an INQUIRE with 200. */
export async function startReference(dir: string, log: (line: string) => void): Promise<Reference> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyServer = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ alg: 'SHA256withRSA', value: pem })); });
  const keyPort = await listen(keyServer);
  const token = jwt.sign({ sub: 'perkwire-bench' }, privateKey, { algorithm: 'RS256', expiresIn: '1h' });
  const copy = workingCopy(dir);
  const port = await freePort();
  // Its own logging (util.inspect of every body) is part of its cost; the lines go nowhere.
  const child = spawn(process.execPath, ['server.js', `http://127.0.0.1:${keyPort}/`, String(port)], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const inquiries: Planner = {
    next(): PlannedRequest {
      const guid = randomUUID();
      return {
        type: 'INQUIRE',
        headers: toastHeaders('INQUIRE', guid, token),
        body: JSON.stringify(toastBody('INQUIRE', 'checkTransactionInformation', checkInfo(newVisit(), REFERENCE_ACCOUNT))),
        settle: (status) => ({ expected: status === 200 }),
      };
    },
  };
  const stop = async (): Promise<void> => {
    await stopChild(child, 5000);
    keyServer.close();
    rmSync(copy, { recursive: true, force: true });
  };
  log(`reference: pid ${child.pid}, ${baseUrl} (Toast's example implementation from ${dir})`);
  try {
    await waitAnswering(child, 30_000, async () => {
      const probe = inquiries.next();
      const res = await fetch(`${baseUrl}/`, { method: 'POST', headers: probe.headers, body: probe.body, signal: AbortSignal.timeout(1000) });
      return res.status === 200;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, pid: child.pid ?? 0, inquiries, stop };
}
