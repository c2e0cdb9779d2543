import { sql } from 'drizzle-orm';
import { replicatedTable, rowKey, type ReplicatedTable } from '../../../src-shared/sync/tables';
import { rows, type Q } from '../../db/client';
import { downColumns, masterSpec, type TableSpec } from '../../db/columns';
import { pick, valueProblem, type WireRow } from '../sync/wire';
import { appendChanges, type ChangeToLog } from './change-log';

/** A master row HQ cannot store as given: the message names the column and the rule. */
export class MasterRowError extends Error {
  constructor(
    readonly table: string,
    readonly column: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'MasterRowError';
  }
}

export function masterTable(name: string): { t: ReplicatedTable; spec: TableSpec } {
  const t = replicatedTable(name);
  const spec = masterSpec(name);
  if (!t || t.direction !== 'down' || !spec) throw new MasterRowError(name, null, `${name} is not HQ master data`);
  return { t, spec };
}

/** The row with every key and HQ-owned column, defaults filled in; throws MasterRowError on a bad value. */
export function completeMasterRow(name: string, row: Record<string, unknown>): WireRow {
  const { t, spec } = masterTable(name);
  const out: WireRow = {};
  for (const c of downColumns(t)) {
    const col = spec.columns.get(c)!;
    const v = row[c] === undefined ? (col.default ?? null) : row[c];
    const problem = valueProblem(col, v);
    if (problem) throw new MasterRowError(name, c, `${name}: ${problem}`);
    if (v === null && t.key.includes(c)) throw new MasterRowError(name, c, `${name}: ${c} is part of the key`);
    out[c] = v as WireRow[string];
  }
  return out;
}

const quoted = (c: string) => sql.identifier(c);

/**
 * Inserts or updates one master row with its change-log entries, in the
 * caller's transaction. Per-store rows (equipment) are logged for the store
 * that holds them; one that moves to another store is logged as a delete for
 * the store it left.
 */
export async function writeMaster(tx: Q, name: string, row: Record<string, unknown>, at: number): Promise<WireRow> {
  const { t, spec } = masterTable(name);
  const full = completeMasterRow(name, row);
  const cols = downColumns(t);
  const keyWhere = sql.join(
    t.key.map((k) => sql`${quoted(k)} = ${full[k]}`),
    sql` AND `,
  );
  let before: string | null = null;
  if (t.perStore) {
    const [old] = await rows<{ store_id: string | null }>(
      tx,
      sql`SELECT store_id FROM ${sql.raw(spec.sqlName)} WHERE ${keyWhere} FOR UPDATE`,
    );
    before = old?.store_id ?? null;
  }
  const updatable = cols.filter((c) => !t.key.includes(c));
  await tx.execute(sql`
    INSERT INTO ${sql.raw(spec.sqlName)} (${sql.join(cols.map(quoted), sql`, `)}, created_at, updated_at)
    VALUES (${sql.join(
      cols.map((c) => sql`${full[c]}`),
      sql`, `,
    )}, ${at}, ${at})
    ON CONFLICT (${sql.join(t.key.map(quoted), sql`, `)}) DO UPDATE SET
      ${sql.join(
        updatable.map((c) => sql`${quoted(c)} = excluded.${quoted(c)}`),
        sql`, `,
      )}, updated_at = excluded.updated_at`);

  const key = rowKey(t, full);
  const changes: ChangeToLog[] = [];
  if (t.perStore) {
    const now = (full.store_id as string | null) ?? null;
    if (before && before !== now) {
      changes.push({ tbl: name, rowKey: key, storeId: before, op: 'delete', data: pick(full, t.key) });
    }
    if (now) changes.push({ tbl: name, rowKey: key, storeId: now, op: 'upsert', data: full });
  } else {
    changes.push({ tbl: name, rowKey: key, storeId: null, op: 'upsert', data: full });
  }
  await appendChanges(tx, changes, at);
  return full;
}

/** Deletes one master row (by its key columns) and logs the delete for whoever held it. */
export async function deleteMaster(tx: Q, name: string, key: Record<string, unknown>, at: number): Promise<boolean> {
  const { t, spec } = masterTable(name);
  const k = pick(key, t.key);
  const where = sql.join(
    t.key.map((c) => sql`${quoted(c)} = ${k[c]}`),
    sql` AND `,
  );
  const gone = await rows<{ store_id?: string | null }>(
    tx,
    sql`DELETE FROM ${sql.raw(spec.sqlName)} WHERE ${where} RETURNING ${t.perStore ? sql`store_id` : sql`1 AS one`}`,
  );
  if (gone.length === 0) return false;
  if (t.perStore && !gone[0]!.store_id) return true;
  await appendChanges(
    tx,
    [{ tbl: name, rowKey: rowKey(t, k), storeId: t.perStore ? gone[0]!.store_id! : null, op: 'delete', data: k }],
    at,
  );
  return true;
}
