import type { OutboxEntry } from '../../src-shared/sync/protocol';
import { replicatedTable, type ReplicatedTable } from '../../src-shared/sync/tables';
import { dynamicSql, sql, type Conn } from '../db/sql';
import { CAPTURED_TABLES, keyColumns, keySql, sentColumns } from './columns';
import { toWire, type WireRow } from './wire';

/**
 * The outbox: what the triggers captured, numbered without holes (AUTOINCREMENT
 * under the writing transaction: a rolled-back write takes its number back).
 * Entries stay until HQ acknowledges them; the row an entry names is read
 * when it is pushed, so the newest state travels.
 */
export interface OutboxRow {
  seq: number;
  tbl: string;
  rowId: string;
  op: 'upsert' | 'delete';
}

const bounds = sql<{ lo: number | null; hi: number | null }>(
  'SELECT (SELECT seq FROM sync_outbox ORDER BY seq LIMIT 1) AS lo, (SELECT seq FROM sync_outbox ORDER BY seq DESC LIMIT 1) AS hi',
);
const lastNumber = sql<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'");
const firstRows = sql<OutboxRow, [number]>(
  'SELECT seq, tbl, row_id AS rowId, op FROM sync_outbox ORDER BY seq LIMIT ?',
);
const dropThrough = sql<never, [number]>('DELETE FROM sync_outbox WHERE seq <= ?');

/** Entries waiting: the numbers have no holes, so the ends say how many (without counting millions of rows). */
export function waitingCount(conn: Conn): number {
  const b = bounds.get(conn);
  return b?.lo === null || b?.lo === undefined || b.hi === null ? 0 : b.hi - b.lo + 1;
}

/** The first waiting seq, or the next number the outbox will give when nothing waits. */
export function firstWaitingSeq(conn: Conn): number {
  const b = bounds.get(conn);
  if (b && b.lo !== null) return b.lo;
  return (lastNumber.get(conn)?.seq ?? 0) + 1;
}

/** The oldest waiting entries, up to `limit`, as long as their numbers follow each other. */
export function nextEntries(conn: Conn, limit: number): OutboxRow[] {
  const rows = firstRows.all(conn, limit);
  let n = 0;
  while (n < rows.length && (n === 0 || rows[n]!.seq === rows[n - 1]!.seq + 1)) n++;
  return rows.slice(0, n);
}

export function dropAcknowledged(conn: Conn, throughSeq: number): void {
  dropThrough.run(conn, throughSeq);
}

/**
 * Every row of every captured table, as upserts (enrollment: HQ must receive
 * the store's history), parents before children as the registry lists them.
 */
export function enqueueEverything(conn: Conn, now: number): number {
  let n = 0;
  for (const t of CAPTURED_TABLES) {
    n += dynamicSql(
      conn,
      `INSERT INTO sync_outbox (tbl, row_id, op, at) SELECT '${t.name}', ${keySql(t, 't')}, 'upsert', ? FROM "${t.name}" t ORDER BY t.rowid`,
    ).run(now).changes;
  }
  return n;
}

const CHUNK = 500;

/**
 * Rows of `t` whose key is one of `n` keys (params: each key's columns,
 * keyParams order): each key column compared on its own, so SQLite searches
 * the key's index. The joined key text (keySql = ?) is an expression no index
 * covers: a table with a two-column key was scanned once per entry.
 */
export function keyInSql(t: ReplicatedTable, n: number): string {
  if (t.key.length === 1) return `t."${t.key[0]}" IN (${Array.from({ length: n }, () => '?').join(', ')})`;
  const one = `(${t.key.map(() => '?').join(', ')})`;
  return `(${t.key.map((k) => `t."${k}"`).join(', ')}) IN (VALUES ${Array.from({ length: n }, () => one).join(', ')})`;
}

const keyValues = (t: ReplicatedTable, key: string): unknown[] =>
  t.key.length === 1 ? [key] : Object.values(keyColumns(t, key));

/** The current rows of these keys of one table, in wire form. */
function readRows(conn: Conn, t: ReplicatedTable, keys: string[]): Map<string, WireRow> {
  const cols = sentColumns(t);
  const out = new Map<string, WireRow>();
  const select = `SELECT ${cols.map((c) => `"${c}"`).join(', ')}, ${keySql(t, 't')} AS "__key" FROM "${t.name}" t`;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    const st = dynamicSql<Record<string, unknown>>(conn, `${select} WHERE ${keyInSql(t, part.length)}`);
    for (const r of st.safeIntegers(true).all(...part.flatMap((k) => keyValues(t, k)))) {
      out.set(String(r.__key), toWire(r, cols));
    }
  }
  return out;
}

/** The stamps of the fields of records edited at both ends. */
function readClocks(conn: Conn, table: string, keys: string[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    const rows = dynamicSql<{ rowId: string; field: string; clock: string }>(
      conn,
      `SELECT row_id AS rowId, field, clock FROM sync_field_clocks WHERE tbl = ? AND row_id IN (${part.map(() => '?').join(', ')})`,
    ).all(table, ...part);
    for (const r of rows) {
      const m = out.get(r.rowId) ?? {};
      m[r.field] = r.clock;
      out.set(r.rowId, m);
    }
  }
  return out;
}

/**
 * The entries of a batch as they go up, numbered in the stream (`base` is the
 * outbox seq before the stream's entry 1). An upsert whose row is gone by now
 * goes as a delete: the newest state of a row created and deleted in one
 * window is "deleted".
 */
export function entriesFor(conn: Conn, rows: readonly OutboxRow[], base: number): OutboxEntry[] {
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    if (r.op !== 'upsert') continue;
    // Pushed in place: copying the list for every entry made a batch of 5,000 cost O(n²).
    const keys = byTable.get(r.tbl);
    if (keys) keys.push(r.rowId);
    else byTable.set(r.tbl, [r.rowId]);
  }
  const current = new Map<string, Map<string, WireRow>>();
  const clocks = new Map<string, Map<string, Record<string, string>>>();
  for (const [tbl, keys] of byTable) {
    const t = replicatedTable(tbl);
    if (!t) continue;
    const unique = [...new Set(keys)];
    current.set(tbl, readRows(conn, t, unique));
    if (t.direction === 'both') clocks.set(tbl, readClocks(conn, tbl, unique));
  }
  return rows.map((r) => {
    const seq = r.seq - base;
    const t = replicatedTable(r.tbl);
    // A table the registry no longer knows still takes its number: HQ dead-letters it with a reason.
    if (!t) return { seq, table: r.tbl, op: r.op, row: { key: r.rowId } };
    const row = r.op === 'upsert' ? current.get(r.tbl)?.get(r.rowId) : undefined;
    if (!row) return { seq, table: r.tbl, op: 'delete', row: keyColumns(t, r.rowId) };
    const c = clocks.get(r.tbl)?.get(r.rowId);
    return { seq, table: r.tbl, op: 'upsert', row, ...(c ? { clocks: c } : {}) };
  });
}
