import { isHlc } from '../../../src-shared/sync/hlc';
import { LIMITS, OutboxEntry } from '../../../src-shared/sync/protocol';
import { replicatedTable, rowKey, type ReplicatedTable } from '../../../src-shared/sync/tables';
import { HQ_ONLY_MIRROR_COLUMNS, mirrorSpec, storeColumns, type ColumnSpec, type TableSpec } from '../../db/columns';
import { valueProblem, type WireRow } from './wire';

/** An entry HQ can apply: its table, its complete row (defaults filled, store_id set), its key. */
export interface ValidEntry {
  seq: number;
  table: ReplicatedTable;
  op: 'upsert' | 'delete';
  row: WireRow;
  key: string;
  clocks: Record<string, string>;
}

export type Checked = { ok: true; entry: ValidEntry } | { ok: false; seq: number; table: string; reason: string };

/**
 * One outbox entry checked against the registry and HQ's mirror: known table
 * that a store may send, only columns HQ mirrors, each value of its column's
 * type, the key present, and the row's store (where it names one) the store
 * that sent it. Anything else is a dead letter with the reason, never a
 * refusal of the batch: one bad entry must not hold up those behind it.
 */
export function checkEntry(storeId: string, raw: { seq: number } & Record<string, unknown>): Checked {
  const seq = raw.seq;
  const tableName = typeof raw.table === 'string' ? raw.table.slice(0, 64) : '?';
  const dead = (reason: string): Checked => ({ ok: false, seq, table: tableName, reason });

  let e: OutboxEntry;
  const known = typeof raw.table === 'string' ? rulesOf(raw.table) : null;
  if (known && wellFormed(raw, known)) {
    // Shape already proven for this table (wellFormed): zod would pass it, at several times the cost.
    e = raw as unknown as OutboxEntry;
  } else {
    const parsed = OutboxEntry.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return dead(`malformed entry: ${i.path.map(String).join('.') || '(entry)'}: ${i.message}`);
    }
    e = parsed.data;
  }
  const t = replicatedTable(e.table);
  if (!t) return dead(`HQ does not know the table ${e.table}`);
  if (t.direction === 'down') return dead(`${e.table} is HQ master data: a store cannot send it`);
  const { spec, omit, columns } = rulesOf(t.name)!;
  for (const k of t.key) {
    if (e.row[k] === undefined || e.row[k] === null) return dead(`${t.name}: the key column ${k} is missing`);
  }
  if ('store_id' in e.row && e.row.store_id !== storeId) {
    return dead(`${t.name}: the row belongs to store ${String(e.row.store_id)}, not to the store that sent it`);
  }
  if (t.name === 'store' && e.row.id !== storeId) {
    return dead('store: a store can only send its own store row');
  }
  const clocks = e.clocks ?? {};
  if (e.clocks && t.direction !== 'both') return dead(`${t.name}: only work orders carry field clocks`);

  if (e.op === 'delete') {
    const row: WireRow = { store_id: storeId };
    for (const k of t.key) row[k] = e.row[k]!;
    return { ok: true, entry: { seq, table: t, op: 'delete', row, key: rowKey(t, row), clocks } };
  }

  for (const c of Object.keys(e.row)) {
    if (omit.has(c)) return dead(`${t.name}.${c} never leaves the store`);
    if (HQ_ONLY_MIRROR_COLUMNS.has(c)) return dead(`${t.name}.${c} is HQ's own column`);
    if (!spec.columns.has(c)) return dead(`HQ has no column ${t.name}.${c}`);
  }
  for (const f of Object.keys(clocks)) {
    if (!spec.columns.has(f) || HQ_ONLY_MIRROR_COLUMNS.has(f)) return dead(`${t.name}: a clock for unknown field ${f}`);
  }
  const row: WireRow = {};
  for (const col of columns) {
    const given = e.row[col.name];
    // A store one schema version behind does not send a column added since: it takes its default.
    const v = col.name === 'store_id' ? storeId : given === undefined ? (col.default ?? null) : given;
    const problem = valueProblem(col, v);
    if (problem) return dead(`${t.name}: ${problem}`);
    row[col.name] = v;
  }
  return { ok: true, entry: { seq, table: t, op: 'upsert', row, key: rowKey(t, row), clocks } };
}

/** What checking an entry of one table needs, worked out once per table instead of once per entry. */
interface TableRules {
  spec: TableSpec;
  omit: ReadonlySet<string>;
  columns: readonly ColumnSpec[];
  /** Mirror columns whose names WireRowSchema accepts (all of them, unless HQ's schema grows an odd one). */
  named: ReadonlySet<string>;
}

const COLUMN_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const rules = new Map<string, TableRules | null>();

function rulesOf(name: string): TableRules | null {
  let r = rules.get(name);
  if (r !== undefined) return r;
  const t = replicatedTable(name);
  const spec = t && t.direction !== 'down' ? mirrorSpec(t.name) : undefined;
  r =
    t && spec
      ? {
          spec,
          omit: new Set(t.omit ?? []),
          columns: storeColumns(t),
          named: new Set([...spec.columns.keys()].filter((c) => COLUMN_NAME.test(c))),
        }
      : null;
  // Only the registry's names are kept: a store cannot grow this map by sending made-up table names.
  if (t) rules.set(name, r);
  return r;
}

const TABLE_NAME = /^[a-z][a-z_]{1,62}$/;

/**
 * A cheap proof that OutboxEntry (zod) would accept this entry unchanged:
 * every row column is one of the table's mirror columns (all of which are
 * valid column names), every value an integer, text within the limit or
 * null, clocks (if any) HLC stamps. Anything else, or anything unusual, goes
 * through zod, whose first issue names the problem.
 */
function wellFormed(raw: Record<string, unknown>, r: TableRules): boolean {
  const { seq, table, op, row, clocks } = raw;
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) return false;
  if (typeof table !== 'string' || !TABLE_NAME.test(table)) return false;
  if (op !== 'upsert' && op !== 'delete') return false;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  for (const [k, v] of Object.entries(row)) {
    if (!r.named.has(k)) return false;
    if (v === null) continue;
    if (typeof v === 'number' ? !Number.isSafeInteger(v) : typeof v !== 'string' || v.length > LIMITS.textBytes) {
      return false;
    }
  }
  if (clocks === undefined) return true;
  if (typeof clocks !== 'object' || clocks === null || Array.isArray(clocks)) return false;
  return Object.values(clocks).every((c) => typeof c === 'string' && isHlc(c));
}
