import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-ranges';

describe('Range headers', () => {
  it('reads single, open, suffix and several ranges, clipped to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual([{ start: 0, end: 99 }]);
    expect(parseRange('bytes=900-', 1000)).toEqual([{ start: 900, end: 999 }]);
    expect(parseRange('bytes=-100', 1000)).toEqual([{ start: 900, end: 999 }]);
    expect(parseRange('bytes=0-9, 20-29,990-2000', 1000)).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 29 },
      { start: 990, end: 999 },
    ]);
  });

  it('serves the whole file for what it cannot read, 416 for what lies beyond the end', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('items=0-9', 1000)).toBeNull();
    expect(parseRange('bytes=9-0', 1000)).toBeNull();
    expect(parseRange(`bytes=${Array.from({ length: 300 }, (_, i) => `${i}-${i}`).join(',')}`, 1000)).toBeNull();
    expect(parseRange('bytes=1000-1100', 1000)).toBe('unsatisfiable');
  });
});
