import type Database from 'better-sqlite3';
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
const ownColumns = new Map<string, Set<string>>();
const has = (t: ReplicatedTable) => {
  let own = ownColumns.get(t.name);
  if (!own) ownColumns.set(t.name, (own = new Set(storeColumns(t.name).map((c) => c.name))));
  return own;
};

export function readLocalRow(conn: Conn, t: ReplicatedTable, key: string, columns: string[]): WireRow | undefined {
  const r = dynamicSql<Record<string, unknown>>(
    conn,
    `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" t WHERE ${whereKey(t)}`,
  )
    .safeIntegers(true)
    .get(...keyParams(t, key));
  return r && toWire(r, columns);
}

/**
 * Whether the table has a primary key or unique index on exactly its
 * replication key: the conflict target an upsert by key needs.
 */
export function hasUniqueKey(conn: Conn, t: ReplicatedTable): boolean {
  const want = [...t.key].sort().join(',');
  const pk = (conn.pragma(`table_info("${t.name}")`) as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .map((c) => c.name);
  if (pk.sort().join(',') === want) return true;
  const indexes = conn.pragma(`index_list("${t.name}")`) as { name: string; unique: number; partial: number }[];
  return indexes.some(
    (i) =>
      i.unique === 1 &&
      i.partial === 0 &&
      (conn.pragma(`index_info("${i.name}")`) as { name: string }[])
        .map((c) => c.name)
        .sort()
        .join(',') === want,
  );
}

/**
 * How rows of one table with one set of sent columns are upserted: a single
 * prepared INSERT ... ON CONFLICT (key) DO UPDATE (one statement per row: no
 * look-up first), or null when that shape cannot go that way (a new row would
 * lack a column this store needs, or no unique index matches the key) and
 * the row is looked up first, as upsertByLookup does.
 */
interface UpsertPlan {
  statement: Database.Statement;
  /** How many columns a new row gets `now` in (created_at, updated_at HQ did not send). */
  stamps: number;
  /** Whether an existing row's updated_at is set to `now`. */
  touch: boolean;
}

const plans = new WeakMap<Conn, Map<string, UpsertPlan | null>>();

function upsertPlan(conn: Conn, t: ReplicatedTable, cols: string[]): UpsertPlan | null {
  let m = plans.get(conn);
  if (!m) plans.set(conn, (m = new Map()));
  const id = `${t.name}\u001f${cols.join(',')}`;
  let plan = m.get(id);
  if (plan !== undefined) return plan;
  const sent = new Set(cols);
  const stamps: string[] = [];
  let complete = true;
  for (const c of storeColumns(t.name)) {
    if (sent.has(c.name) || !c.notNull || c.hasDefault) continue;
    if (c.name === 'created_at' || c.name === 'updated_at') stamps.push(c.name);
    else complete = false;
  }
  plan = null;
  if (complete && hasUniqueKey(conn, t)) {
    const names = [...cols, ...stamps];
    const set = cols.filter((c) => !t.key.includes(c));
    // An existing row's updated_at moves only when HQ's columns are written (as the UPDATE did).
    const touch = set.length > 0 && has(t).has('updated_at') && !sent.has('updated_at');
    const assign = [...set.map((c) => `"${c}" = excluded."${c}"`), ...(touch ? ['"updated_at" = ?'] : [])];
    const action = set.length ? `DO UPDATE SET ${assign.join(', ')}` : 'DO NOTHING';
    const text =
      `INSERT INTO "${t.name}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${t.key.map((k) => `"${k}"`).join(', ')}) ${action}`;
    plan = { statement: conn.prepare(text), stamps: stamps.length, touch };
  }
  m.set(id, plan);
  return plan;
}

function upsertMaster(conn: Conn, t: ReplicatedTable, row: WireRow, now: number): void {
  const own = has(t);
  const owned = new Set([...t.key, ...(t.hqOwned ?? [])]);
  // Only columns HQ owns and this store has: a newer HQ's extra column waits for this store's update.
  const cols = Object.keys(row).filter((c) => owned.has(c) && own.has(c));
  const plan = upsertPlan(conn, t, cols);
  if (!plan) return upsertByLookup(conn, t, row, cols, now);
  const params: unknown[] = cols.map((c) => row[c]);
  for (let i = 0; i < plan.stamps; i++) params.push(now);
  if (plan.touch) params.push(now);
  plan.statement.run(...params);
}

function upsertByLookup(conn: Conn, t: ReplicatedTable, row: WireRow, cols: string[], now: number): void {
  const own = has(t);
  const key = rowKey(t, row);
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

/** Deletes one row by its key (keyParams), through the key's index. */
export const deleteByKeySql = (t: ReplicatedTable) => `DELETE FROM "${t.name}" AS t WHERE ${whereKey(t)}`;

function deleteRow(conn: Conn, t: ReplicatedTable, key: string): void {
  try {
    dynamicSql(conn, deleteByKeySql(t)).run(...keyParams(t, key));
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
