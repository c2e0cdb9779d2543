import { mergeStamped } from '../../src-shared/sync/merge';
import type { Change } from '../../src-shared/sync/protocol';
import { rowKey, type ReplicatedTable } from '../../src-shared/sync/tables';
import { dynamicSql, sql, type Conn } from '../db/sql';
import { keyColumns, sentColumns, storeColumns } from './columns';
import { toWire, type WireRow } from './wire';

/**
 * One change from HQ written into the store's tables (inside the page's
 * transaction; each change in its own savepoint, see pull.ts):
 *
 * - master rows: an existing row gets only the HQ-owned columns HQ sent (the
 *   store's own columns, such as par levels or storage areas, are never
 *   touched); a new row is inserted with the store's own columns at their
 *   defaults; a delete removes the row;
 * - work orders: merged per field by HLC with the rule HQ runs (mergeStamped),
 *   the winning stamps kept in sync_field_clocks;
 * - work-order events: inserted once (append-only).
 */
export class CannotApply extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotApply';
  }
}

/**
 * A row by its key: each key column compared on its own (keyParams gives the
 * values), so SQLite searches the table's key index. Comparing the joined key
 * text (keySql) is an expression no index covers: it scanned the whole table
 * for every change of a table with a two-column key, and a first download of
 * 20,000 item units took ~20 s of the store's CPU (npm run bench:sync).
 */
export const whereKey = (t: ReplicatedTable) => t.key.map((k) => `t."${k}" = ?`).join(' AND ');
export const keyParams = (t: ReplicatedTable, key: string): unknown[] =>
  t.key.length === 1 ? [key] : Object.values(keyColumns(t, key));
const has = (t: ReplicatedTable) => new Set(storeColumns(t.name).map((c) => c.name));

export function readLocalRow(conn: Conn, t: ReplicatedTable, key: string, columns: string[]): WireRow | undefined {
  const r = dynamicSql<Record<string, unknown>>(
    conn,
    `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" t WHERE ${whereKey(t)}`,
  )
    .safeIntegers(true)
    .get(...keyParams(t, key));
  return r && toWire(r, columns);
}

function upsertMaster(conn: Conn, t: ReplicatedTable, row: WireRow, now: number): void {
  const own = has(t);
  const key = rowKey(t, row);
  const owned = new Set([...t.key, ...(t.hqOwned ?? [])]);
  // Only columns HQ owns and this store has: a newer HQ's extra column waits for this store's update.
  const cols = Object.keys(row).filter((c) => owned.has(c) && own.has(c));
  const exists = dynamicSql(conn, `SELECT 1 FROM "${t.name}" t WHERE ${whereKey(t)}`).get(...keyParams(t, key));
  if (exists) {
    const set = cols.filter((c) => !t.key.includes(c));
    const stamp = own.has('updated_at') ? ', "updated_at" = ?' : '';
    if (!set.length) return;
    dynamicSql(
      conn,
      `UPDATE "${t.name}" AS t SET ${set.map((c) => `"${c}" = ?`).join(', ')}${stamp} WHERE ${whereKey(t)}`,
    ).run(...set.map((c) => row[c]), ...(stamp ? [now] : []), ...keyParams(t, key));
    return;
  }
  const values: WireRow = Object.fromEntries(cols.map((c) => [c, row[c]!]));
  for (const c of storeColumns(t.name)) {
    if (c.name in values || !c.notNull || c.hasDefault) continue;
    if (c.name === 'created_at' || c.name === 'updated_at') values[c.name] = now;
    else throw new CannotApply(`HQ sent a new ${t.name} row without ${c.name}, which this store needs`);
  }
  const names = Object.keys(values);
  dynamicSql(
    conn,
    `INSERT INTO "${t.name}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  ).run(...names.map((c) => values[c]));
}

function deleteRow(conn: Conn, t: ReplicatedTable, key: string): void {
  try {
    dynamicSql(conn, `DELETE FROM "${t.name}" AS t WHERE ${whereKey(t)}`).run(...keyParams(t, key));
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new CannotApply(`HQ removed this ${t.name} row, but this store still uses it: it is kept here`);
    }
    throw err;
  }
}

const clocksOf = sql<{ field: string; clock: string }, [string, string]>(
  'SELECT field, clock FROM sync_field_clocks WHERE tbl = ? AND row_id = ?',
);
const saveFieldClock = sql<never, [string, string, string, string]>(
  `INSERT INTO sync_field_clocks (tbl, row_id, field, clock) VALUES (?, ?, ?, ?)
   ON CONFLICT (tbl, row_id, field) DO UPDATE SET clock = excluded.clock`,
);

/** HQ's edit of one of this store's work orders, merged field by field with what the store holds. */
function mergeWorkOrder(conn: Conn, t: ReplicatedTable, change: Change): void {
  const key = rowKey(t, change.row);
  const cols = sentColumns(t);
  const current = readLocalRow(conn, t, key, cols);
  if (!current) throw new CannotApply(`work order ${key} is not at this store`);
  const clocks = Object.fromEntries(clocksOf.all(conn, t.name, key).map((c) => [c.field, c.clock]));
  const known = new Set(cols);
  const incoming = Object.fromEntries(Object.entries(change.row).filter(([c]) => known.has(c)));
  const out = mergeStamped({ row: current, clocks }, { row: incoming, clocks: change.clocks ?? {} }, [
    ...t.key,
    'store_id',
  ]);
  const changed = cols.filter((c) => out.row[c] !== current[c]);
  if (changed.length) {
    dynamicSql(
      conn,
      `UPDATE "${t.name}" AS t SET ${changed.map((c) => `"${c}" = ?`).join(', ')} WHERE ${whereKey(t)}`,
    ).run(...changed.map((c) => out.row[c]), ...keyParams(t, key));
  }
  for (const f of out.applied) saveFieldClock.run(conn, t.name, key, f, out.clocks[f]!);
}

function insertEvent(conn: Conn, t: ReplicatedTable, row: WireRow): void {
  const own = has(t);
  const names = Object.keys(row).filter((c) => own.has(c));
  dynamicSql(
    conn,
    `INSERT INTO "${t.name}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
  ).run(...names.map((c) => row[c]));
}

export function applyChange(conn: Conn, t: ReplicatedTable, change: Change, now: number): void {
  const key = rowKey(t, change.row);
  if (t.direction === 'down') {
    if (change.op === 'delete') deleteRow(conn, t, key);
    else upsertMaster(conn, t, change.row, now);
    return;
  }
  if (t.direction !== 'both') throw new CannotApply(`${t.name} is this store's own data: HQ does not send it`);
  if (change.op === 'delete') throw new CannotApply(`${t.name} rows are never deleted`);
  if (t.name === 'work_orders') mergeWorkOrder(conn, t, change);
  else insertEvent(conn, t, change.row);
}
