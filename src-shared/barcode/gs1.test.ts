import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FNC1 } from './code128';
import { withCheckDigit } from './check-digit';
import { encodeGs1, encodeGs1Elements, gs1DateToIso, Gs1Error, gs1Raw, parseGs1, type Gs1Input } from './gs1';

const GS = '\u001d';
const Y = { referenceYear: 2025 };

describe('GS1 element strings: building', () => {
  it('builds the devices.md vector', () => {
    // GTIN 6901234567892 -> (01)06901234567892 (check 2: see check-digit.test.ts);
    // 1.234 kg -> (3103)001234; 2025-11-27 -> (13)251127; lot last, so no separator after it.
    const enc = encodeGs1({ gtin: '6901234567892', netWeightGrams: 1234, packDate: '2025-11-27', lot: 'LOT42' });
    expect(enc.hri).toBe('(01)06901234567892(3103)001234(13)251127(10)LOT42');
    expect(enc.data).toBe(FNC1 + '0106901234567892' + '3103001234' + '13251127' + '10LOT42');
    expect(gs1Raw(enc.elements, 'FNC1 ').replace(/ /g, '')).toBe('FNC10106901234567892310300123413251127' + '10LOT42');
  });

  it('puts FNC1 after a variable-length AI that is not last', () => {
    const enc = encodeGs1Elements([
      { ai: '10', value: 'LOT42' },
      { ai: '17', value: '251204' },
    ]);
    expect(enc.data).toBe(`${FNC1}10LOT42${FNC1}17251204`);
    expect(gs1Raw(enc.elements, GS, false)).toBe(`10LOT42${GS}17251204`);
    expect(gs1Raw(enc.elements, '!102')).toBe('!10210LOT42!10217251204');
  });

  it('refuses bad values with a reason naming the field', () => {
    const err = (input: Gs1Input) => {
      try {
        encodeGs1(input);
      } catch (e) {
        expect(e).toBeInstanceOf(Gs1Error);
        return (e as Gs1Error).problem;
      }
      throw new Error('expected a Gs1Error');
    };
    expect(err({ gtin: '6901234567893' })).toMatchObject({ code: 'bad_check_digit', ai: '01', expected: '2' });
    expect(err({ gtin: '12345' })).toMatchObject({ code: 'bad_length', ai: '01' });
    expect(err({ netWeightGrams: 1_000_000 })).toMatchObject({ code: 'bad_value', ai: '3103' });
    expect(err({ netWeightGrams: 1.5 })).toMatchObject({ code: 'bad_value' });
    expect(err({ expiry: '2025-02-30' })).toMatchObject({ code: 'bad_date', ai: '17' });
    expect(err({ lot: 'L'.repeat(21) })).toMatchObject({ code: 'too_long', ai: '10', expected: '20' });
    expect(err({ lot: 'LOT#1' })).toMatchObject({ code: 'bad_char', ai: '10' });
    expect(err({ lot: '批号' }).message).toMatch(/\(10\) batch\/lot contains "批"/);
    expect(err({})).toMatchObject({ code: 'empty' });
  });
});

