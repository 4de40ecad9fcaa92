import { expect } from 'chai';
import fc from 'fast-check';
import { TRANSACTION_TYPES, validateToastRequest } from '../../../server/toast/schemas/index.js';
import { malformedBody, malformedRequest, validBodyFor } from '../../support/toast-fuzz.js';

describe('toast request validators under malformed input (property)', () => {
  it('the fuzz starting points are valid', () => {
    for (const type of TRANSACTION_TYPES) expect(validateToastRequest(type, validBodyFor(type)), type).to.deep.include({ ok: true });
  });

  it('refuses 2,100 generated malformed bodies without throwing, with a short path-bearing error', () => {
    fc.assert(fc.property(malformedRequest, ({ type, body }) => {
      const result = validateToastRequest(type, body);
      if (result.ok) return false;
      return result.error.startsWith('/') && result.error.length <= 200
        && (result.code === 'ERROR_INVALID_INPUT_PROPERTIES' || result.code === 'ERROR_INVALID_TOAST_TRANSACTION_TYPE');
    }), { numRuns: 2100, seed: 4242 });
  });

  for (const type of TRANSACTION_TYPES) {
    it(`refuses 300 malformed ${type} bodies (random seed)`, () => {
      fc.assert(fc.property(malformedBody(type), (body) => !validateToastRequest(type, body).ok), { numRuns: 300 });
    });
  }

  it('leaves Object.prototype untouched', () => {
    fc.assert(fc.property(malformedRequest, ({ type, body }) => {
      validateToastRequest(type, body);
      return ({} as Record<string, unknown>).admin === undefined && ({} as Record<string, unknown>).polluted === undefined;
    }), { numRuns: 200 });
  });
});
