import { describe, expect, it } from 'vitest';
import { wasteBasisPoints } from './waste-rate';

describe('waste %', () => {
  it('is waste over usage plus waste, in basis points (nearest); none when nothing was consumed', () => {
    expect(wasteBasisPoints(80, 720)).toBe(1_000);
    expect(wasteBasisPoints(16, 720)).toBe(217);
    expect(wasteBasisPoints(1, 7)).toBe(1_250);
    expect(wasteBasisPoints(0, 500)).toBe(0);
    expect(wasteBasisPoints(0, 0)).toBeNull();
    // A transfer surplus can make waste negative: it shows as such, not as nothing.
    expect(wasteBasisPoints(-10, 110)).toBe(-1_000);
  });
});
