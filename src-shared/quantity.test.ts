import { describe, expect, it } from 'vitest';
import { formatMoney, formatScaled, parseScaled, roundDiv } from './quantity';

describe('exact decimals', () => {
  it('parses decimals to scaled integers without floats', () => {
    expect(parseScaled('12.5', 1000)).toBe(12500);
    expect(parseScaled('0.001', 1000)).toBe(1);
    expect(parseScaled('-3', 1000)).toBe(-3000);
    expect(parseScaled('3,25', 1000)).toBe(3250);
    expect(parseScaled('１２．５', 1000)).toBe(12500); // full-width digits from a Chinese IME
    expect(parseScaled('0.1', 10000)).toBe(1000);
    expect(parseScaled('1.0001', 1000)).toBeNull();
    expect(parseScaled('1e3', 1000)).toBeNull();
    expect(parseScaled('', 1000)).toBeNull();
    expect(parseScaled('abc', 1000)).toBeNull();
  });

  it('formats back', () => {
    expect(formatScaled(12500, 1000)).toBe('12.5');
    expect(formatScaled(-1, 1000)).toBe('-0.001');
    expect(formatScaled(10000, 10000, 2)).toBe('1.00');
    expect(formatMoney(123456)).toBe('12.35');
    expect(formatMoney(-123450)).toBe('-12.35');
  });

  it('rounds half away from zero', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(4, 3)).toBe(1);
    expect(roundDiv(-4, 3)).toBe(-1);
    expect(roundDiv(7, 7)).toBe(1);
    expect(roundDiv(0, 7)).toBe(0);
  });
});
