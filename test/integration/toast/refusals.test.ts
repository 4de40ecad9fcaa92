/**
 * Issue 8 §8: a refused request explains itself. The answer is 400 with a `message` naming the
 * JSON path (or header) and the rule broken — never the value, never PII — and the same goes to
 * a warn-level log line carrying the Toast-Transaction-GUID.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { expectValid } from '../../support/toast-client.js';
import { check, inquireRequest, selection, signupRequest, toastHeaders } from '../../support/toast-requests.js';

interface LogLine { level: number; msg: string; transactionGuid?: string | null; reason?: string; [k: string]: unknown }

describe('Toast webhook: refusals explain themselves', () => {
  let t: TestApp;
  let lines: LogLine[];
  let memberId: string;
  before(async () => {
    t = await startTestApp({ dbPrefix: 'refusals', env: { BODY_LIMIT_BYTES: '4096' } });
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as LogLine); done(); } });
    t.deps.logger = pino({ level: 'warn' }, sink);
    memberId = (await seedMember(t.deps)).loyaltyIdentifier;
  });
  beforeEach(() => { lines = []; });
  after(async () => { await t.close(); });

  async function send(headers: Record<string, string>, body: string) {
    const res = await request(t.app).post('/toast/loyalty').set(headers).send(body);
    const reply = expectValid(headers['Toast-Transaction-Type'] as never, res.status, res.text);
    await new Promise((r) => setImmediate(r));
    return { ...reply, message: (reply.body as { message?: string }).message ?? '' };
  }

  const cases: [string, () => unknown, RegExp][] = [
    ['a bad amount', () => inquireRequest('M', { check: check({ selections: [selection({ price: '12,50' as never })] }) }),
      /^\/checkTransactionInformation\/check\/selections\/0\/(price|preDiscountPrice): has an invalid format$/],
    ['a date that is no instant', () => inquireRequest('M', { check: { ...check(), openedDate: 'last tuesday' } }),
      /^\/checkTransactionInformation\/check\/openedDate: /],
    ['a missing check', () => ({ ...inquireRequest('M'), checkTransactionInformation: { loyaltyIdentifier: 'M' } }),
      /^\/checkTransactionInformation: must have member check$/],
    ['a phone that is not 10 digits', () => signupRequest({ phone: '617-555-0142' }), /^\/signupTransactionInformation\/phone: has an invalid format$/],
  ];
  for (const [label, build, path] of cases) {
    it(`${label}: 400, the path and the rule in message and in a warn log with the GUID`, async () => {
      const body = JSON.stringify(build()).replace(/"M"/g, JSON.stringify(memberId));
      const type = label.includes('phone') ? 'LOYALTY_SIGNUP' : 'LOYALTY_INQUIRE';
      const headers = toastHeaders(type);
      const r = await send(headers, body);
      expect(r.status).to.equal(400);
      expect(r.body.transactionStatus).to.equal('ERROR_INVALID_INPUT_PROPERTIES');
      expect(r.message).to.match(path);
      for (const secret of ['12,50', 'last tuesday', '617-555-0142', memberId]) expect(r.message).not.to.include(secret);
      const warn = lines.find((l) => l.msg === 'toast request refused');
      expect(warn, JSON.stringify(lines)).to.include({ level: 40, transactionGuid: headers['Toast-Transaction-GUID'], reason: r.message });
      expect(JSON.stringify(lines)).not.to.include(memberId);
    });
  }

  it('header and body-parser refusals name what was wrong too', async () => {
    const badGuid = { ...toastHeaders('LOYALTY_INQUIRE'), 'Toast-Transaction-GUID': 'not a guid' };
    const guid = await send(badGuid, JSON.stringify(inquireRequest(memberId)));
    expect([guid.status, guid.message]).to.deep.equal([400, 'Toast-Transaction-GUID: must be 1-128 characters of A-Z a-z 0-9 . _ : -']);
    const headers = toastHeaders('LOYALTY_INQUIRE');
    const broken = await send(headers, '{"toastTransactionType": ');
    expect([broken.status, broken.message]).to.deep.equal([400, 'body: is not valid JSON']);
    expect(lines.at(-1)).to.include({ transactionGuid: headers['Toast-Transaction-GUID'], reason: 'body: is not valid JSON' });
    const large = await send(toastHeaders('LOYALTY_INQUIRE'), JSON.stringify({ ...inquireRequest(memberId), pad: 'x'.repeat(5000) }));
    expect([large.status, large.message]).to.deep.equal([400, 'body: is larger than 4096 bytes']);
    const token = await send({ ...toastHeaders('LOYALTY_INQUIRE'), Authorization: 'wrong' }, JSON.stringify(inquireRequest(memberId)));
    expect([token.body.transactionStatus, token.message]).to.deep.equal(['ERROR_INVALID_TOKEN', 'Authorization: is not a valid Toast credential']);
    expect(JSON.stringify(lines)).not.to.include('wrong');
  });
});
