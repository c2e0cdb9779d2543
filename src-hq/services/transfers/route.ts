import { sql } from 'drizzle-orm';
import { rows, type Q } from '../../db/client';
import { deleteMaster, writeMaster } from '../master/write';
import type { ValidEntry } from '../sync/entries';

/** Why HQ could not send a transfer on (inbound_transfers.problem; the HQ UI words it in the reader's language). */
export type RouteProblem = '' | 'unknownStore' | 'notEnrolled';

interface OutTransfer {
  id: string;
  number: string;
  from_store: string;
  from_name: string;
  to_store: string;
  status: string;
  sent_at: number;
  note: string;
  lines: number;
  moves: number;
  routed: boolean;
}

/** The ids of the transfers a batch wrote or completed (a transfer and its lines may come in different batches). */
function touchedTransfers(entries: readonly ValidEntry[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.op === 'delete') continue;
    const id = e.table.name === 'transfers' ? e.row.id : e.table.name === 'transfer_lines' ? e.row.transfer_id : null;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

/**
 * Sends each transfer out a store pushed on to the store it is for, as an
 * inbound_transfers row that only the destination pulls (perStore), in the
 * push's transaction. A transfer is routed once, and only whole: a batch may
 * end between a transfer's rows, and the store writes one transfer_out
 * movement per line before the lines, so the lines are complete when they
 * are as many as those movements. A destination code no enrolled store of
 * the chain has is kept unrouted with the reason, for HQ to see. A transfer
 * its sender cancelled is taken back from the destination.
 */
export async function routeTransfers(q: Q, storeId: string, entries: readonly ValidEntry[], at: number) {
  const ids = touchedTransfers(entries);
  if (!ids.length) return;
  const found = await rows<OutTransfer>(
    q,
    sql`SELECT t.id, t.number, t.from_store, s.name AS from_name, t.to_store, t.status, t.sent_at, t.note,
          (SELECT count(*) FROM mirror.transfer_lines l WHERE l.store_id = t.store_id AND l.transfer_id = t.id)::int AS lines,
          (SELECT count(*) FROM mirror.stock_moves m
            WHERE m.store_id = t.store_id AND m.doc_type = 'transfer' AND m.doc_id = t.id
              AND m.kind = 'transfer_out' AND m.reverses_seq IS NULL)::int AS moves,
          EXISTS (SELECT 1 FROM inbound_transfers r WHERE r.id = t.id) AS routed
        FROM mirror.transfers t JOIN stores s ON s.id = t.store_id
        WHERE t.store_id = ${storeId} AND t.direction = 'out'
          AND t.id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json))`,
  );
  for (const t of found) {
    if (t.status === 'cancelled') {
      if (t.routed) await deleteMaster(q, 'inbound_transfers', { id: t.id }, at);
      continue;
    }
    if (t.routed || t.lines === 0 || t.lines < t.moves) continue;
    await routeOne(q, storeId, t, at);
  }
}

async function routeOne(q: Q, storeId: string, t: OutTransfer, at: number) {
  const [dest] = await rows<{ id: string; status: string }>(
    q,
    sql`SELECT id, status FROM stores WHERE upper(code) = upper(${t.to_store.trim()}) AND id <> ${storeId}
        ORDER BY (status = 'active') DESC LIMIT 1`,
  );
  const lines = await rows<{
    id: string;
    itemCode: string;
    lot: string;
    expiry: string | null;
    qty: number;
    value: number;
  }>(
    q,
    sql`SELECT id, item_code AS "itemCode", lot, expiry, qty_sent AS qty, value_sent AS value
        FROM mirror.transfer_lines WHERE store_id = ${storeId} AND transfer_id = ${t.id} ORDER BY hq_seq, id`,
  );
  const problem: RouteProblem = !dest ? 'unknownStore' : dest.status !== 'active' ? 'notEnrolled' : '';
  await writeMaster(
    q,
    'inbound_transfers',
    {
      id: t.id,
      store_id: problem ? null : dest!.id,
      number: t.number,
      from_store: t.from_store,
      from_store_name: t.from_name,
      to_store: t.to_store,
      sent_at: t.sent_at,
      note: t.note,
      lines: JSON.stringify(lines),
    },
    at,
  );
  await q.execute(
    sql`UPDATE inbound_transfers SET from_store_id = ${storeId}, problem = ${problem} WHERE id = ${t.id}`,
  );
}

/**
 * Transfers sent to a code no enrolled store had, routed now that the store
 * with that code enrolls (in its enrollment's transaction): the goods were
 * in transit all along, and the sender can no longer cancel them.
 */
export async function routeWaiting(q: Q, storeId: string, code: string, at: number) {
  const waiting = await rows<{ id: string }>(
    q,
    sql`SELECT id FROM inbound_transfers
        WHERE store_id IS NULL AND problem <> '' AND upper(trim(to_store)) = upper(${code}) AND from_store_id <> ${storeId}
        FOR UPDATE`,
  );
  for (const w of waiting) {
    const [row] = await rows<Record<string, unknown>>(
      q,
      sql`SELECT id, number, from_store, from_store_name, to_store, sent_at, note, lines FROM inbound_transfers
          WHERE id = ${w.id}`,
    );
    await writeMaster(q, 'inbound_transfers', { ...row, store_id: storeId }, at);
    await q.execute(sql`UPDATE inbound_transfers SET problem = '' WHERE id = ${w.id}`);
  }
}
