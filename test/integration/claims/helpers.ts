/**
 * Shared steps of the receipt-claim tests: an app whose keys are scoped per program, checks
 * paid without an account (UNCLAIMED accruals, recorded the way ACCRUE records them), members,
 * and a supertest call of `POST /v1/claims`.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { acceptAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { createMember, type MemberRecord } from '../../../server/loyalty/members/members.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';

export const DEMO_RESTAURANT = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
export const CAFE_RESTAURANT = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';

/** demo-key: demo only; cafe-key: cafe only; ops-key: every program. */
export const KEYS = { demo: 'demo-key-0123456789', cafe: 'cafe-key-0123456789', ops: 'ops-key-0123456789' } as const;

export function startClaimsApp(): Promise<TestApp> {
  return startTestApp({ dbPrefix: 'claims', env: { ADMIN_API_KEYS: `${KEYS.demo}:demo,${KEYS.cafe}:cafe,${KEYS.ops}:*` } });
}

/** A demo check: burger $8.99 + soda, paid at `paidAt` (ISO). */
export function demoCheck(paidAt: string, total = 11.28) {
  return {
    guid: randomUUID(), entityType: 'Check', paymentStatus: 'CLOSED', amount: total, paidDate: paidAt, closedDate: paidAt,
    selections: [
      { guid: randomUUID(), quantity: 1, preDiscountPrice: 8.99, price: 8.99, item: { guid: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', entityType: 'MenuItem' }, itemGroup: { guid: 'a1f0c3d2-1001-4b5e-9c1a-000000001001', entityType: 'MenuGroup' }, modifiers: [], appliedDiscounts: [] },
      { guid: randomUUID(), quantity: 1, preDiscountPrice: total - 8.99, price: total - 8.99, item: { guid: 'a1f0c3d2-0020-4b5e-9c1a-000000000020', entityType: 'MenuItem' }, modifiers: [], appliedDiscounts: [] },
    ],
    appliedDiscounts: [],
    payments: [{ guid: randomUUID(), type: 'CREDIT', amount: total, tipAmount: 2, paymentStatus: 'CAPTURED' }],
  };
}

export interface PaidCheck {
  receipt: string;
  accrualId: string;
  points: number;
  transactionGuid: string;
}

/** Records a paid check through the ACCRUE service, without a member unless one is given. */
export async function payCheck(t: TestApp, opts: { member?: MemberRecord; restaurant?: string; paidAt?: string; total?: number; programId?: string } = {}): Promise<PaidCheck> {
  const restaurant = opts.restaurant ?? DEMO_RESTAURANT;
  const orderGuid = randomUUID();
  const transactionGuid = randomUUID();
  const check = demoCheck(opts.paidAt ?? t.clock.now().toISOString(), opts.total);
  const accepted = await acceptAccrual({ models: t.deps.models, logger: t.deps.logger, queues: t.deps.queues }, {
    programId: opts.programId ?? 'demo', locationGuid: restaurant, transactionGuid, orderGuid, member: opts.member ?? null, check: normalizeToastCheck(check), now: t.clock.now(),
  });
  return { receipt: `${restaurant}:${orderGuid}:${check.guid}`, accrualId: accepted.accrualId, points: accepted.points, transactionGuid };
}

export function newMember(t: TestApp, programId = 'demo', status: 'REGISTERED' | 'STARTER' = 'REGISTERED'): Promise<MemberRecord> {
  return createMember(t.deps.models, programId, { status }, t.clock.now());
}

/** `POST /v1/claims` with the demo key unless told otherwise (null: no key). */
export function claim(t: TestApp, body: unknown, key: string | null = KEYS.demo, header: 'bearer' | 'x-api-key' = 'bearer') {
  const req = request(t.app).post('/v1/claims');
  if (key !== null) req.set(header === 'bearer' ? 'Authorization' : 'X-Api-Key', header === 'bearer' ? `Bearer ${key}` : key);
  return req.send(body as object);
}
