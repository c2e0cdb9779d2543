import { sql } from 'drizzle-orm';
import { rows, type Q } from '../../db/client';
import { mirrorSpec, storeColumns, UP_TABLES } from '../../db/columns';
import type { ValidEntry } from './entries';
import type { WireRow } from './wire';

/**
 * Matched master rows keep the store's local ids (sync_id_map): the columns
 * the registry marks as references are translated to HQ's ids, so HQ's
 * mirrors join HQ's catalogue whichever store a row came from.
 */
export async function mapRefsToHq(q: Q, storeId: string, entries: readonly ValidEntry[]): Promise<void> {
  const values = new Set<string>();
  for (const e of entries) {
    for (const col of Object.keys(e.table.refs ?? {})) {
      const v = e.row[col];
      if (typeof v === 'string') values.add(v);
    }
  }
  if (values.size === 0) return;
  const found = await rows<{ tbl: string; local_id: string; hq_id: string }>(
    q,
    sql`SELECT tbl, local_id, hq_id FROM sync_id_map
        WHERE store_id = ${storeId} AND local_id IN (SELECT json_array_elements_text(${JSON.stringify([...values])}::json))`,
  );
  if (found.length === 0) return;
  const map = new Map(found.map((f) => [`${f.tbl}\u001f${f.local_id}`, f.hq_id]));
  for (const e of entries) {
    for (const [col, target] of Object.entries(e.table.refs ?? {})) {
      const v = e.row[col];
      if (typeof v === 'string') e.row[col] = map.get(`${target}\u001f${v}`) ?? v;
    }
  }
}

/** The last entry per row wins: a batch that creates, edits and deletes a row leaves it deleted. */
export function collapse(entries: readonly ValidEntry[]): Map<string, ValidEntry[]> {
  const byTable = new Map<string, Map<string, ValidEntry>>();
  for (const e of entries) {
    let m = byTable.get(e.table.name);
    if (!m) byTable.set(e.table.name, (m = new Map()));
    m.delete(e.key); // re-insert so iteration follows the last write
    m.set(e.key, e);
  }
  return new Map([...byTable].map(([t, m]) => [t, [...m.values()]]));
}

const id = (c: string) => sql.identifier(c);

/**
 * Upserts and deletes a batch's fact rows, a few statements per table
 * whatever the batch size: the rows travel as one JSON parameter and
 * PostgreSQL turns them into records of the mirror's own row type, so every
 * value lands in its column's type exactly (bigint from a JSON number is
 * exact) on PGlite and on PostgreSQL alike.
 */
export async function applyFacts(q: Q, byTable: Map<string, ValidEntry[]>, receivedAt: number): Promise<void> {
  for (const t of UP_TABLES) {
    const list = byTable.get(t.name);
    if (!list?.length || t.direction === 'both') continue;
    const spec = mirrorSpec(t.name)!;
    const table = sql.raw(spec.sqlName);
    const upserts: WireRow[] = [];
    const deletes: WireRow[] = [];
    for (const e of list) {
      if (e.op === 'delete') deletes.push(e.row);
      else upserts.push({ ...e.row, hq_seq: e.seq, hq_received_at: receivedAt });
    }
    if (upserts.length) {
      const cols = [...storeColumns(t).map((c) => c.name), 'hq_seq', 'hq_received_at'];
      const keyCols = ['store_id', ...t.key];
      const set = cols.filter((c) => !keyCols.includes(c));
      await q.execute(sql`
        INSERT INTO ${table} (${sql.join(cols.map(id), sql`, `)})
        SELECT ${sql.join(cols.map(id), sql`, `)} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(upserts)}::json)
        ON CONFLICT (${sql.join(keyCols.map(id), sql`, `)}) DO UPDATE SET
          ${sql.join(
            set.map((c) => sql`${id(c)} = excluded.${id(c)}`),
            sql`, `,
          )}`);
    }
    if (deletes.length) {
      await q.execute(sql`
        DELETE FROM ${table} m USING json_populate_recordset(NULL::${table}, ${JSON.stringify(deletes)}::json) d
        WHERE ${sql.join(
          ['store_id', ...t.key].map((k) => sql`m.${id(k)} = d.${id(k)}`),
          sql` AND `,
        )}`);
    }
  }
}
