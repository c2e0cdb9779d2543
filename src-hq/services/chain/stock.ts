import { sql } from 'drizzle-orm';
import { addDays, dayKeyer, daysBetween } from '../../../src-shared/time';
import { atAverage } from '../../../src-main/services/stock/costing';
import { rows, type Q } from '../../db/client';
import { itemLabels } from './items';
import { itemOf } from './summary';
import { anyStore, storeLabels } from './scope';

export interface StockFilter {
  category?: string | null;
  itemId?: string | null;
}

/** Stores holding anything, per item, always; each store's own figures when `cells`. */
export interface StockOptions extends StockFilter {
  cells: boolean;
}

/** One store's holding of an item: [index of the store in `stores`, quantity, value]. */
export type StockCell = [store: number, qty: number, value: number];

const itemWhere = (f: StockFilter) =>
  sql`${f.itemId ? sql`AND b.item_id = ${f.itemId}` : sql``}
      ${f.category ? sql`AND b.item_id IN (SELECT id FROM items WHERE category = ${f.category})` : sql``}`;

/**
 * Stock on hand per item across stores: the chain's quantity and value and
 * each store's, from the running balances (one row per store and item, no
 * ledger read). A store's cells come sparse (only stores holding or owing
 * something), keyed by the store's place in `stores`: a chain of a hundred
 * stores sends a tenth of what a full item-by-store matrix would.
 */
export async function chainStock(q: Q, storeIds: readonly string[], f: StockOptions) {
  const stores = await storeLabels(q, storeIds);
  const order = stores.map((s) => s.id);
  const items = await itemLabels(q);
  const found = await rows<{ itemId: string; qty: number; value: number; holding: number; cells: StockCell[] | null }>(
    q,
    sql`SELECT b.item_id AS "itemId", sum(b.qty)::bigint AS qty, sum(b.value)::bigint AS value,
               count(*) FILTER (WHERE b.qty <> 0)::int AS holding,
               ${
                 f.cells
                   ? sql`json_agg(json_build_array(array_position(string_to_array(${order.join(',')}, ','), b.store_id) - 1, b.qty, b.value))
                           FILTER (WHERE b.qty <> 0 OR b.value <> 0)`
                   : sql`NULL::json`
               } AS cells
        FROM chain_item_balances b
        WHERE b.store_id = ${anyStore(order)} ${itemWhere(f)}
        GROUP BY b.item_id`,
  );
  const out = found
    .filter((r) => r.qty !== 0 || r.value !== 0 || r.holding > 0 || r.cells)
    .map((r) => ({ ...itemOf(items, r.itemId), qty: r.qty, value: r.value, holding: r.holding, cells: r.cells ?? [] }));
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { stores, items: out };
}

/**
 * Lots with stock expiring within `days` of each store's today (its own time
 * zone), and lots already past it, valued at the item's average at that
 * store, as the store's expiry list values them. Today's expiry counts as
 * expiring, not expired: it may still be used today. The first `limit` by
 * expiry are listed, all of them counted.
 */
export async function chainExpiring(
  q: Q,
  storeIds: readonly string[],
  f: StockFilter & { days: number; now: number; limit: number },
) {
  const stores = await storeLabels(q, storeIds);
  const today = new Map(stores.map((s) => [s.id, dayKeyer(s.timezone)(f.now)]));
  // The latest "today" of any store bounds the scan; each store's own window is applied below.
  const latest = [...today.values()].sort().at(-1);
  if (!latest) return { days: f.days, total: 0, lots: [] };
  const items = await itemLabels(q);
  const found = await rows<{
    storeId: string;
    itemId: string;
    areaCode: string | null;
    lot: string;
    expiry: string;
    qty: number;
    itemQty: number;
    itemValue: number;
  }>(
    q,
    sql`SELECT b.store_id AS "storeId", b.item_id AS "itemId", a.code AS "areaCode", b.lot, b.expiry, b.qty,
               coalesce(ib.qty, 0) AS "itemQty", coalesce(ib.value, 0) AS "itemValue"
        FROM chain_lot_balances b
        LEFT JOIN chain_item_balances ib ON ib.store_id = b.store_id AND ib.item_id = b.item_id
        LEFT JOIN mirror.storage_areas a ON a.store_id = b.store_id AND a.id = b.area_id
        WHERE b.store_id = ${anyStore(storeIds)} AND b.qty > 0 AND b.expiry IS NOT NULL
          AND b.expiry <= ${addDays(latest, f.days)} ${itemWhere(f)}`,
  );
  const byId = new Map(stores.map((s) => [s.id, s]));
  const lots = [];
  for (const r of found) {
    const store = byId.get(r.storeId)!;
    const day = today.get(r.storeId)!;
    if (r.expiry > addDays(day, f.days)) continue;
    lots.push({
      ...itemOf(items, r.itemId),
      storeId: store.id,
      storeCode: store.code,
      storeName: store.name,
      areaCode: r.areaCode ?? '',
      lot: r.lot,
      expiry: r.expiry,
      daysLeft: daysBetween(day, r.expiry),
      qty: r.qty,
      value: atAverage({ qty: r.itemQty, value: r.itemValue, lastQty: 0, lastValue: 0 }, r.qty),
    });
  }
  lots.sort((a, b) => (a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : a.storeCode < b.storeCode ? -1 : 1));
  return { days: f.days, total: lots.length, lots: lots.slice(0, f.limit) };
}
