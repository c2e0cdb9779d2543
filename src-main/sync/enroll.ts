import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EnrollPreviewRequest, ExistingRow, MatchPlan } from '../../src-shared/sync/protocol';
import { MASTER_TABLES, rowKey, type ReplicatedTable } from '../../src-shared/sync/tables';
import { dynamicSql, sql, type Conn } from '../db/sql';
import { downColumns } from './columns';
import { newHlcNode } from './clock';
import { enqueueEverything } from './outbox';
import { setSyncState, syncStateOf } from './state';
import { startNewStream } from './stream';
import { toWire, type WireRow } from './wire';

/**
 * Enrollment from the store's side: what it already has (its master rows, for
 * HQ to match by code), and, once the admin confirmed the plan HQ made of
 * them, everything recorded in one local transaction: the credential, a new
 * outbox stream with every existing fact row queued (HQ receives the store's
 * history), the id map and the plan with both values of each conflict.
 */
type Existing = z.infer<typeof ExistingRow>;

const storeRow = sql<{ id: string; code: string; name: string; timezone: string; currency: string }>(
  'SELECT id, code, name, timezone, currency FROM store LIMIT 1',
);

export class NotSetUp extends Error {}

export function storeIdentity(conn: Conn): z.infer<typeof EnrollPreviewRequest>['store'] {
  const s = storeRow.get(conn);
  if (!s) throw new NotSetUp('the store is not set up');
  return { localId: s.id, code: s.code, name: s.name, timezone: s.timezone, currency: s.currency };
}

/** A readable label for a row of a table without a code of its own (shown in the plan). */
function label(t: ReplicatedTable, row: WireRow, codes: Map<string, Map<string, string>>): string {
  const code = (tbl: string, id: unknown) => codes.get(tbl)?.get(String(id)) ?? String(id);
  switch (t.name) {
    case 'item_units':
      return `${code('items', row.item_id)} ${String(row.unit)}`;
    case 'item_barcodes':
      return String(row.barcode);
    case 'supplier_items':
      return `${code('suppliers', row.supplier_id)} / ${code('items', row.item_id)}`;
    case 'reason_codes':
      return `${String(row.kind)}:${String(row.code)}`;
    case 'label_templates':
      return String(row.id);
    default:
      return String(row.code ?? rowKey(t, row));
  }
}

/** Every master row the store has, as HQ matches them: key and HQ-owned columns in wire form. */
export function existingMasterRows(conn: Conn): Record<string, Existing[]> {
  const out: Record<string, Existing[]> = {};
  const codes = new Map<string, Map<string, string>>();
  for (const t of MASTER_TABLES) {
    const cols = downColumns(t);
    const rows = dynamicSql<Record<string, unknown>>(
      conn,
      `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" ORDER BY rowid`,
    )
      .safeIntegers(true)
      .all()
      .map((r) => toWire(r, cols));
    if ('code' in (rows[0] ?? {})) codes.set(t.name, new Map(rows.map((r) => [String(r.id), String(r.code)])));
    out[t.name] = rows.map((row) => ({ id: rowKey(t, row), code: label(t, row, codes).slice(0, 80), row }));
  }
  return out;
}

const clearOutbox = sql('DELETE FROM sync_outbox');
const clearIdMap = sql('DELETE FROM sync_id_map');
const mapId = sql<never, [string, string, string]>(
  'INSERT OR REPLACE INTO sync_id_map (tbl, local_id, hq_id) VALUES (?, ?, ?)',
);
const saveReport = sql<never, [string, number, string, string, string, string, string, string | null]>(
  `INSERT INTO sync_enrollments (id, at, hq_url, hq_name, hq_store_code, plan_hash, plans, user_id)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);

export interface Enrolled {
  hqUrl: string;
  hqName: string;
  hqStoreCode: string;
  storeId: string;
  credential: string;
  planHash: string;
  plans: MatchPlan[];
}

/** Records a confirmed enrollment; `alsoInTx` writes the audit entry in the same transaction. */
export function recordEnrollment(
  conn: Conn,
  e: Enrolled,
  meta: { now: number; userId: string | null; alsoInTx?: (queued: number) => void },
): { queued: number } {
  return conn
    .transaction(() => {
      // A store enrolling again (a new code after a revocation) sends everything again on a new stream.
      clearOutbox.run(conn);
      clearIdMap.run(conn);
      const keyedById = new Set<string>(
        MASTER_TABLES.filter((t) => t.key.length === 1 && t.key[0] === 'id').map((t) => t.name),
      );
      for (const p of e.plans) {
        if (!keyedById.has(p.table)) continue;
        for (const m of [...p.matched, ...p.conflicts])
          if (m.localId !== m.hqId) mapId.run(conn, p.table, m.localId, m.hqId);
      }
      saveReport.run(
        conn,
        randomUUID(),
        meta.now,
        e.hqUrl,
        e.hqName,
        e.hqStoreCode,
        e.planHash,
        JSON.stringify(e.plans),
        meta.userId,
      );
      setSyncState(conn, {
        hqUrl: e.hqUrl,
        hqName: e.hqName,
        hqStoreCode: e.hqStoreCode,
        storeId: e.storeId,
        credential: e.credential,
        enrolledAt: meta.now,
        pullCursor: 0,
        hlcNode: syncStateOf(conn).hlcNode ?? newHlcNode(),
        lastError: null,
        lastRefusal: null,
        stoppedReason: null,
        verifiedAt: null,
      });
      startNewStream(conn);
      const queued = enqueueEverything(conn, meta.now);
      meta.alsoInTx?.(queued);
      return { queued };
    })
    .immediate();
}

export interface EnrollmentReport {
  at: number;
  hqUrl: string;
  hqName: string;
  hqStoreCode: string;
  plans: MatchPlan[];
}

const lastReport = sql<{ at: number; hqUrl: string; hqName: string; hqStoreCode: string; plans: string }>(
  'SELECT at, hq_url AS hqUrl, hq_name AS hqName, hq_store_code AS hqStoreCode, plans FROM sync_enrollments ORDER BY at DESC LIMIT 1',
);

export function enrollmentReport(conn: Conn): EnrollmentReport | null {
  const r = lastReport.get(conn);
  return r ? { ...r, plans: JSON.parse(r.plans) as MatchPlan[] } : null;
}
