import { OutboxEntry } from '../../../src-shared/sync/protocol';
import { replicatedTable, rowKey, type ReplicatedTable } from '../../../src-shared/sync/tables';
import { HQ_ONLY_MIRROR_COLUMNS, mirrorSpec, storeColumns } from '../../db/columns';
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

  const parsed = OutboxEntry.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return dead(`malformed entry: ${i.path.map(String).join('.') || '(entry)'}: ${i.message}`);
  }
  const e = parsed.data;
  const t = replicatedTable(e.table);
  if (!t) return dead(`HQ does not know the table ${e.table}`);
  if (t.direction === 'down') return dead(`${e.table} is HQ master data: a store cannot send it`);
  const spec = mirrorSpec(t.name)!;
  const omit = new Set(t.omit ?? []);
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
  for (const col of storeColumns(t)) {
    const given = e.row[col.name];
    // A store one schema version behind does not send a column added since: it takes its default.
    const v = col.name === 'store_id' ? storeId : given === undefined ? (col.default ?? null) : given;
    const problem = valueProblem(col, v);
    if (problem) return dead(`${t.name}: ${problem}`);
    row[col.name] = v;
  }
  return { ok: true, entry: { seq, table: t, op: 'upsert', row, key: rowKey(t, row), clocks } };
}
