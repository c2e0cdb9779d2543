/**
 * a * b / c rounded half away from zero, exact for any integers the ledger can
 * hold (the product can pass 2^53, so it is done in BigInt).
 */
export function mulDiv(a: number, b: number, c: number): number {
  if (c === 0) throw new Error('mulDiv by zero');
  const p = a * b;
  if (Number.isSafeInteger(p) && Number.isSafeInteger(c)) {
    // Fast path, still exact: the product fits in a double's 53-bit integer range.
    const q = Math.trunc(p / c);
    const r = p - q * c;
    if (Math.abs(r) * 2 >= Math.abs(c)) return q + (p < 0 !== c < 0 ? -1 : 1);
    return q === 0 ? 0 : q; // never -0
  }
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n - q * d;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (abs(r) * 2n >= abs(d)) return Number(q + (n < 0n !== d < 0n ? -1n : 1n));
  return Number(q);
}
