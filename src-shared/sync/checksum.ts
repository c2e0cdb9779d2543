/**
 * Table checksums both ends compute the same way: a count and an
 * order-independent 64-bit sum of one hash per row, so neither side has to
 * sort, and a row set that differs in any value, in any row, almost surely
 * differs in the sum.
 *
 * Rows are compared in their wire form (protocol.ts): column -> integer,
 * text or null (booleans travel as 0/1, as SQLite keeps them). Only the given
 * columns count, in name order, so a column one side has and the other does
 * not yet know (an additive migration) never makes a mismatch by itself.
 */
export type WireValue = string | number | null;
export type WireRow = Record<string, WireValue>;

export interface TableChecksum {
  count: number;
  /** 16 hex digits: the sum of the rows' hashes modulo 2^64. */
  sum: string;
}

/** 32-bit MurmurHash3-style mixing over UTF-16 code units (pure TS: runs in the renderer, the store and HQ). */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The row as one text: `name=<type><value>` for each column, a unit separator between. */
export function canonicalRow(row: WireRow, columns: readonly string[]): string {
  let out = '';
  for (const c of columns) {
    const v = row[c];
    out += `${c}=${v === null || v === undefined ? 'z' : typeof v === 'number' ? 'n' + String(v) : 's' + v}\u001f`;
  }
  return out;
}

/** Accumulates rows in any order. */
export class ChecksumBuilder {
  private count = 0;
  private hi = 0;
  private lo = 0;
  private readonly columns: readonly string[];

  constructor(columns: readonly string[]) {
    this.columns = [...columns].sort();
  }

  add(row: WireRow): void {
    const text = canonicalRow(row, this.columns);
    const a = hash32(text, 0x9747b28c);
    const b = hash32(text, 0x2f1d5a3b);
    const lo = this.lo + b;
    this.lo = lo >>> 0;
    this.hi = (this.hi + a + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    this.count++;
  }

  result(): TableChecksum {
    return { count: this.count, sum: this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0') };
  }
}

export function checksumOf(rows: Iterable<WireRow>, columns: readonly string[]): TableChecksum {
  const b = new ChecksumBuilder(columns);
  for (const r of rows) b.add(r);
  return b.result();
}
