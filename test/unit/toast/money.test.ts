import { expect } from 'chai';
import { centsToDollars, dollarsToCents, optionalDollarsToCents, toQuantity, tryDollarsToCents } from '../../../server/toast/money.js';

describe('toast money', () => {
  const cases: [number | string, number][] = [
    [0.1 + 0.2, 30], [1.005, 101], [2.675, 268], [1.015, 102], [0.285, 29], [-0.5, -50], [-1.005, -101], [-0.005, -1],
    [-0.004, 0], ['10', 1000], ['10.00', 1000], ['10.005', 1001], ['-2.675', -268], ['0', 0], [0, 0], [-0, 0],
    [1e7, 1_000_000_000], ['10000000', 1_000_000_000], [9999999.995, 1_000_000_000], [9999999.994, 999_999_999],
    [5.49612811, 550], [97.42, 9742], [103.51, 10351], [38.96, 3896], [0.01, 1], [1e-7, 0], [4.35, 435], [8.69, 869],
  ];
  for (const [dollars, cents] of cases) {
    it(`${typeof dollars === 'string' ? JSON.stringify(dollars) : String(dollars)} → ${cents} cents`, () => {
      expect(dollarsToCents(dollars)).to.equal(cents);
      expect(Object.is(dollarsToCents(dollars), -0)).to.equal(false);
    });
  }
  it('refuses what is not a plain decimal', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '', ' 10', '1e3', '0x10', '10,5', '.5', '5.', 'abc', null, undefined, {}, [], true]) {
      expect(tryDollarsToCents(bad), String(bad)).to.equal(null);
    }
    expect(() => dollarsToCents('NaN')).to.throw(RangeError);
  });
  it('optional amounts keep null', () => {
    expect(optionalDollarsToCents(null)).to.equal(null);
    expect(optionalDollarsToCents(undefined)).to.equal(null);
    expect(optionalDollarsToCents('1.5')).to.equal(150);
  });
  it('cents → dollars prints with at most two decimals and round-trips', () => {
    for (const cents of [0, 1, 10, 99, 101, 435, 1029, 10351, -50, -101, 1_000_000_000, 123_456_789]) {
      const dollars = centsToDollars(cents);
      expect(JSON.stringify(dollars)).to.match(/^-?\d+(\.\d{1,2})?$/);
      expect(dollarsToCents(dollars)).to.equal(cents);
    }
    expect(JSON.stringify(centsToDollars(1029))).to.equal('10.29');
    expect(() => centsToDollars(1.5)).to.throw(RangeError);
  });
  it('exhaustively round-trips every cent amount up to $100', () => {
    for (let cents = -10_000; cents <= 10_000; cents += 1) {
      if (dollarsToCents(centsToDollars(cents)) !== cents) throw new Error(`round trip failed at ${cents}`);
      if (dollarsToCents((cents / 100).toFixed(2)) !== cents) throw new Error(`string failed at ${cents}`);
    }
  });
  it('quantities: numbers and numeric strings', () => {
    expect(toQuantity(2)).to.equal(2);
    expect(toQuantity('1.5')).to.equal(1.5);
    expect(toQuantity(null)).to.equal(null);
    expect(toQuantity('x')).to.equal(null);
  });
});
