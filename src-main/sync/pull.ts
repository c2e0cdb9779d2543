import { ChecksumBuilder, type TableChecksum } from '../../src-shared/sync/checksum';
import type { HybridClock } from '../../src-shared/sync/hlc';
import type { PullResponse } from '../../src-shared/sync/protocol';
import { MASTER_TABLES, replicatedTable, rowKey, type ReplicatedTable } from '../../src-shared/sync/tables';
import { dynamicSql, sql, type Conn } from '../db/sql';
import { downColumns, keySql } from './columns';
import { applyChange, CannotApply, deleteByKeySql, keyParams, readLocalRow } from './apply-down';
import { setSyncState, syncStateOf } from './state';
import { toWire } from './wire';

/**
 * The pull applier: one page of HQ's changes and the new cursor in one local
 * transaction, so a crash leaves either the whole page with its cursor or
 * neither. A change that cannot be applied becomes a dead letter (with why)
 * and never blocks the rest. The outbox triggers stay quiet meanwhile
 * (`applying`), so HQ's own edits are not sent back up. Stamps are checked
 * before anything is written; HQ's clock is merged only once the page is in.
 */
export interface PageOutcome {
  applied: number;
  deadLetters: number;
}

const recordDown = sql<never, [string, string, string, string, string, number]>(
  `INSERT INTO sync_dead_letters (direction, tbl, row_id, op, reason, data, at) VALUES ('down', ?, ?, ?, ?, ?, ?)`,
);
const markSeen = sql<never, [string, string]>('INSERT OR IGNORE INTO sync_refetch_seen (tbl, row_id) VALUES (?, ?)');
const clearSeen = sql<never, [string]>('DELETE FROM sync_refetch_seen WHERE tbl = ?');

function reasonOf(err: unknown, t: string): string {
  if (err instanceof CannotApply) return err.message;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return `a row this ${t} row refers to is not at this store`;
  if (code.startsWith('SQLITE_CONSTRAINT')) return `it clashes with a row of this store (${(err as Error).message})`;
  throw err;
}

/** Thrown when another worker moved the cursor first: the page is dropped, nothing written. */
export class CursorMoved extends Error {}

/**
 * Applies one page. `fromCursor` is the cursor the page was asked for; a
 * refetch page names its tables in `refetch` and leaves the cursor alone.
 */
export function applyPage(
  conn: Conn,
  page: PullResponse,
  opts: { fromCursor: number; clock: HybridClock; now: number; refetch?: readonly string[] },
): PageOutcome {
  // A stamp a day ahead of this PC's clock is refused before anything is written.
  opts.clock.check(page.clock);
  for (const c of page.changes) for (const s of Object.values(c.clocks ?? {})) opts.clock.check(s);
  const outcome: PageOutcome = { applied: 0, deadLetters: 0 };
  const tables = page.changes.map((c) => replicatedTable(c.table));
  // The whole page in one savepoint: a savepoint per change cost more than most changes themselves.
  const whole = conn.transaction(() => {
    for (let i = 0; i < page.changes.length; i++) {
      const t = tables[i];
      if (!t) throw new CannotApply('unknown table');
      applyChange(conn, t, page.changes[i]!, opts.now);
      if (opts.refetch) markSeen.run(conn, t.name, rowKey(t, page.changes[i]!.row));
    }
  });
  const one = conn.transaction((t: ReplicatedTable, change: PullResponse['changes'][number]) =>
    applyChange(conn, t, change, opts.now),
  );
  conn
    .transaction(() => {
      const state = syncStateOf(conn);
      if (state.pullCursor !== opts.fromCursor) throw new CursorMoved();
      setSyncState(conn, { applying: 1 });
      try {
        whole();
        outcome.applied = page.changes.length;
      } catch {
        // Something in the page cannot be applied: it is rolled back and applied change by change,
        // so the one that fails becomes a dead letter with its own reason and the rest go in.
        applyOneByOne(conn, page, tables, one, opts, outcome);
      }
      setSyncState(conn, { applying: 0, ...(opts.refetch ? {} : { pullCursor: page.nextCursor }) });
    })
    .immediate();
  opts.clock.receive(page.clock);
  setSyncState(conn, { hlcNode: opts.clock.node, hlcLast: opts.clock.last() });
  return outcome;
}

