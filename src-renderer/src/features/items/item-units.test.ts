import { describe, expect, it } from 'vitest';
import { fromBase, toBase } from './item-units';

describe('quantities typed in a pack unit', () => {
  it('converts exactly between a pack and thousandths of the base unit', () => {
    expect(toBase('2', 10_000_000)).toBe(20_000_000); // 2 箱 of 10 kg = 20 kg
    expect(toBase('1.5', 1000)).toBe(1500); // 1.5 g
    expect(toBase('abc', 1000)).toBeNull();
    expect(fromBase(20_000_000, 10_000_000)).toBe('2');
    expect(fromBase(2_500_000, 1000)).toBe('2500');
  });
});
