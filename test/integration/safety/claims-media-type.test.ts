/** Issue 9 item 9: the claims API answers a body it cannot read with a 4xx, never a 500. */
import { expect } from 'chai';
import request from 'supertest';
import type { TestApp } from '../../support/app.js';
import { KEYS, startClaimsApp } from '../claims/helpers.js';

describe('claims API: bodies it cannot read', () => {
  let t: TestApp;
  before(async () => { t = await startClaimsApp(); });
  after(async () => { await t.close(); });

  const body = JSON.stringify({ receipt: 'a:b:c', loyaltyIdentifier: 'x' });
  const post = () => request(t.app).post('/v1/claims').set('Authorization', `Bearer ${KEYS.demo}`);

  it('an unsupported Content-Encoding is 415', async () => {
    const res = await post().set('Content-Type', 'application/json').set('Content-Encoding', 'x-unknown').send(body);
    expect(res.status).to.equal(415);
    expect(res.body.error.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unsupported charset is 415', async () => {
    const res = await post().set('Content-Type', 'application/json; charset=x-unknown').send(body);
    expect(res.status).to.equal(415);
  });

  it('a body that is not declared JSON is 415', async () => {
    const res = await post().set('Content-Type', 'text/plain').send(body);
    expect(res.status).to.equal(415);
    expect(res.body.error.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
  });
});
