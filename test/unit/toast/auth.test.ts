import { expect } from 'chai';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verifyStaticKey, verifyToastJwt } from '../../../server/toast/auth.js';

const b64url = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('toast auth', () => {
  describe('verifyStaticKey', () => {
    const keys = ['c75a2aa085d30a90308841d388fc7828f1a28e29bdd2c82150a30cf356d4d87f', 'next-key-during-rotation'] as const;
    it('accepts any configured key, bare or Bearer-prefixed', () => {
      expect(verifyStaticKey(keys[0], keys)).to.equal(true);
      expect(verifyStaticKey(keys[1], keys)).to.equal(true);
      expect(verifyStaticKey(`Bearer ${keys[0]}`, keys)).to.equal(true);
      expect(verifyStaticKey(`bearer ${keys[1]}`, keys)).to.equal(true);
    });
    it('refuses other, truncated, extended, case-changed and padded values', () => {
      for (const value of [keys[0].slice(0, -1), `${keys[0]}0`, keys[0].toUpperCase(), ` ${keys[0]}`, `${keys[0]} `, 'Bearer', `Bearer  ${keys[0]}`, 'x']) {
        expect(verifyStaticKey(value, keys), value).to.equal(false);
      }
    });
    it('refuses missing, empty and oversized credentials, even if configured', () => {
      const long = 'k'.repeat(256);
      expect(verifyStaticKey(undefined, keys)).to.equal(false);
      expect(verifyStaticKey(null, keys)).to.equal(false);
      expect(verifyStaticKey('', ['', ...keys])).to.equal(false);
      expect(verifyStaticKey('Bearer ', ['', ...keys])).to.equal(false);
      expect(verifyStaticKey(long, [long])).to.equal(false);
      expect(verifyStaticKey('k'.repeat(255), ['k'.repeat(255)])).to.equal(true);
    });
    it('refuses everything when no key is configured', () => {
      expect(verifyStaticKey('anything', [])).to.equal(false);
    });
  });

  describe('verifyToastJwt', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const now = new Date('2026-03-10T12:00:00Z');
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const claims = { namingAuthority: 'GCLOY', scope: ['gcloy'], client_id: 'gcloy-api', exp: nowSeconds + 300 };
    const sign = (payload: object, key = privateKey): string => jwt.sign(payload, key, { algorithm: 'RS256', noTimestamp: true });

    it("accepts an RS256 token signed by Toast's key, bare or Bearer-prefixed", () => {
      expect(verifyToastJwt(sign(claims), publicKey, now)).to.equal(true);
      expect(verifyToastJwt(`Bearer ${sign(claims)}`, publicKey, now)).to.equal(true);
    });
    it('refuses an expired token and one without exp', () => {
      expect(verifyToastJwt(sign({ ...claims, exp: nowSeconds - 1 }), publicKey, now)).to.equal(false);
      const { exp: _exp, ...noExp } = claims;
      expect(verifyToastJwt(sign(noExp), publicKey, now)).to.equal(false);
    });
    it('refuses a token signed with another key (e.g. sandbox vs production)', () => {
      expect(verifyToastJwt(sign(claims, other.privateKey), publicKey, now)).to.equal(false);
    });
    it('refuses alg "none"', () => {
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
      expect(verifyToastJwt(unsigned, publicKey, now)).to.equal(false);
    });
    it('refuses HS256 signed with the public key as HMAC secret (key-confusion attack)', () => {
      const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
      const forged = `${head}.${createHmac('sha256', publicKey).update(head).digest('base64url')}`;
      expect(verifyToastJwt(forged, publicKey, now)).to.equal(false);
    });
    it('refuses a tampered payload, garbage, empty values and a missing key', () => {
      const [h, , s] = sign(claims).split('.');
      expect(verifyToastJwt(`${h}.${b64url({ ...claims, rsGuid: 'other' })}.${s}`, publicKey, now)).to.equal(false);
      for (const value of ['', 'Bearer ', 'a.b.c', 'not a token', undefined, null, 'x'.repeat(10_000)]) {
        expect(verifyToastJwt(value, publicKey, now)).to.equal(false);
      }
      expect(verifyToastJwt(sign(claims), '', now)).to.equal(false);
      expect(verifyToastJwt(sign(claims), 'not a pem', now)).to.equal(false);
    });
  });
});
