/**
 * a * b / c rounded half away from zero, exact for any integers the ledger can
 * hold (the product can pass 2^53, so it is done in BigInt).
 */
export function mulDiv(a: number, b: number, c: number): number {
  if (c === 0) throw new Error('mulDiv by zero');
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n - q * d;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (abs(r) * 2n >= abs(d)) return Number(q + (n < 0n !== d < 0n ? -1n : 1n));
  return Number(q);
}
