import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, gtinLookupForms, hasValidCheckDigit, toGtin14, withCheckDigit } from './check-digit';

describe('GS1 mod-10 check digit', () => {
  it('matches hand-computed vectors', () => {
    // 629104150021, weights 3,1,3,... from the right:
    // 1*3 + 2*1 + 0*3 + 0*1 + 5*3 + 1*1 + 4*3 + 0*1 + 1*3 + 9*1 + 2*3 + 6*1 = 57 -> (10 - 7) % 10 = 3
    expect(gs1CheckDigit('629104150021')).toBe(3);
    // 690123456789: 9*3+8+7*3+6+5*3+4+3*3+2+1*3+0+9*3+6 = 128 -> 2
    expect(gs1CheckDigit('690123456789')).toBe(2);
    // A leading zero changes nothing: GTIN-14 06901234567892.
    expect(gs1CheckDigit('0690123456789')).toBe(2);
    // EAN-8 9638507: 7*3+0+5*3+8+3*3+6+9*3 = 86 -> 4
    expect(withCheckDigit('9638507')).toBe('96385074');
    // UPC-A 03600029145: 5*3+4+1*3+9+2*3+0+0+0+6*3+3+0 = 58 -> 2
    expect(withCheckDigit('03600029145')).toBe('036000291452');
    // Sum a multiple of 10 -> 0: 0000000000000 sums to 0.
    expect(gs1CheckDigit('000000000000')).toBe(0);
  });

  it('validates and pads GTINs', () => {
    expect(hasValidCheckDigit('6291041500213')).toBe(true);
    expect(hasValidCheckDigit('6291041500214')).toBe(false);
    expect(hasValidCheckDigit('62910415002a3')).toBe(false);
    expect(toGtin14('6901234567892')).toBe('06901234567892');
    expect(toGtin14('96385074')).toBe('00000096385074');
    expect(toGtin14('6901234567893')).toBeNull();
    expect(toGtin14('12345')).toBeNull();
    expect(gtinLookupForms('06901234567892')).toEqual(['06901234567892', '6901234567892']);
    expect(gtinLookupForms('00000096385074')).toEqual(['00000096385074', '0000096385074', '000096385074', '96385074']);
    expect(() => gs1CheckDigit('12a')).toThrow(/digits only/);
  });
});