describe('GS1 element strings: reading scanner output', () => {
  const expected = {
    gtin: '06901234567892',
    netWeightGrams: 1234,
    netWeight: { amount: 1234, decimals: 3, unit: 'kg' },
    packDate: '2025-11-27',
    lot: 'LOT42',
    hri: '(01)06901234567892(3103)001234(13)251127(10)LOT42',
  };

  it.each([
    ['symbology id + GS', `]C1010690123456789231030012341325112710LOT42`],
    ['GS-separated, no id', `${GS}010690123456789231030012341325112710LOT42\r\n`],
    ['human-readable', '(01)06901234567892(3103)001234(13)251127(10)LOT42'],
    ['human-readable with spaces around', '  (01)06901234567892(3103)001234(13)251127(10)LOT42 '],
    ['DataBar id', `]e0010690123456789231030012341325112710LOT42`],
  ])('reads %s', (_name, text) => {
    const r = parseGs1(text, Y);
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it('reads a variable-length AI followed by more data, with GS or a configured separator', () => {
    const viaGs = parseGs1(`]C10106901234567892${'10LOT42'}${GS}17251204`, Y);
    expect(viaGs.ok && viaGs.value).toMatchObject({ lot: 'LOT42', expiry: '2025-12-04' });
    const viaSep = parseGs1('010690123456789210LOT42|17251204', { ...Y, separator: '|' });
    expect(viaSep.ok && viaSep.value).toMatchObject({ lot: 'LOT42', expiry: '2025-12-04' });
  });

  it('names what is wrong', () => {
    const problem = (text: string, opts = {}) => {
      const r = parseGs1(text, { ...Y, ...opts });
      if (r.ok) throw new Error('expected a problem');
      return r.error;
    };
    // 0690123456789 + check 2, not 3.
    const bad = problem('(01)06901234567893');
    expect(bad).toMatchObject({ code: 'bad_check_digit', ai: '01', expected: '2' });
    expect(bad.message).toContain('check digit should be 2, not 3');
    expect(problem('(99)ABC')).toMatchObject({ code: 'unknown_ai', ai: '99' });
    expect(problem(`]C19912345`)).toMatchObject({ code: 'unknown_ai' });
    // Without the separator the lot runs into the next AI: too long for (10) -> the message hints at it.
    const long = problem(']C110ABCDEFGHIJKLMNOP17251204');
    expect(long).toMatchObject({ code: 'too_long', ai: '10' });
    expect(long.message).toMatch(/missing separator/);
    expect(problem('(10)' + 'X'.repeat(21))).toMatchObject({ code: 'too_long' });
    expect(problem('(13)251332')).toMatchObject({ code: 'bad_date', ai: '13' });
    expect(problem('(17)250230')).toMatchObject({ code: 'bad_date', ai: '17' });
    expect(problem('(01)123')).toMatchObject({ code: 'bad_length', ai: '01' });
    expect(problem(']C10106901234')).toMatchObject({ code: 'bad_length', ai: '01' });
    expect(problem('(3103)00A234')).toMatchObject({ code: 'not_numeric', ai: '3103' });
    expect(problem('(10)A(10)B')).toMatchObject({ code: 'duplicate_ai' });
    expect(problem(']E06901234567892')).toMatchObject({ code: 'not_gs1' });
    expect(problem('(01')).toMatchObject({ code: 'syntax' });
    expect(problem('   ')).toMatchObject({ code: 'empty' });
  });

  it('reads dates with the GS1 century rule and DD=00', () => {
    expect(gs1DateToIso('251200', 2025)).toBe('2025-12-31');
    expect(gs1DateToIso('240200', 2025)).toBe('2024-02-29');
    // 99 - 25 = 74 >= 51 -> previous century; 75 - 25 = 50 -> this century.
    expect(gs1DateToIso('991231', 2025)).toBe('1999-12-31');
    expect(gs1DateToIso('751231', 2025)).toBe('2075-12-31');
    // 10 - 90 = -80 <= -50 -> next century.
    expect(gs1DateToIso('100101', 2090)).toBe('2110-01-01');
    expect(gs1DateToIso('251301', 2025)).toBeNull();
    const r = parseGs1('(17)251200', Y);
    expect(r.ok && r.value.expiry).toBe('2025-12-31');
  });

  it('reads other weights and counts', () => {
    const r = parseGs1('(3102)001234(37)12', Y);
    expect(r.ok && r.value).toMatchObject({
      netWeightGrams: 12_340,
      netWeight: { amount: 1234, decimals: 2 },
      count: 12,
    });
  });
});

describe('GS1 round trip (property)', () => {
  const cset82 = [...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'];
  const isoDate = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const input = fc.record(
    {
      gtin: fc.stringMatching(/^\d{12}$/).map(withCheckDigit),
      netWeightGrams: fc.integer({ min: 0, max: 999_999 }),
      packDate: isoDate,
      expiry: isoDate,
      // '(' is in CSET 82 but would be ambiguous in the human-readable form: left out of the HRI round trip.
      lot: fc
        .array(fc.constantFrom(...cset82.filter((c) => c !== '(')), { minLength: 1, maxLength: 20 })
        .map((a) => a.join('')),
    },
    { requiredKeys: [] },
  );

  it('parses back what it encodes, in every scanner form', () => {
    fc.assert(
      fc.property(input, (inp) => {
        fc.pre(Object.keys(inp).length > 0);
        const enc = encodeGs1(inp);
        const forms = [
          enc.hri,
          ']C1' + gs1Raw(enc.elements, GS, false),
          gs1Raw(enc.elements, GS),
          gs1Raw(enc.elements, '|', false),
        ];
        for (const text of forms) {
          const r = parseGs1(text, { ...Y, separator: '|' });
          if (!r.ok) throw new Error(`${JSON.stringify(text)}: ${r.error.message}`);
          expect(r.value.elements).toEqual(enc.elements);
          if (inp.gtin) expect(r.value.gtin).toBe(inp.gtin.padStart(14, '0'));
          if (inp.netWeightGrams !== undefined) expect(r.value.netWeightGrams).toBe(inp.netWeightGrams);
          if (inp.packDate) expect(r.value.packDate).toBe(inp.packDate);
          if (inp.expiry) expect(r.value.expiry).toBe(inp.expiry);
          if (inp.lot) expect(r.value.lot).toBe(inp.lot);
        }
      }),
      { numRuns: 200 },
    );
  });
});
