import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayKeyer, dayStart, daysBetween, firstDay, lastDay, monthOf } from './time';

describe('day helpers', () => {
  it('do calendar arithmetic on day and month keys', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthOf('2026-07-15')).toBe('2026-07');
    expect(firstDay('2026-07')).toBe('2026-07-01');
    expect(lastDay('2024-02')).toBe('2024-02-29');
  });

  it('keys an instant by the business day of its zone, with one keyer per zone', () => {
    const at = Date.UTC(2026, 10, 30, 17, 0); // 01:00 on 1 December in Shanghai
    expect(dayKeyer('Asia/Shanghai')(at)).toBe('2026-12-01');
    expect(dayKeyer('UTC')(at)).toBe('2026-11-30');
    expect(dayKeyer('America/New_York')(at)).toBe('2026-11-30');
    // Built once per zone: the store-day cache every service shares.
    expect(dayKeyer('Asia/Shanghai')).toBe(dayKeyer('Asia/Shanghai'));
  });

  it('finds the instant a business day starts, across a daylight-saving change', () => {
    expect(dayStart('2026-12-01', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 30, 16, 0));
    // New York springs forward on 8 March 2026: that day starts at 05:00 UTC, the next at 04:00.
    expect(dayStart('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5, 0));
    expect(dayStart('2026-03-09', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4, 0));
    const key = dayKeyer('America/New_York');
    expect(key(dayStart('2026-03-09', 'America/New_York'))).toBe('2026-03-09');
    expect(key(dayStart('2026-03-09', 'America/New_York') - 1)).toBe('2026-03-08');
  });
});
