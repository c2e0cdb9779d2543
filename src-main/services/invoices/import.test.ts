import { describe, expect, it } from 'vitest';
import { parseAmount } from './import';

describe('parseAmount', () => {
  it('reads the yuan as suppliers write it', () => {
    expect(parseAmount('¥1,234.50')).toBe(12_345_000);
    expect(parseAmount('12.5元')).toBe(125_000);
    expect(parseAmount('￥ 3')).toBe(30_000);
  });

  it("reads the store currency's code and symbols", () => {
    expect(parseAmount('$12.50', 'USD')).toBe(125_000);
    expect(parseAmount('US$12.50', 'USD')).toBe(125_000);
    expect(parseAmount('12.50 USD', 'USD')).toBe(125_000);
    expect(parseAmount('€1,234.50', 'EUR')).toBe(12_345_000);
    expect(parseAmount('HK$1,000.00', 'HKD')).toBe(10_000_000);
  });

  it('refuses another currency and what is not an amount', () => {
    expect(parseAmount('$12.50')).toBeNull();
    expect(parseAmount('€12.50', 'USD')).toBeNull();
    expect(parseAmount('-3', 'USD')).toBeNull();
    expect(parseAmount('abc', 'USD')).toBeNull();
  });
});
