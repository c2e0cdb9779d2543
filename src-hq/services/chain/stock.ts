import { sql } from 'drizzle-orm';
import { dayKeyer, daysBetween } from '../../../src-shared/time';
import { atAverage } from '../../../src-main/services/stock/costing';
import { rows, type Q } from '../../db/client';
import { itemLabels } from './items';
import { itemOf } from './summary';
import { storeLabels } from './scope';

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

function parseCells(text: string): StockCell[] {
  return text.split(',').map((c) => {
    const [place, qty, value] = c.split(':');
    return [Number(place), Number(qty), Number(value)];
  });
}

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
  // Each store's place in `stores` by a join (hashed), not a search of the id list per balance row;
  // the cells travel as one text per item ("place:qty:value,..."), far lighter than JSON to build and parse.
  const found = await rows<{ itemId: string; qty: number; value: number; holding: number; cells: string | null }>(
    q,
    sql`WITH s AS (
          SELECT store_id, (ord - 1)::int AS place
          FROM unnest(string_to_array(${order.join(',')}, ',')) WITH ORDINALITY AS u(store_id, ord)
        )
        SELECT b.item_id AS "itemId", sum(b.qty)::bigint AS qty, sum(b.value)::bigint AS value,
               count(*) FILTER (WHERE b.qty <> 0)::int AS holding,
               ${
                 f.cells
                   ? sql`string_agg(s.place || ':' || b.qty || ':' || b.value, ',') FILTER (WHERE b.qty <> 0 OR b.value <> 0)`
                   : sql`NULL::text`
               } AS cells
        FROM chain_item_balances b JOIN s ON s.store_id = b.store_id
        WHERE true ${itemWhere(f)}
        GROUP BY b.item_id`,
  );
  const out = found
    .filter((r) => r.qty !== 0 || r.value !== 0 || r.holding > 0 || r.cells)
    .map((r) => ({
      ...itemOf(items, r.itemId),
      qty: r.qty,
      value: r.value,
      holding: r.holding,
      cells: r.cells ? parseCells(r.cells) : [],
    }));
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
  const todays = stores.map((s) => ({ store_id: s.id, today: dayKeyer(s.timezone)(f.now) }));
  if (!todays.length) return { days: f.days, total: 0, lots: [] };
  const items = await itemLabels(q);
  // Each store's own window (its today in its time zone), the earliest first and the first `limit`
  // only, in SQL: a chain's lots in a week's window are tens of thousands.
  const found = await rows<{
    storeId: string;
    itemId: string;
    areaCode: string | null;
    lot: string;
    expiry: string;
    today: string;
    qty: number;
    itemQty: number;
    itemValue: number;
    total: number;
  }>(
    q,
    sql`WITH s AS (SELECT * FROM json_to_recordset(${JSON.stringify(todays)}::json) AS x(store_id text, today text))
        SELECT b.store_id AS "storeId", b.item_id AS "itemId", a.code AS "areaCode", b.lot, b.expiry, s.today, b.qty,
               coalesce(ib.qty, 0) AS "itemQty", coalesce(ib.value, 0) AS "itemValue", count(*) OVER ()::int AS total
        FROM chain_lot_balances b
        JOIN s ON s.store_id = b.store_id
        LEFT JOIN chain_item_balances ib ON ib.store_id = b.store_id AND ib.item_id = b.item_id
        LEFT JOIN mirror.storage_areas a ON a.store_id = b.store_id AND a.id = b.area_id
        WHERE b.qty > 0 AND b.expiry IS NOT NULL
          AND b.expiry <= to_char(s.today::date + ${f.days}::int, 'YYYY-MM-DD') ${itemWhere(f)}
        ORDER BY b.expiry, b.store_id, b.item_id, b.lot
        LIMIT ${f.limit}`,
  );
  const byId = new Map(stores.map((s) => [s.id, s]));
  const lots = found.map((r) => {
    const store = byId.get(r.storeId)!;
    return {
      ...itemOf(items, r.itemId),
      storeId: store.id,
      storeCode: store.code,
      storeName: store.name,
      areaCode: r.areaCode ?? '',
      lot: r.lot,
      expiry: r.expiry,
      daysLeft: daysBetween(r.today, r.expiry),
      qty: r.qty,
      value: atAverage({ qty: r.itemQty, value: r.itemValue, lastQty: 0, lastValue: 0 }, r.qty),
    };
  });
  return { days: f.days, total: found[0]?.total ?? 0, lots };
}
