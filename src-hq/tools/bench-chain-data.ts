import { sql } from 'drizzle-orm';
import { addMonths } from '../../src-shared/time';
import { workOrder } from '../../tests/helpers/store-rows';
import type { Q } from '../db/client';
import { createStore } from '../services/stores/stores';
import { foldAll } from '../services/chain/fold';
import { bulkInsert, timed, type BenchHq } from './bench-sync-lib';

/**
 * The chain benchmark's data set, written straight into HQ's tables in bulk
 * (it measures reads): `stores` enrolled stores, each stocking all of
 * `items` catalogue items, with a ledger of `months` months before the
 * current one and the current month so far. Per item and store, each past
 * month has a receipt, two issues and some waste (under four reasons); the
 * current month adds a transfer out and in with a variance and a count
 * adjustment; a fifth of the items are lot-tracked with expiries spread over
 * the next two months. Rows go into mirror.stock_moves one statement per
 * store, so HQ's triggers queue them exactly as a store's catch-up would,
 * and are then folded into the running totals (timed). Each store also has a dozen work orders, a third overdue.
 * Quantities and values come from the item, store and month numbers
 * (deterministic), in the store's units (thousandths of g; 1/10000 yuan).
 */
export interface ChainData {
  storeIds: string[];
  months: string[];
  moves: number;
  /** Folding the queued ledger into the running totals. */
  foldS: number;
}

