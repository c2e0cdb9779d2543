import { sql } from 'drizzle-orm';
import type { Q } from '../../db/client';
import { changeLog } from '../../db/schema';
import type { WireRow } from '../sync/wire';

/**
 * Versions are handed out by a sequence, and a sequence does not wait for
 * commits: without care, version 11 could commit while 10 is still open, a
 * store would pull up to 11 and never see 10. Every writer therefore takes
 * this transaction-scoped advisory lock before appending, so versions become
 * visible in order. Pushes never write the log, so ingest does not queue here.
 */
const CHANGE_LOG_LOCK = 0x48510002;

export interface ChangeToLog {
  tbl: string;
  rowKey: string;
  /** null: every store; else the one store that holds the row. */
  storeId: string | null;
  op: 'upsert' | 'delete';
  data: WireRow;
  clocks?: Record<string, string> | null;
}

export async function lockChangeLog(tx: Q): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
}

/** Appends in the caller's transaction (which must be one: the lock is released at its end). */
export async function appendChanges(tx: Q, changes: readonly ChangeToLog[], at: number): Promise<void> {
  if (changes.length === 0) return;
  await lockChangeLog(tx);
  await tx.insert(changeLog).values(
    changes.map((c) => ({
      tbl: c.tbl,
      rowKey: c.rowKey,
      storeId: c.storeId,
      op: c.op,
      data: c.data,
      clocks: c.clocks ?? null,
      at,
    })),
  );
}
