import { sql } from 'drizzle-orm';
import type { ChainTransferDto } from '../../../src-shared/hq-api/methods/transfers';
import { toIso } from '../../../src-shared/time';
import { rows, type Q } from '../../db/client';
import { anyStore } from '../chain/scope';

/**
 * Every transfer out of a store (cancelled ones aside) beside the receiving
 * store's record of it, matched by sender and number as the stores match
 * them, so a transfer received from its file counts as much as one HQ routed.
 * Values are the stores' own ledger rows (transfer_in + transfer_variance at
 * the receiver), so HQ's figures are the stores' figures to the cent.
 */
const chain = sql`
  WITH t AS (
    SELECT o.id, o.number, o.store_id AS from_store_id, o.from_store, fs.name AS from_name, o.to_store,
           coalesce(ds.name, '') AS to_name, ds.id AS to_store_id, o.sent_at, coalesce(r.problem, '') AS problem,
           i.store_id AS in_store_id, i.id AS in_id, i.status AS in_status, i.received_at,
           (SELECT count(*) FROM mirror.transfer_lines l WHERE l.store_id = o.store_id AND l.transfer_id = o.id)::int AS lines,
           (SELECT coalesce(sum(l.value_sent), 0) FROM mirror.transfer_lines l
             WHERE l.store_id = o.store_id AND l.transfer_id = o.id)::bigint AS value_sent
    FROM mirror.transfers o
    JOIN stores fs ON fs.id = o.store_id
    LEFT JOIN inbound_transfers r ON r.id = o.id
    LEFT JOIN stores ds ON ds.id = coalesce(r.store_id,
      (SELECT s.id FROM stores s WHERE upper(s.code) = upper(trim(o.to_store)) AND s.id <> o.store_id LIMIT 1))
    LEFT JOIN mirror.transfers i ON i.store_id = ds.id AND i.direction = 'in'
      AND i.from_store = o.from_store AND i.number = o.number
    WHERE o.direction = 'out' AND o.status <> 'cancelled'
  ), v AS (
    SELECT t.*,
      CASE WHEN t.in_status = 'received' THEN 'received' WHEN t.problem <> '' THEN 'unrouted' ELSE 'in_transit' END AS status,
      CASE WHEN t.in_status = 'received' THEN
        (SELECT coalesce(sum(m.value), 0) FROM mirror.stock_moves m WHERE m.store_id = t.in_store_id
          AND m.doc_type = 'transfer' AND m.doc_id = t.in_id AND m.kind IN ('transfer_in', 'transfer_variance'))::bigint
      END AS value_received,
      CASE WHEN t.in_status = 'received' THEN
        (SELECT coalesce(sum(m.value), 0) FROM mirror.stock_moves m WHERE m.store_id = t.in_store_id
          AND m.doc_type = 'transfer' AND m.doc_id = t.in_id AND m.kind = 'transfer_variance')::bigint
      END AS variance
    FROM t
  )`;

interface Row {
  id: string;
  number: string;
  from_store_id: string;
  from_store: string;
  from_name: string;
  to_store: string;
  to_name: string;
  sent_at: number;
  problem: string;
  status: ChainTransferDto['status'];
  lines: number;
  value_sent: number;
  value_received: number | null;
  variance: number | null;
  received_at: number | null;
}

/**
 * The transfers a caller sees: those leaving or reaching a store of their
 * scope (`storeIds`, from storeIdsInScope), and the totals over the same.
 */
export async function chainTransfers(q: Q, storeIds: readonly string[], status: ChainTransferDto['status'] | null) {
  const inScope = sql`(v.from_store_id = ${anyStore(storeIds)} OR v.to_store_id = ${anyStore(storeIds)})`;
  const found = await rows<Row>(
    q,
    sql`${chain} SELECT * FROM v WHERE ${inScope} AND (${status}::text IS NULL OR v.status = ${status})
        ORDER BY v.sent_at DESC, v.number LIMIT 500`,
  );
  const [totals] = await rows<{
    in_transit_count: number;
    in_transit_value: number;
    received_count: number;
    received_sent: number;
    received_value: number;
    variance: number;
  }>(
    q,
    sql`${chain} SELECT
          count(*) FILTER (WHERE status <> 'received')::int AS in_transit_count,
          coalesce(sum(value_sent) FILTER (WHERE status <> 'received'), 0)::bigint AS in_transit_value,
          count(*) FILTER (WHERE status = 'received')::int AS received_count,
          coalesce(sum(value_sent) FILTER (WHERE status = 'received'), 0)::bigint AS received_sent,
          coalesce(sum(value_received), 0)::bigint AS received_value,
          coalesce(sum(variance), 0)::bigint AS variance
        FROM v WHERE ${inScope}`,
  );
  return {
    rows: found.map((r): ChainTransferDto => ({
      id: r.id,
      number: r.number,
      fromStoreId: r.from_store_id,
      fromStore: r.from_store,
      fromName: r.from_name,
      toStore: r.to_store,
      toName: r.to_name,
      sentAt: toIso(r.sent_at)!,
      status: r.status,
      problem: r.problem,
      lines: r.lines,
      valueSent: r.value_sent,
      valueReceived: r.value_received,
      variance: r.variance,
      receivedAt: toIso(r.received_at),
    })),
    totals: {
      inTransitCount: totals!.in_transit_count,
      inTransitValue: totals!.in_transit_value,
      receivedCount: totals!.received_count,
      receivedSent: totals!.received_sent,
      receivedValue: totals!.received_value,
      variance: totals!.variance,
    },
  };
}
