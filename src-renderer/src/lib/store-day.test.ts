import { describe, expect, it } from 'vitest';
import { storeDayOf } from './store-day';

describe('store day', () => {
  it("is the store's date, not the browser's: 16:30 UTC is already tomorrow in Shanghai", () => {
    const at = new Date('2026-11-27T16:30:00Z');
    expect(storeDayOf(at, 'Asia/Shanghai')).toBe('2026-11-28');
    expect(storeDayOf(at, 'America/New_York')).toBe('2026-11-27');
    expect(storeDayOf(new Date('2026-12-31T23:59:00Z'), 'UTC')).toBe('2026-12-31');
  });

  it('falls back to the browser zone for an unknown zone name instead of failing', () => {
    expect(storeDayOf(new Date('2026-06-15T12:00:00Z'), 'Nowhere/Atlantis')).toMatch(/^2026-06-1[45]$/);
  });
});
