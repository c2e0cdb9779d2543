import { describe, expect, it } from 'vitest';
import { zonedTime } from './time';

const AT = '2026-03-10T00:14:00.000Z';

describe("a store's times at HQ", () => {
  it("are on the store's clock, labelled with its zone when the reader is elsewhere", () => {
    expect(zonedTime(AT, 'Asia/Shanghai', 'Europe/London')).toBe('2026-03-10 08:14 (Asia/Shanghai)');
    expect(zonedTime(AT, 'Europe/London', 'Asia/Shanghai')).toBe('2026-03-10 00:14 (Europe/London)');
  });

  it('carry no label when the reader is in the same zone, and the reader’s clock when the store has not said its zone', () => {
    expect(zonedTime(AT, 'Asia/Shanghai', 'Asia/Shanghai')).toBe('2026-03-10 08:14');
    expect(zonedTime(AT, '', 'Asia/Shanghai')).toBe('2026-03-10 08:14');
    expect(zonedTime(null, 'Asia/Shanghai', 'UTC')).toBe('');
  });
});
