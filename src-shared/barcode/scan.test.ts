import { describe, expect, it } from 'vitest';
import { classifyScan, type ScanConfig } from './scan';
import { EXAMPLE_LAYOUTS } from './variable-measure';

const cfg: ScanConfig = { variableLayouts: EXAMPLE_LAYOUTS, gs1Separator: '|', referenceYear: 2025 };

describe('classifyScan', () => {
  it('plain retail codes', () => {
    expect(classifyScan('6901234567892', cfg)).toEqual({
      kind: 'ean13',
      code: '6901234567892',
      lookup: ['6901234567892', '06901234567892'],
    });
    // EAN-8 96385074 and UPC-A 036000291452 (check digits computed in check-digit.test.ts).
    expect(classifyScan('96385074', cfg)).toMatchObject({ kind: 'ean8', code: '96385074' });
    expect(classifyScan('036000291452', cfg)).toMatchObject({
      kind: 'upc',
      lookup: ['036000291452', '0036000291452', '00036000291452'],
    });
    // Scanner habits: trailing Enter, full-width digits from an IME, an EAN symbology identifier.
    expect(classifyScan('6901234567892\r\n', cfg)).toMatchObject({ kind: 'ean13' });
    expect(classifyScan('６９０１２３４５６７８９２', cfg)).toMatchObject({ kind: 'ean13', code: '6901234567892' });
    expect(classifyScan(']E06901234567892', cfg)).toMatchObject({ kind: 'ean13', code: '6901234567892' });
  });

  it('variable-measure codes resolve to item reference and weight or price', () => {
    expect(classifyScan('2012345012349', cfg)).toMatchObject({
      kind: 'variable',
      itemRef: '12345',
      value: 1234,
      weight: { amount: 1234, decimals: 3, unit: 'kg' },
    });
    expect(classifyScan('2900042012345', cfg)).toMatchObject({ kind: 'variable', itemRef: '00042', price4: 123_400 });
    // Without layouts a 20-prefixed code is just an EAN-13.
    expect(classifyScan('2012345012349', {})).toMatchObject({ kind: 'ean13' });
  });

  it('GS1 data in every scanner form resolves to the GTIN', () => {
    const forms = [
      ']C1010690123456789231030012341325112710LOT42',
      '\u001d010690123456789231030012341325112710LOT42',
      '(01)06901234567892(3103)001234(13)251127(10)LOT42',
      '0106901234567892310300123410LOT42|17251204',
      '01069012345678923103001234',
    ];
    for (const f of forms) {
      const r = classifyScan(f, cfg);
      expect(r.kind, f).toBe('gs1');
      if (r.kind !== 'gs1') continue;
      expect(r.gtin).toBe('06901234567892');
      expect(r.lookup).toEqual(['06901234567892', '6901234567892']);
      expect(r.fields.netWeightGrams).toBe(1234);
    }
    // A bare GTIN-14 (ITF-14 on a case): 1690123456789 -> 9*3+8+7*3+6+5*3+4+3*3+2+1*3+0+9*3+6+1*3 = 131 -> check 9.
    expect(classifyScan('16901234567899', cfg)).toMatchObject({ kind: 'gs1', gtin: '16901234567899' });
  });

  it('says why a scan is invalid', () => {
    const r = classifyScan('6901234567893', cfg);
    expect(r).toMatchObject({ kind: 'invalid', code: 'check_digit', text: '6901234567893' });
    expect(r.kind === 'invalid' && r.reason).toMatch(/should end in 2, not 3/);
    const g = classifyScan('(01)06901234567893(10)A', cfg);
    expect(g).toMatchObject({ kind: 'invalid', code: 'gs1', gs1: { code: 'bad_check_digit', ai: '01' } });
    expect(classifyScan('', cfg)).toMatchObject({ kind: 'invalid', code: 'empty' });
    expect(classifyScan('AB\u0007C', cfg)).toMatchObject({ kind: 'invalid', code: 'control_chars' });
  });

  it('anything else is an internal code', () => {
    expect(classifyScan('CHK-0001', cfg)).toEqual({ kind: 'code', code: 'CHK-0001' });
    expect(classifyScan('12345', cfg)).toEqual({ kind: 'code', code: '12345' });
  });
});
