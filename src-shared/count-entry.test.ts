import { describe, expect, it } from 'vitest';
import { parseCountEntry, type EntryUnit } from './count-entry';

const BEEF: EntryUnit[] = [
  { unit: '箱', factor: 10_000_000 },
  { unit: 'case', factor: 10_000_000 },
];
const WINE: EntryUnit[] = [{ unit: '瓶', factor: 750_000 }];
const CUPS: EntryUnit[] = [{ unit: '箱', factor: 1_000_000 }];

const qty = (text: string, base: 'g' | 'ml' | 'pc', units: EntryUnit[] = []) => {
  const r = parseCountEntry(text, base, units);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.error)}`);
  return r.qty;
};
const error = (text: string, base: 'g' | 'ml' | 'pc', units: EntryUnit[] = []) => {
  const r = parseCountEntry(text, base, units);
  if (r.ok) throw new Error(`${text} parsed as ${r.qty}`);
  return r.error;
};

describe('parseCountEntry', () => {
  it('adds item units and metric units, with or without spaces and plus signs', () => {
    expect(qty('2 箱 + 3.5 kg', 'g', BEEF)).toBe(23_500_000);
    expect(qty('2箱3.5kg', 'g', BEEF)).toBe(23_500_000);
    expect(qty('2 CASE + 500g', 'g', BEEF)).toBe(20_500_000);
    expect(qty('1斤2两', 'g')).toBe(600_000);
    expect(qty('12 瓶', 'ml', WINE)).toBe(9_000_000);
    expect(qty('1.5L + 250ml', 'ml', WINE)).toBe(1_750_000);
    expect(qty('3箱 + 7个', 'pc', CUPS)).toBe(3_007_000);
  });

  it('reads a bare number in the base unit, and full-width digits from a Chinese IME', () => {
    expect(qty('1.5', 'g')).toBe(1_500);
    expect(qty('０', 'pc')).toBe(0);
    expect(qty('２箱＋１．５ｋｇ'.replace('ｋｇ', 'kg'), 'g', BEEF)).toBe(21_500_000);
    expect(qty('0.001', 'g')).toBe(1);
  });

  it('rounds a fraction of a thousandth half up rather than failing', () => {
    // 0.001 瓶 of 750 ml = 0.75 ml = 750 thousandths; 0.0005 would be refused as too many decimals.
    expect(qty('0.001瓶', 'ml', WINE)).toBe(750);
    expect(qty('0.001箱', 'pc', [{ unit: '箱', factor: 1_500 }])).toBe(2);
  });

  it('names an unknown unit and lists the known ones', () => {
    const e = error('2 kgs', 'g', BEEF);
    expect(e).toMatchObject({ code: 'unit', unit: 'kgs' });
    expect(e.code === 'unit' && e.known).toEqual(expect.arrayContaining(['箱', 'kg', '斤']));
    // A litre is not a unit of a weighed item.
    expect(error('1 l', 'g')).toMatchObject({ code: 'unit', unit: 'l' });
  });

  it('refuses negative, empty, garbage, too many decimals, thousands separators and absurd counts', () => {
    expect(error('-3 kg', 'g')).toEqual({ code: 'negative' });
    expect(error('2箱 - 1kg', 'g', BEEF)).toEqual({ code: 'negative' });
    expect(error('  ', 'g')).toEqual({ code: 'empty' });
    expect(error('abc', 'g').code).toBe('syntax');
    expect(error('kg', 'g').code).toBe('syntax');
    expect(error('1.2345', 'g').code).toBe('syntax');
    expect(error('1,000', 'g').code).toBe('syntax');
    expect(error('1.5.3', 'g').code).toBe('syntax');
    expect(error('2++3', 'g').code).toBe('syntax');
    expect(error('200000 kg', 'g')).toEqual({ code: 'tooLarge' });
  });
});
