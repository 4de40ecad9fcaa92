/** Loads the §5 example fixtures of `test/fixtures/toast/`. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TransactionType } from '../../../server/toast/transaction-types.js';

const ROOT = fileURLToPath(new URL('../../fixtures/toast/', import.meta.url));

/** A request fixture: Toast headers and the body. */
export interface RequestFixture { name: string; headers: Record<string, string>; body: unknown }
/** A response fixture: the request's type (null = type unknown), HTTP status and body. */
export interface ResponseFixture { name: string; type: TransactionType | null; status: number; body: unknown }

function load(dir: string): { name: string; json: Record<string, unknown> }[] {
  return readdirSync(ROOT + dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f, json: JSON.parse(readFileSync(`${ROOT}${dir}/${f}`, 'utf8')) as Record<string, unknown> }));
}

export function requestFixtures(): RequestFixture[] {
  return load('requests').map(({ name, json }) => ({ name, headers: json.headers as Record<string, string>, body: json.body }));
}

/** Full response fixtures (fragments such as multi-item-redemption.json are left out). */
export function responseFixtures(): ResponseFixture[] {
  return load('responses').filter(({ json }) => 'status' in json)
    .map(({ name, json }) => ({ name, type: json.type as TransactionType | null, status: json.status as number, body: json.body }));
}

/** One fixture file's JSON. */
export function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(ROOT + path, 'utf8')) as Record<string, unknown>;
}
