import { sql } from 'drizzle-orm';
import { replicatedTable, type ReplicatedTable } from '../../../src-shared/sync/tables';
import { rows, type Q } from '../../db/client';
import type { WireRow } from './wire';

/** HQ id -> the store's local id, per master table, for the rows matched at enrollment. */
export type DownMap = Map<string, Map<string, string>>;

/** The mappings of these HQ ids (all of the store's when `hqIds` is omitted). */
export async function loadDownMap(q: Q, storeId: string, hqIds?: Iterable<string>): Promise<DownMap> {
  const list = hqIds ? [...new Set(hqIds)] : null;
  const out: DownMap = new Map();
  if (list && list.length === 0) return out;
  const found = await rows<{ tbl: string; local_id: string; hq_id: string }>(
    q,
    list
      ? sql`SELECT tbl, local_id, hq_id FROM sync_id_map
            WHERE store_id = ${storeId} AND hq_id IN (SELECT json_array_elements_text(${JSON.stringify(list)}::json))`
      : sql`SELECT tbl, local_id, hq_id FROM sync_id_map WHERE store_id = ${storeId}`,
  );
  for (const f of found) {
    let m = out.get(f.tbl);
    if (!m) out.set(f.tbl, (m = new Map()));
    m.set(f.hq_id, f.local_id);
  }
  return out;
}

/** The ids a row of `t` may carry that a store might know under another id. */
export function mappableIds(t: ReplicatedTable, row: WireRow): string[] {
  const out: string[] = [];
  if (t.key.length === 1 && t.key[0] === 'id' && typeof row.id === 'string') out.push(row.id);
  for (const col of Object.keys(t.refs ?? {})) if (typeof row[col] === 'string') out.push(row[col] as string);
  return out;
}

/** A row as the store knows it: its own id for a matched row, and in the columns that reference one. */
export function toLocal(tableName: string, row: WireRow, map: DownMap): WireRow {
  const t = replicatedTable(tableName);
  if (!t || map.size === 0) return row;
  const out = { ...row };
  if (t.key.length === 1 && t.key[0] === 'id' && typeof out.id === 'string') {
    out.id = map.get(t.name)?.get(out.id) ?? out.id;
  }
  for (const [col, target] of Object.entries(t.refs ?? {})) {
    const v = out[col];
    if (typeof v === 'string') out[col] = map.get(target)?.get(v) ?? v;
  }
  return out;
}
