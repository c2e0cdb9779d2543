import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code128Check, code128Codewords, code128Data, code128Modules, FNC1, planCode128 } from './code128';

describe('Code 128 subset plan', () => {
  it('uses subset C for digit runs and B for text', () => {
    expect(planCode128('ABC')).toEqual([
      { op: 'start', set: 'B' },
      { op: 'text', text: 'ABC' },
    ]);
    expect(planCode128('12345678')).toEqual([
      { op: 'start', set: 'C' },
      { op: 'digits', digits: '12345678' },
    ]);
    // An odd run: one digit in B first, then C.
    expect(planCode128('12345')).toEqual([
      { op: 'start', set: 'B' },
      { op: 'text', text: '1' },
      { op: 'switch', set: 'C' },
      { op: 'digits', digits: '2345' },
    ]);
    // Short runs in the middle stay in B.
    expect(planCode128('A1234B')).toEqual([
      { op: 'start', set: 'B' },
      { op: 'text', text: 'A1234B' },
    ]);
  });

  it('plans the GS1 vector: start C, FNC1, 36 digits, switch to B for the lot', () => {
    const data = `${FNC1}010690123456789231030012341325112710LOT42`;
    const ops = planCode128(data);
    expect(ops).toEqual([
      { op: 'start', set: 'C' },
      { op: 'fnc1' },
      { op: 'digits', digits: '0106901234567892310300123413251127' + '10' },
      { op: 'switch', set: 'B' },
      { op: 'text', text: 'LOT42' },
    ]);
    const cw = code128Codewords(ops);
    // 105 start C, 102 FNC1, pairs 01 06 90 ..., 100 code B, L O T 4 2 (ASCII - 32).
    expect(cw.slice(0, 5)).toEqual([105, 102, 1, 6, 90]);
    expect(cw.slice(-6)).toEqual([100, 44, 47, 52, 20, 18]);
    // 1 start + 1 FNC1 + 18 pairs + 1 switch + 5 chars = 26 codewords, + check = 27 * 11 + 13 stop.
    expect(code128Modules(ops)).toBe(27 * 11 + 13);
  });

  it('computes the mod-103 check', () => {
    // "PJJ123C" in B (the classic example): 104 + 48*1 + 42*2 + 42*3 + 17*4 + 18*5 + 19*6 + 35*7 = 879 -> 879 % 103 = 55
    expect(code128Check([104, 48, 42, 42, 17, 18, 19, 35])).toBe(55);
  });

  it('refuses what it cannot encode', () => {
    expect(() => planCode128('')).toThrow(/empty/);
    expect(() => planCode128('鸡')).toThrow(/cannot be encoded/);
    expect(() => planCode128('a\tb')).toThrow(/cannot be encoded/);
  });

  it('encodes exactly its input (property)', () => {
    const ch = fc.constantFrom(...'0123456789', 'A', 'z', '-', ' ', '>', '"', FNC1);
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 40 }), (chars) => {
        const data = chars.join('');
        const ops = planCode128(data);
        expect(code128Data(ops)).toBe(data);
        for (const c of code128Codewords(ops)) expect(c >= 0 && c <= 105).toBe(true);
      }),
    );
  });
});
