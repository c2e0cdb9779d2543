import { sql } from 'drizzle-orm';
import { rows, type Q } from '../../db/client';

/**
 * Change-log compaction. Every master edit appends an entry carrying the
 * row's whole state at HQ (all its key and HQ-owned columns; a work order's
 * entry carries every stamped field with its clock), so for one row, i.e. one
 * (tbl, row_key, store_id), an entry between its first and its newest tells
 * a store nothing the newest does not. Those middle entries are dropped once
 * they are older than the horizon (kept meanwhile as recent history).
 *
 * Why no store can miss a change (cursor c, any value):
 * - the newest entry of every row is never dropped, and it is the row's
 *   current state (a delete is the newest entry of a deleted row: tombstones
 *   stay until the row comes back), so a store with c below it receives it and
 *   one with c at or above it had already received it. Its final state is
 *   HQ's, whatever c is: an old cursor, a fresh one, or 0 for a new store.
 * - the first entry of every row is kept too, so rows still arrive in the
 *   order HQ created them: a row that refers to another (an item's unit, a
 *   supplier's price) never arrives before the row it refers to, which a
 *   store's foreign keys would refuse. Versions only grow and the head
 *   (newest overall) is never dropped, so cursors stay meaningful.
 * - a work order's entries merge per field by clock (a join): the newest
 *   carries the join of the ones before, so skipping them changes nothing.
 * If some exotic history still leaves a store different (a row re-pointed,
 * then its old target deleted), the pull's checksums catch it and the store
 * refetches the table, as for any divergence.
 */
export const COMPACTION_HORIZON_MS = 30 * 86_400_000;

/** Taken with pg_try_advisory_xact_lock: a second HQ process finding it held skips this round (it has nothing to add). */
const COMPACTION_LOCK = 0x48510003;

export interface CompactionResult {
  /** false: another HQ process was compacting; nothing was done here. */
  ran: boolean;
  dropped: number;
  /** Entries left in the log. */
  left: number;
}

export async function compactChangeLog(db: Q, opts: { now: number; horizonMs?: number }): Promise<CompactionResult> {
  const cutoff = opts.now - (opts.horizonMs ?? COMPACTION_HORIZON_MS);
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ got: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${COMPACTION_LOCK}) AS got`);
    if (!lock?.got) return { ran: false, dropped: 0, left: await logSize(tx) };
    // Writers append concurrently: an entry they add is newer than anything this snapshot sees, so it
    // can only make more entries "middle" (dropped next time), never make a newest one look superseded.
    const gone = await rows<{ version: number }>(
      tx,
      sql`DELETE FROM change_log WHERE version IN (
            SELECT version FROM (
              SELECT version, at,
                     row_number() OVER (PARTITION BY tbl, row_key, store_id ORDER BY version) AS nth,
                     count(*) OVER (PARTITION BY tbl, row_key, store_id) AS entries
              FROM change_log
            ) e
            WHERE e.nth > 1 AND e.nth < e.entries AND e.at < ${cutoff})
          RETURNING version`,
    );
    return { ran: true, dropped: gone.length, left: await logSize(tx) };
  });
}

async function logSize(q: Q): Promise<number> {
  const [n] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM change_log`);
  return n?.n ?? 0;
}
