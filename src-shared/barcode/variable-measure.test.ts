import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeVariable,
  encodeVariable,
  EXAMPLE_LAYOUTS,
  layoutProblem,
  type VariableLayout,
} from './variable-measure';

const WEIGHT: VariableLayout = { prefix: '20', itemDigits: 5, valueKind: 'weight', valueDigits: 5, decimals: 3 };
const PRICE: VariableLayout = { prefix: '29', itemDigits: 5, valueKind: 'price', valueDigits: 5, decimals: 2 };

describe('variable-measure EAN-13', () => {
  it('encodes the devices.md vector', () => {
    // 20 12345 01234 C, data 201234501234, from the right:
    // 4*3 + 3 + 2*3 + 1 + 0*3 + 5 + 4*3 + 3 + 2*3 + 1 + 0*3 + 2 = 51 -> check 9
    expect(encodeVariable(WEIGHT, '12345', 1234)).toBe('2012345012349');
    // 29 00042 01234 C (12.34 yuan): 4*3+3+2*3+1+0+2+4*3+0+0+0+9*3+2 = 65 -> check 5
    expect(encodeVariable(PRICE, 42, 1234)).toBe('2900042012345');
  });

  it('decodes weight and price with the matching layout', () => {
    const w = decodeVariable([WEIGHT, PRICE], '2012345012349');
    expect(w).toMatchObject({ itemRef: '12345', value: 1234, weight: { amount: 1234, decimals: 3, unit: 'kg' } });
    expect(w?.layout).toBe(WEIGHT);
    const p = decodeVariable([WEIGHT, PRICE], '2900042012345');
    expect(p).toMatchObject({ itemRef: '00042', value: 1234, price4: 123_400 });
  });

  it('rejects a wrong check digit, unknown prefixes and bad layouts', () => {
    expect(decodeVariable([WEIGHT], '2012345012348')).toBeNull();
    expect(decodeVariable([WEIGHT], '6901234567892')).toBeNull();
    expect(decodeVariable([WEIGHT], '201234501234')).toBeNull();
    expect(layoutProblem({ ...WEIGHT, prefix: '69' })).toMatch(/restricted/);
    expect(layoutProblem({ ...WEIGHT, itemDigits: 6 })).toMatch(/must be 12/);
    expect(() => encodeVariable(WEIGHT, '123456', 1)).toThrow(/at most 5 digits/);
    expect(() => encodeVariable(WEIGHT, '1', 100000)).toThrow(/does not fit/);
  });

  it('prefers the longest matching prefix', () => {
    const special: VariableLayout = { prefix: '021', itemDigits: 4, valueKind: 'weight', valueDigits: 5, decimals: 3 };
    const general: VariableLayout = { prefix: '02', itemDigits: 5, valueKind: 'weight', valueDigits: 5, decimals: 3 };
    const code = encodeVariable(special, '7', 500);
    expect(decodeVariable([general, special], code)?.layout).toBe(special);
  });

  it('round-trips any item and value (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLE_LAYOUTS, WEIGHT, PRICE),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        (layout, item, value) => {
          const code = encodeVariable(layout, item, value);
          expect(code).toMatch(/^\d{13}$/);
          const d = decodeVariable([layout], code);
          expect(d?.itemRef).toBe(String(item).padStart(layout.itemDigits, '0'));
          expect(d?.value).toBe(value);
        },
      ),
    );
  });
});
