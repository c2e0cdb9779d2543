import { describe, expect, it } from 'vitest';
import { Id } from '../../src-shared/api/common';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a valid version-7 UUID carrying its millisecond time', () => {
    const now = Date.parse('2026-11-27T09:00:00.123Z');
    const id = uuidv7(now);
    expect(Id.safeParse(id).success).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts in creation order, even many within one millisecond, and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7(1_800_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
