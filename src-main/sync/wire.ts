/**
 * Rows in wire form (src-shared/sync/protocol.ts): integers, text or null.
 * Read with safe integers on, so an integer beyond 2^53 is never rounded on
 * its way out: it travels as text and HQ refuses it as a dead letter with a
 * reason, instead of storing a different number.
 */
export type WireValue = string | number | null;
export type WireRow = Record<string, WireValue>;

export function wireValue(v: unknown): WireValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
}

export function toWire(row: Record<string, unknown>, columns: readonly string[]): WireRow {
  const out: WireRow = {};
  for (const c of columns) out[c] = wireValue(row[c]);
  return out;
}