export async function seedChain(
  b: BenchHq,
  o: { stores: number; items: number; months: number; today: string },
  log: (s: string) => void,
): Promise<ChainData> {
  const q: Q = b.hq.ctx.db;
  const current = o.today.slice(0, 7);
  const months = Array.from({ length: o.months }, (_, i) => addMonths(current, i - o.months));
  const now = Date.now();
  await q.execute(sql`
    INSERT INTO item_categories (id, code, name_zh, name_en, sort_order, created_at, updated_at)
    SELECT 'cat-' || c, 'C' || c, '品类 ' || c, 'Category ' || c, c, ${now}, ${now} FROM generate_series(1, 12) c`);
  await q.execute(sql`
    INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, created_at, updated_at)
    SELECT 'item-' || lpad(i::text, 5, '0'), 'M' || lpad(i::text, 5, '0'), '商品 ' || i, 'Item ' || i,
           'C' || (1 + i % 12), CASE WHEN i % 3 = 0 THEN 'pc' ELSE 'g' END, 1, CASE WHEN i % 5 = 0 THEN 1 ELSE 0 END,
           ${now}, ${now}
    FROM generate_series(1, ${o.items}) i`);
  await q.execute(sql`
    INSERT INTO reason_codes (code, kind, name_zh, name_en, active, created_at, updated_at) VALUES
      ('spoiled', 'waste', '变质', 'Spoiled', 1, ${now}, ${now}), ('expired', 'waste', '过期', 'Expired', 1, ${now}, ${now}),
      ('prep', 'waste', '备料损耗', 'Prep waste', 1, ${now}, ${now}), ('damaged', 'waste', '破损', 'Damaged', 1, ${now}, ${now})
    ON CONFLICT DO NOTHING`);
  const storeIds: string[] = [];
  for (let s = 1; s <= o.stores; s++) {
    const code = `S${String(s).padStart(3, '0')}`;
    const issued = await q.transaction((tx) => createStore(tx, { code, name: `门店 ${s}` }, now));
    storeIds.push(issued.storeId);
  }
  await q.execute(sql`
    UPDATE stores SET status = 'active', enrolled_at = ${now - 30 * 86_400_000}::bigint,
      last_contact_at = ${now}::bigint - (substr(code, 2)::int % 7) * 3600000, backlog = (substr(code, 2)::int * 37) % 500,
      app_version = '0.1.0', enrollment_code_hash = NULL`);
  let moves = 0;
  const t0 = performance.now();
  for (const [s, storeId] of storeIds.entries()) {
    await q.execute(sql`
      INSERT INTO mirror.store (store_id, id, code, name, address, timezone, currency, created_at, updated_at, hq_seq, hq_received_at)
      VALUES (${storeId}, ${storeId}, ${`S${s + 1}`}, ${`门店 ${s + 1}`}, '', 'Asia/Shanghai', 'CNY', ${now}, ${now}, 1, ${now})`);
    await q.execute(sql`
      INSERT INTO mirror.storage_areas (store_id, id, code, name_zh, name_en, sort_order, active, created_at, updated_at, hq_seq, hq_received_at)
      SELECT ${storeId}, ${storeId} || '-a' || a, 'A' || a, '库区 ' || a, 'Area ' || a, a, 1, ${now}, ${now}, 1, ${now}
      FROM generate_series(1, 3) a`);
    const inserted = await q.execute(sql`
      INSERT INTO mirror.stock_moves (store_id, seq, id, item_id, area_id, kind, qty, value, lot, expiry, occurred_at, day,
                                      posted_at, reason, hq_seq, hq_received_at)
      SELECT ${storeId}, row_number() OVER (), ${storeId} || '-' || row_number() OVER (), m.item_id,
             ${storeId} || '-a' || (1 + m.i % 3), m.kind, m.qty, m.value, m.lot, m.expiry,
             extract(epoch FROM m.day::date)::bigint * 1000 + 10 * 3600000, m.day, ${now}, m.reason, 1, ${now}
      FROM (
        SELECT i, 'item-' || lpad(i::text, 5, '0') AS item_id, k.kind, k.day,
               k.sign * (1000 * (k.base + (i * 7 + ${s} * 3 + k.n * 13) % 17))::bigint AS qty,
               k.sign * (k.price * (k.base + (i * 7 + ${s} * 3 + k.n * 13) % 17) * (5 + i % 40))::bigint AS value,
               CASE WHEN i % 5 = 0 AND k.kind = 'receipt' THEN 'L' || k.n ELSE '' END AS lot,
               CASE WHEN i % 5 = 0 AND k.kind = 'receipt'
                    THEN to_char(${o.today}::date + ((i * 11 + ${s}) % 60 - 5), 'YYYY-MM-DD') END AS expiry,
               k.reason
        FROM generate_series(1, ${o.items}) i
        CROSS JOIN (
          SELECT n, kind, sign, base, price, day, reason FROM (
            SELECT n, mo, kinds.* FROM
              (SELECT row_number() OVER () AS n, mo FROM unnest(${`{${months.join(',')}}`}::text[]) mo) ms,
              LATERAL (VALUES
                ('receipt', 1, 40, 100, mo || '-03', ''),
                ('issue', -1, 12, 100, mo || '-12', ''),
                ('issue', -1, 14, 100, mo || '-24', ''),
                ('waste', -1, 1, 100, mo || '-20', (ARRAY['spoiled','expired','prep','damaged'])[1 + n % 4])
              ) kinds(kind, sign, base, price, day, reason)
            UNION ALL
            SELECT 0, ${current}, cur.* FROM (VALUES
              ('receipt', 1, 30, 100, ${o.today}, ''),
              ('issue', -1, 10, 100, ${o.today}, ''),
              ('transfer_out', -1, 2, 100, ${o.today}, ''),
              ('transfer_in', 1, 2, 105, ${o.today}, ''),
              ('transfer_variance', -1, 0, 100, ${o.today}, 'short'),
              ('count_adjust', -1, 1, 100, ${o.today}, '')
            ) cur(kind, sign, base, price, day, reason)
          ) x
        ) k
      ) m`);
    moves += (inserted as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? 0;
    const wos = Array.from({ length: 12 }, (_, w) =>
      workOrder(storeId, {
        status: ['submitted', 'assigned', 'in_progress', 'closed'][w % 4]!,
        resolution_due_at: w % 3 === 0 ? now - 3_600_000 : now + 86_400_000,
        hq_seq: 1,
        hq_received_at: now,
        clocks: '{}',
      }),
    );
    await bulkInsert(b.db, 'mirror.work_orders', Object.keys(wos[0]!), wos);
    if ((s + 1) % 10 === 0) log(`  ${s + 1} stores, ${moves} moves, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  const fold = await timed(() => foldAll(q));
  log(`  folded ${fold.value} queued changes into the totals in ${Math.round(fold.ms / 1000)} s`);
  await q.execute(sql`ANALYZE`);
  return { storeIds, months: [...months, current], moves, foldS: Math.round(fold.ms / 100) / 10 };
}
