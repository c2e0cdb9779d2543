import { sql } from 'drizzle-orm';
import { rowKey } from '../../../src-shared/sync/tables';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { downColumns } from '../../db/columns';
import { readWire, type WireRow, type WireValue } from '../sync/wire';
import { deleteMaster, masterTable, MasterRowError, writeMaster } from './write';

/**
 * One master row's change as the audit entry keeps it: the change log is
 * compacted (its middle entries dropped after a month) and names nobody, so
 * the row's lasting history, who changed which field from what to what, is
 * the HQ audit trail, written in the same transaction as the row.
 */
export interface MasterChange {
  tbl: string;
  /** rowKey() of the row: 'id', or key values joined by U+001F. */
  key: string;
  op: 'create' | 'update' | 'delete';
  /** column -> [before, after]; only the columns that changed (all given ones for a new row). */
  fields: Record<string, [WireValue, WireValue]>;
}

/** Where a master write goes: the call's transaction, its time, and its audit entry's history. */
export interface MasterWriter {
  q: Q;
  now: number;
  record?: (change: MasterChange) => void;
}

/** 'name_zh' -> 'nameZh': the form field a column's problem belongs to. */
export const fieldOf = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const keyWhere = (key: WireRow) =>
  sql.join(
    Object.entries(key).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`),
    sql` AND `,
  );

/** The row's key and HQ-owned columns as stored now, or null. */
export async function currentMasterRow(q: Q, table: string, key: WireRow): Promise<WireRow | null> {
  const { t, spec } = masterTable(table);
  const [found] = await readWire(q, spec, keyWhere(key));
  if (!found) return null;
  const out: WireRow = {};
  for (const c of downColumns(t)) out[c] = found[c] ?? null;
  return out;
}

/**
 * Writes one master row through writeMaster (validation + change log) and
 * records what changed. Columns the caller leaves out keep their stored
 * values, so a screen that edits a few fields never resets the others.
 */
export async function saveMasterRow(w: MasterWriter, table: string, row: Record<string, unknown>): Promise<WireRow> {
  const { t } = masterTable(table);
  const key: WireRow = {};
  for (const k of t.key) key[k] = (row[k] ?? null) as WireValue;
  const before = await currentMasterRow(w.q, table, key);
  let full: WireRow;
  try {
    full = await writeMaster(w.q, table, { ...(before ?? {}), ...row }, w.now);
  } catch (err) {
    if (err instanceof MasterRowError) {
      const column = err.column ?? table;
      throw new HqApiError('VALIDATION', 'error.VALIDATION', undefined, [
        { path: err.column ? fieldOf(err.column) : '', key: 'hq.error.value', params: { column, detail: err.message } },
      ]);
    }
    throw err;
  }
  const fields: MasterChange['fields'] = {};
  for (const c of downColumns(t)) {
    const was = before ? (before[c] ?? null) : null;
    const now = full[c] ?? null;
    // A new row lists what it was created with; empty texts say nothing.
    if (before ? was !== now : now !== null && now !== '' && !t.key.includes(c)) fields[c] = [was, now];
  }
  if (!before || Object.keys(fields).length > 0) {
    w.record?.({ tbl: table, key: rowKey(t, full), op: before ? 'update' : 'create', fields });
  }
  return full;
}

/** Deletes one master row (only rows no store's data refers to: barcodes) and records it. */
export async function deleteMasterRow(w: MasterWriter, table: string, key: WireRow): Promise<void> {
  const { t } = masterTable(table);
  const before = await currentMasterRow(w.q, table, key);
  if (!before || !(await deleteMaster(w.q, table, key, w.now))) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  const fields: MasterChange['fields'] = {};
  for (const [c, v] of Object.entries(before)) if (!t.key.includes(c) && v !== null) fields[c] = [v, null];
  w.record?.({ tbl: table, key: rowKey(t, before), op: 'delete', fields });
}
