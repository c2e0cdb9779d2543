import { describe, expect, it } from 'vitest';
import { checksumOf, type WireRow } from './checksum';

const rows: WireRow[] = [
  { id: 'a', qty: 1500, name: '鸡胸肉', expiry: null },
  { id: 'b', qty: -3, name: 'Beef', expiry: '2026-12-31' },
  { id: 'c', qty: 0, name: '', expiry: null },
];
const cols = ['id', 'qty', 'name', 'expiry'];

describe('table checksums', () => {
  it('do not depend on row or column order', () => {
    const a = checksumOf(rows, cols);
    expect(checksumOf([...rows].reverse(), [...cols].reverse())).toEqual(a);
    expect(a.count).toBe(3);
    expect(a.sum).toMatch(/^[0-9a-f]{16}$/);
  });

  it('change with any value of any row, and tell null, empty text, zero and "0" apart', () => {
    const base = checksumOf(rows, cols).sum;
    const variants: WireRow[][] = [
      rows.map((r, i) => (i === 1 ? { ...r, qty: -2 } : r)),
      rows.map((r, i) => (i === 2 ? { ...r, expiry: '' } : r)),
      rows.map((r, i) => (i === 2 ? { ...r, qty: '0' } : r)),
      rows.map((r, i) => (i === 0 ? { ...r, name: '鸡胸肉 ' } : r)),
      rows.slice(1),
    ];
    for (const v of variants) expect(checksumOf(v, cols).sum).not.toBe(base);
  });

  it('count only the columns named: a column one side does not know yet makes no mismatch', () => {
    const more = rows.map((r) => ({ ...r, added_later: 7 }));
    expect(checksumOf(more, cols)).toEqual(checksumOf(rows, cols));
  });

  it('are the same for 20,000 rows added in any order', () => {
    const many: WireRow[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `i${i}`,
      qty: i * 7,
      name: `n${i % 97}`,
      expiry: null,
    }));
    const shuffled = [...many].sort(
      (x, y) => ((String(x.id).length * 31 + Number(x.qty)) % 13) - ((String(y.id).length * 31 + Number(y.qty)) % 13),
    );
    expect(checksumOf(shuffled, cols)).toEqual(checksumOf(many, cols));
  });
});