function applyOneByOne(
  conn: Conn,
  page: PullResponse,
  tables: (ReplicatedTable | undefined)[],
  one: (t: ReplicatedTable, change: PullResponse['changes'][number]) => void,
  opts: { now: number; refetch?: readonly string[] },
  outcome: PageOutcome,
): void {
  page.changes.forEach((change, i) => {
    const t = tables[i];
    const key = t ? rowKey(t, change.row) : '?';
    try {
      if (!t) throw new CannotApply(`this app does not know HQ's table ${change.table}: update the app`);
      one(t, change);
      if (opts.refetch) markSeen.run(conn, t.name, key);
      outcome.applied++;
    } catch (err) {
      const reason = reasonOf(err, change.table);
      recordDown.run(conn, change.table, key, change.op, reason, JSON.stringify(change.row), opts.now);
      outcome.deadLetters++;
    }
  });
}

/** The store's own id, the one per-store master rows (equipment) carry. */
const ownStoreId = sql<{ id: string }>('SELECT id FROM store LIMIT 1');

function perStoreFilter(conn: Conn, t: ReplicatedTable): { where: string; params: string[] } {
  if (!t.perStore) return { where: '', params: [] };
  return { where: ' WHERE t."store_id" = ?', params: [ownStoreId.get(conn)?.id ?? ''] };
}

/** What this store holds of each master table, computed exactly as HQ computes what it should hold. */
export function localChecksums(conn: Conn, tables: readonly ReplicatedTable[] = MASTER_TABLES) {
  const out: Record<string, TableChecksum> = {};
  for (const t of tables) {
    const cols = downColumns(t);
    const b = new ChecksumBuilder(cols);
    const f = perStoreFilter(conn, t);
    const st = dynamicSql<Record<string, unknown>>(
      conn,
      `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" t${f.where}`,
    ).safeIntegers(true);
    for (const r of st.iterate(...f.params)) b.add(toWire(r, cols));
    out[t.name] = b.result();
  }
  return out;
}

/** The master tables whose checksum differs from HQ's. */
export function mismatchedTables(conn: Conn, hq: Record<string, TableChecksum>): string[] {
  const tables = MASTER_TABLES.filter((t) => hq[t.name]);
  const mine = localChecksums(conn, tables);
  return tables
    .filter((t) => mine[t.name]!.count !== hq[t.name]!.count || mine[t.name]!.sum !== hq[t.name]!.sum)
    .map((t) => t.name);
}

export function startRefetch(conn: Conn, tables: readonly string[]): void {
  conn.transaction(() => {
    for (const t of tables) clearSeen.run(conn, t);
  })();
}

/**
 * After a refetch's last page: rows of these tables HQ did not send are not
 * at HQ, so they go (each kept in the dead letters with its content: nothing
 * is lost); one the store still uses stays, with the reason. Returns how many
 * were listed.
 */
export function finishRefetch(conn: Conn, tables: readonly string[], now: number): number {
  let listed = 0;
  conn
    .transaction(() => {
      setSyncState(conn, { applying: 1 });
      for (const name of tables) {
        const t = replicatedTable(name);
        if (!t || t.direction !== 'down') continue;
        const f = perStoreFilter(conn, t);
        const gone = dynamicSql<{ k: string }>(
          conn,
          `SELECT ${keySql(t, 't')} AS k FROM "${t.name}" t${f.where ? `${f.where} AND` : ' WHERE'} NOT EXISTS (SELECT 1 FROM sync_refetch_seen s WHERE s.tbl = ? AND s.row_id = ${keySql(t, 't')})`,
        )
          .all(...f.params, t.name)
          .map((r) => r.k);
        for (const key of gone) {
          const row = readLocalRow(conn, t, key, downColumns(t));
          let reason = 'HQ does not have this row: removed here (its values are kept in this list)';
          try {
            // By each key column (deleteByKeySql), not the joined key text: that scanned the table per row.
            conn.transaction(() => dynamicSql(conn, deleteByKeySql(t)).run(...keyParams(t, key)))();
          } catch (err) {
            if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw err;
            reason = 'HQ does not have this row, but this store still uses it: kept here';
          }
          recordDown.run(conn, t.name, key, 'removed', reason, JSON.stringify(row ?? {}), now);
          listed++;
        }
        clearSeen.run(conn, t.name);
      }
      setSyncState(conn, { applying: 0 });
    })
    .immediate();
  return listed;
}
