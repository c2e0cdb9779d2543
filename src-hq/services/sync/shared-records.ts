import { sql } from 'drizzle-orm';
import { mergeStamped, type Stamped } from '../../../src-shared/sync/merge';
import { rows, type Q } from '../../db/client';
import { mirrorSpec, storeColumns } from '../../db/columns';
import type { ValidEntry } from './entries';
import type { WireRow } from './wire';

export interface DeadEntry {
  seq: number;
  table: string;
  reason: string;
}

const WO_KEY = ['store_id', 'id'];
const id = (c: string) => sql.identifier(c);

export interface FieldValue {
  store_id: string;
  work_order_id: string;
  field: string;
  clock: string;
  value: string | number | null;
  source: 'store' | 'hq';
  applied: boolean;
  at: number;
}

/** Every stamped value that reached HQ, applied or not: a late, older edit is kept here, never lost. */
export async function recordFieldValues(q: Q, values: FieldValue[]): Promise<void> {
  if (!values.length) return;
  await q.execute(sql`
    INSERT INTO work_order_field_values (store_id, work_order_id, field, clock, value, source, applied, at)
    SELECT store_id, work_order_id, field, clock, value, source, applied, at
    FROM json_populate_recordset(NULL::work_order_field_values, ${JSON.stringify(values)}::json)
    ON CONFLICT DO NOTHING`);
}

/** The current rows of these work orders, locked for the merge. */
export async function lockWorkOrders(q: Q, storeId: string, ids: string[]): Promise<Map<string, Stamped>> {
  if (!ids.length) return new Map();
  const found = await rows<{ r: WireRow & { clocks: Record<string, string> } }>(
    q,
    sql`SELECT to_jsonb(w) AS r FROM mirror.work_orders w
        WHERE store_id = ${storeId} AND id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json))
        FOR UPDATE`,
  );
  return new Map(
    found.map(({ r }) => {
      const { clocks, hq_seq: _s, hq_received_at: _r, ...row } = r;
      return [row.id as string, { row, clocks: clocks ?? {} }];
    }),
  );
}

/** Writes merged work-order rows with their field clocks. */
export async function saveWorkOrders(
  q: Q,
  merged: { row: WireRow; clocks: Record<string, string>; seq: number }[],
  at: number,
): Promise<void> {
  if (!merged.length) return;
  const spec = mirrorSpec('work_orders')!;
  const table = sql.raw(spec.sqlName);
  const cols = [...storeColumns({ name: 'work_orders', direction: 'both', key: ['id'] }).map((c) => c.name)];
  const all = [...cols, 'clocks', 'hq_seq', 'hq_received_at'];
  const payload = merged.map((m) => ({ ...m.row, clocks: m.clocks, hq_seq: m.seq, hq_received_at: at }));
  await q.execute(sql`
    INSERT INTO ${table} (${sql.join(all.map(id), sql`, `)})
    SELECT ${sql.join(all.map(id), sql`, `)} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(payload)}::json)
    ON CONFLICT (store_id, id) DO UPDATE SET
      ${sql.join(
        all.filter((c) => !WO_KEY.includes(c)).map((c) => sql`${id(c)} = excluded.${id(c)}`),
        sql`, `,
      )}`);
}

/** Equipment the orders name that HQ has registered at another store: id -> code. */
async function equipmentOfOthers(q: Q, storeId: string, orders: readonly ValidEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(orders.map((o) => o.row.equipment_id).filter((v): v is string => typeof v === 'string'))];
  if (!ids.length) return new Map();
  const found = await rows<{ id: string; code: string }>(
    q,
    sql`SELECT id, code FROM equipment
        WHERE id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json))
          AND store_id IS NOT NULL AND store_id <> ${storeId}`,
  );
  return new Map(found.map((f) => [f.id, f.code]));
}

/**
 * Records edited at both ends, from one store's batch (in sequence order):
 * work orders merged per field by HLC (an older value is stored as history,
 * not applied); events inserted or ignored (append-only: an event never
 * changes, and one HQ already has is a duplicate).
 */
export async function applyShared(
  q: Q,
  storeId: string,
  entries: readonly ValidEntry[],
  at: number,
): Promise<DeadEntry[]> {
  const dead: DeadEntry[] = [];
  const events: WireRow[] = [];
  const eventSeqs: number[] = [];
  const orders: ValidEntry[] = [];
  for (const e of entries) {
    if (e.op === 'delete') {
      dead.push({
        seq: e.seq,
        table: e.table.name,
        reason: `${e.table.name} are never deleted (work orders are cancelled, events are append-only)`,
      });
    } else if (e.table.name === 'work_order_events') {
      events.push({ ...e.row, hq_seq: e.seq, hq_received_at: at });
      eventSeqs.push(e.seq);
    } else {
      orders.push(e);
    }
  }
  if (orders.length) {
    const current = await lockWorkOrders(q, storeId, [...new Set(orders.map((o) => o.row.id as string))]);
    const elsewhere = await equipmentOfOthers(q, storeId, orders);
    const values: FieldValue[] = [];
    const lastSeq = new Map<string, number>();
    for (const e of orders) {
      const woId = e.row.id as string;
      const eq = elsewhere.get(e.row.equipment_id as string);
      // A work order (new, or moved onto other equipment) for a machine registered at another store: that
      // store's repair history must not change, and this one cannot hold it. Work orders written while the
      // equipment was still here keep syncing.
      if (eq && current.get(woId)?.row.equipment_id !== e.row.equipment_id) {
        dead.push({
          seq: e.seq,
          table: e.table.name,
          reason: `work order ${String(e.row.number ?? woId)} is for equipment ${eq} registered at another store: report the fault at that store, or have HQ move the equipment to this store first`,
        });
        continue;
      }
      const out = mergeStamped(current.get(woId) ?? null, { row: e.row, clocks: e.clocks }, WO_KEY);
      current.set(woId, { row: out.row, clocks: out.clocks });
      lastSeq.set(woId, e.seq);
      for (const [field, clock] of Object.entries(e.clocks)) {
        values.push({
          store_id: storeId,
          work_order_id: woId,
          field,
          clock,
          value: e.row[field] ?? null,
          source: 'store',
          applied: out.applied.includes(field),
          at,
        });
      }
    }
    await saveWorkOrders(
      q,
      [...lastSeq].map(([woId, seq]) => ({ ...current.get(woId)!, seq })),
      at,
    );
    await recordFieldValues(q, values);
  }
  const refused = new Set(dead.map((d) => d.seq));
  const refusedOrders = new Set(orders.filter((o) => refused.has(o.seq)).map((o) => o.row.id as string));
  const kept = events.filter((ev, n) => {
    if (!refusedOrders.has(ev.work_order_id as string)) return true;
    dead.push({
      seq: eventSeqs[n]!,
      table: 'work_order_events',
      reason: 'its work order was refused (see that entry)',
    });
    return false;
  });
  if (kept.length) {
    const spec = mirrorSpec('work_order_events')!;
    const table = sql.raw(spec.sqlName);
    const cols = Object.keys(kept[0]!);
    await q.execute(sql`
      INSERT INTO ${table} (${sql.join(cols.map(id), sql`, `)})
      SELECT ${sql.join(cols.map(id), sql`, `)} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(kept)}::json)
      ON CONFLICT DO NOTHING`);
  }
  return dead;
}
