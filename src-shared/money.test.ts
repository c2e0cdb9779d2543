import { describe, expect, it } from 'vitest';
import {
  currencyDecimals,
  currencySymbol,
  formatAmount,
  formatCurrency,
  formatStoredAmount,
  xlsxMoneyFormat,
} from './money';

const zh = (currency: string) => ({ currency, locale: 'zh-CN' as const });
const en = (currency: string) => ({ currency, locale: 'en' as const });

describe('money in the store’s currency', () => {
  it('shows the currency’s own symbol for the reader’s language', () => {
    expect(formatCurrency(12_345_000, zh('CNY'))).toBe('¥1,234.50');
    expect(formatCurrency(12_345_000, zh('USD'))).toBe('US$1,234.50');
    expect(formatCurrency(12_345_000, zh('HKD'))).toBe('HK$1,234.50');
    expect(formatCurrency(12_345_000, zh('EUR'))).toBe('€1,234.50');
    expect(formatCurrency(12_345_000, en('USD'))).toBe('$1,234.50');
    expect(formatCurrency(12_345_000, en('CNY'))).toBe('CN¥1,234.50');
    expect(currencySymbol(zh('CNY'))).toBe('¥');
    expect(currencySymbol(zh('USD'))).toBe('US$');
    expect(currencySymbol(en('EUR'))).toBe('€');
  });

  it('uses the currency’s decimals, rounding half away from zero like the costing', () => {
    expect(currencyDecimals('CNY')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('KWD')).toBe(3);
    expect(formatCurrency(12_345_000, en('JPY'))).toBe('¥1,235');
    expect(formatCurrency(-12_345_000, en('JPY'))).toBe('-¥1,235');
    expect(formatCurrency(12_345_678, zh('KWD'))).toMatch(/^KWD\s1,234\.568$/);
    expect(formatAmount(123_450, 'CNY')).toBe('12.35');
    expect(formatAmount(-123_450, 'CNY')).toBe('-12.35');
    expect(formatAmount(123_449, 'CNY')).toBe('12.34');
    expect(formatAmount(15_000, 'JPY')).toBe('2');
    expect(formatAmount(0, 'USD')).toBe('0.00');
  });

  it('is exact beyond what a double holds in cents', () => {
    // 9,007,199,254,740.99: more digits than a float keeps once divided.
    expect(formatAmount(90_071_992_547_409_900, 'CNY')).toBe('9007199254740.99');
    expect(formatCurrency(90_071_992_547_409_900, zh('CNY'))).toBe('¥9,007,199,254,740.99');
  });

  it('still shows a well-formed code Intl has no symbol for, and never throws on a bad one', () => {
    expect(formatCurrency(10_000, zh('XYZ'))).toMatch(/^XYZ\s1\.00$/);
    expect(formatCurrency(10_000, zh('??'))).toBe('?? 1.00');
  });

  it('gives spreadsheets a number format with the symbol and the decimals', () => {
    expect(xlsxMoneyFormat(zh('CNY'))).toBe('"¥"#,##0.00');
    expect(xlsxMoneyFormat(en('USD'))).toBe('"$"#,##0.00');
    expect(xlsxMoneyFormat(en('JPY'))).toBe('"¥"#,##0');
  });

  it('formats an amount kept as text in a stored message', () => {
    expect(formatStoredAmount('12.50', zh('USD'))).toBe('US$12.50');
    expect(formatStoredAmount('12.3456', zh('CNY'))).toBe('¥12.35');
    expect(formatStoredAmount('n/a', zh('CNY'))).toBe('n/a');
  });
});
