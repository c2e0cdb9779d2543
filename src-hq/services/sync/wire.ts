import { sql, type SQL } from 'drizzle-orm';
import type { WireRow, WireValue } from '../../../src-shared/sync/checksum';
import { rows, type Q } from '../../db/client';
import type { ColumnSpec, TableSpec } from '../../db/columns';

export type { WireRow, WireValue };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `value` cannot be stored in `column` exactly as sent, or null when it
 * can. PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate would
 * come back as U+FFFD: both would break the exact round trip, so they are
 * refused rather than altered.
 */
export function valueProblem(column: ColumnSpec, value: unknown): string | null {
  if (value === null || value === undefined) {
    return column.notNull ? `${column.name} may not be null` : null;
  }
  switch (column.kind) {
    case 'int':
      return Number.isSafeInteger(value) ? null : `${column.name} must be an integer (got ${describe(value)})`;
    case 'bool':
      return value === 0 || value === 1 ? null : `${column.name} must be 0 or 1 (got ${describe(value)})`;
    case 'text':
      if (typeof value !== 'string') return `${column.name} must be text (got ${describe(value)})`;
      if (value.includes('\u0000')) return `${column.name} contains a NUL character, which HQ's database cannot store`;
      if (LONE_SURROGATE.test(value)) return `${column.name} is not valid Unicode (a lone surrogate)`;
      return null;
    case 'json':
      return `${column.name} is HQ's own column`;
  }
}

function describe(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return `${typeof v} ${text.length > 40 ? text.slice(0, 40) + '…' : text}`;
}

/** Rows of an HQ table in wire form (bigint and smallint as numbers), as PostgreSQL's to_jsonb renders them. */
export async function readWire(q: Q, spec: TableSpec, where: SQL = sql`true`): Promise<WireRow[]> {
  const out = await rows<{ r: WireRow }>(
    q,
    sql`SELECT to_jsonb(t) AS r FROM ${sql.raw(spec.sqlName)} t WHERE ${where}`,
  );
  return out.map((x) => x.r);
}

/** The listed columns of a row, in wire form (missing -> null). */
export function pick(row: Record<string, unknown>, columns: readonly string[]): WireRow {
  const out: WireRow = {};
  for (const c of columns) out[c] = (row[c] ?? null) as WireValue;
  return out;
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value as it came, made storable in text and jsonb: NUL and lone
 * surrogates (which PostgreSQL refuses) are written out as `\u0000`-style
 * text, so a dead letter keeps what the store sent, readably, instead of
 * failing to be recorded.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) as T;
  }
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  }
  return value;
}
