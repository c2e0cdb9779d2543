import { sql } from 'drizzle-orm';
import type { HqHistoryEntry } from '../../../src-shared/hq-api/methods/master-data';
import { rowKey } from '../../../src-shared/sync/tables';
import { rows, type Q } from '../../db/client';
import type { ScopedUser } from '../scope/scope';
import { assertEquipmentInScope } from './equipment';
import type { MasterChange } from './save-row';
import { masterTable } from './write';

/**
 * One master row's history from HQ's audit trail (append-only, never
 * compacted): each write that changed it, who made it, and each field's old
 * and new value. Rows written before history was recorded show none.
 */
export async function masterHistory(
  q: Q,
  user: ScopedUser,
  table: string,
  key: Record<string, string>,
): Promise<HqHistoryEntry[]> {
  const { t } = masterTable(table);
  if (table === 'equipment' && key.id) await assertEquipmentInScope(q, user, key.id);
  const k = rowKey(t, key);
  const probe = JSON.stringify([{ tbl: table, key: k }]);
  const found = await rows<{
    seq: number;
    at: number;
    username: string | null;
    method: string;
    changes: MasterChange[];
  }>(
    q,
    sql`SELECT seq, at, username, method, detail->'changes' AS changes FROM hq_audit
        WHERE detail->'changes' @> ${probe}::jsonb ORDER BY seq DESC LIMIT 500`,
  );
  return found.flatMap((r) =>
    r.changes
      .filter((c) => c.tbl === table && c.key === k)
      .map((c) => ({
        seq: Number(r.seq),
        at: Number(r.at),
        username: r.username,
        method: r.method,
        op: c.op,
        changes: Object.entries(c.fields).map(([column, [before, after]]) => ({ column, before, after })),
      })),
  );
}
