import type { syncState } from '../db/schema';
import { dynamicSql, sql, type Conn } from '../db/sql';

/** The one sync_state row (made by the migration). */
export type SyncStateRow = typeof syncState.$inferSelect;

const readState = sql<SyncStateRow>(
  `SELECT id, hq_url AS hqUrl, hq_name AS hqName, hq_store_code AS hqStoreCode, store_id AS storeId,
          credential, enrolled_at AS enrolledAt, stream_id AS streamId, stream_base AS streamBase, epoch,
          pull_cursor AS pullCursor, applying, hlc_node AS hlcNode, hlc_last AS hlcLast,
          audit_proof_seq AS auditProofSeq, lock_owner AS lockOwner, lock_until AS lockUntil,
          last_attempt_at AS lastAttemptAt, last_success_at AS lastSuccessAt, last_error AS lastError,
          last_refusal AS lastRefusal, stopped_reason AS stoppedReason, clock_offset_ms AS clockOffsetMs,
          verified_at AS verifiedAt, late_total AS lateTotal
   FROM sync_state WHERE id = 1`,
);

export function syncStateOf(conn: Conn): SyncStateRow {
  const row = readState.get(conn);
  if (!row) throw new Error('sync_state has no row: the sync migration did not run');
  return row;
}

const COLUMNS: Record<keyof SyncStateRow, string> = {
  id: 'id',
  hqUrl: 'hq_url',
  hqName: 'hq_name',
  hqStoreCode: 'hq_store_code',
  storeId: 'store_id',
  credential: 'credential',
  enrolledAt: 'enrolled_at',
  streamId: 'stream_id',
  streamBase: 'stream_base',
  epoch: 'epoch',
  pullCursor: 'pull_cursor',
  applying: 'applying',
  hlcNode: 'hlc_node',
  hlcLast: 'hlc_last',
  auditProofSeq: 'audit_proof_seq',
  lockOwner: 'lock_owner',
  lockUntil: 'lock_until',
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  lastError: 'last_error',
  lastRefusal: 'last_refusal',
  stoppedReason: 'stopped_reason',
  clockOffsetMs: 'clock_offset_ms',
  verifiedAt: 'verified_at',
  lateTotal: 'late_total',
};

/** Sets some columns of the row (names from the schema, values as parameters). */
export function setSyncState(conn: Conn, values: Partial<Omit<SyncStateRow, 'id'>>): void {
  const keys = Object.keys(values).sort() as (keyof typeof values)[];
  if (!keys.length) return;
  const text = `UPDATE sync_state SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = 1`;
  dynamicSql(conn, text).run(...keys.map((k) => values[k] ?? null));
}

/** A failure or refusal as the row keeps it. */
export interface Problem {
  code: string;
  message: string;
  at: number;
}

export function parseProblem(text: string | null): Problem | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Problem;
  } catch {
    return null;
  }
}
