import { describe, expect, it } from 'vitest';
import { convert, rescale, subtract, toUnit } from './weight-math';

const kg = (amount: number, decimals = 3) => ({ amount, decimals, unit: 'kg' as const });

describe('weight math (integers only)', () => {
  it('rescales without losing digits, or refuses', () => {
    expect(rescale(kg(1234), 4)).toEqual(kg(12340, 4));
    expect(rescale(kg(1230), 2)).toEqual(kg(123, 2));
    expect(rescale(kg(1234), 2)).toBeNull();
  });

  it('moves between kg and g by the decimal point; pounds do not mix', () => {
    expect(toUnit({ amount: 1234, decimals: 0, unit: 'g' }, 'kg')).toEqual(kg(1234, 3));
    expect(toUnit(kg(15, 1), 'g')).toEqual({ amount: 1500, decimals: 0, unit: 'g' });
    expect(toUnit(kg(1), 'lb')).toBeNull();
    expect(convert({ amount: 5, decimals: 0, unit: 'g' }, 'kg', 3)).toEqual(kg(5));
  });

  it('subtracts at the finer resolution', () => {
    expect(subtract(kg(1000), kg(5, 1))).toEqual(kg(500));
    expect(subtract(kg(1000), { amount: 1, decimals: 0, unit: 'lb' })).toBeNull();
  });
});
