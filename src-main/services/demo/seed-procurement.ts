import { roundDiv } from '../../../src-shared/quantity';
import { uuidv7 } from '../../lib/ids';
import type { items, storageAreas, supplierItems, suppliers } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { addDays } from '../../../src-shared/time';
import { storeDay } from '../store/store-day';
import { insertPo } from '../procurement/po-write';
import { approvePo } from '../procurement/po-status';
import { addLine } from '../receiving/receipt-lines';
import { finishReceipt, openReceipt } from '../receiving/receipt-open';
import { postLine } from '../receiving/receipt-post';
import { STOCK_PROFILES } from './inventory-data';
import { BACKUP_PRICE_PERCENT, LIST_PRICES, SOURCES } from './procurement-data';
import { itemSeeds } from './rows';
import { rowsIn } from './table-rows';

/** Short names the suppliers use on their own item codes (XD-M003 = 鲜达's code for MEAT-003). */
const ABBR: Record<string, string> = {
  'SUP-001': 'XD',
  'SUP-002': 'HW',
  'SUP-003': 'JQ',
  'SUP-004': 'DXY',
  'SUP-005': 'SW',
  'SUP-006': 'FG',
  'SUP-007': 'CY',
  'SUP-008': 'YF',
  'SUP-009': 'HF',
  'SUP-010': 'LH',
  'SUP-011': 'JM',
};

interface DemoItem {
  id: string;
  code: string;
  baseUnit: 'g' | 'ml' | 'pc';
  areaId: string | null;
  packUnit: string;
  packQty: number;
}

/**
 * The agreed pack price: the group's list price per kg / l / piece, from 75%
 * to 125% by the item's number, times the pack, rounded to ¥0.10.
 */
function packPrice(code: string, baseUnit: DemoItem['baseUnit'], packQty: number): number {
  const [prefix, num] = code.split('-') as [string, string];
  const perUnit = LIST_PRICES[prefix]?.[baseUnit] ?? 10;
  const spread = 75 + ((Number(num) * 37) % 51); // 75..125, spread over the group
  const per = baseUnit === 'pc' ? 1000 : 1_000_000; // thousandths in one piece, kg or l
  const value = (perUnit * 10_000 * spread * packQty) / (100 * per);
  return Math.max(1000, Math.round(value / 1000) * 1000);
}

type Item = typeof items.$inferSelect;
type Offer = typeof supplierItems.$inferSelect;
const activeItemByCode = sql<Pick<Item, 'id' | 'baseUnit'> & { areaId: Item['storageAreaId'] }, [code: string]>(
  'SELECT id, base_unit AS baseUnit, storage_area_id AS areaId FROM items WHERE code = ? AND active = 1',
);
const itemsWithPreferredSupplier = sql<Pick<Offer, 'itemId'>>(
  'SELECT item_id AS itemId FROM supplier_items WHERE preferred = 1',
);
const addOfferIfNew = sql<
  never,
  [
    id: string,
    supplierId: string,
    itemId: string,
    supplierCode: string,
    packUnit: string,
    packQty: number,
    price: number,
    preferred: 0 | 1,
    createdAt: number,
    updatedAt: number,
  ]
>(
  `INSERT INTO supplier_items (id, supplier_id, item_id, supplier_code, pack_unit, pack_qty, price, preferred, active,
     created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
   ON CONFLICT (supplier_id, item_id) DO NOTHING`,
);
const areaCodeById = sql<Pick<typeof storageAreas.$inferSelect, 'code'>, [id: string]>(
  'SELECT code FROM storage_areas WHERE id = ?',
);
/** What a supplier's catalogue says for an item: pack, price and the supplier's own code. */
const offerOf = sql<
  { u: Offer['packUnit']; q: Offer['packQty']; price: Offer['price']; code: Offer['supplierCode'] },
  [supplierId: string, itemId: string]
>(
  'SELECT pack_unit AS u, pack_qty AS q, price, supplier_code AS code FROM supplier_items WHERE supplier_id = ? AND item_id = ?',
);
const leadTimeOf = sql<Pick<typeof suppliers.$inferSelect, 'leadTimeDays'>, [id: string]>(
  'SELECT lead_time_days AS leadTimeDays FROM suppliers WHERE id = ?',
);
const demoSuppliers = sql<Pick<typeof suppliers.$inferSelect, 'code' | 'id'>>(
  "SELECT code, id FROM suppliers WHERE code LIKE 'SUP-%' AND active = 1",
);

function demoItems(ctx: Ctx): DemoItem[] {
  return itemSeeds().flatMap((s) => {
    const row = activeItemByCode.get(ctx.sqlite, s.code);
    const pack = STOCK_PROFILES[s.code.split('-')[0]!]?.packs[s.baseUnit];
    if (!row || !pack || row.baseUnit !== s.baseUnit) return [];
    return [
      {
        id: row.id,
        code: s.code,
        baseUnit: row.baseUnit,
        areaId: row.areaId,
        packUnit: pack[0],
        packQty: pack[1] * 1000,
      },
    ];
  });
}

/**
 * The demo suppliers' catalogues: each item from its group's suppliers (the
 * first preferred, unless the item already has a preferred supplier), in its
 * purchase pack, at its average cost. Existing entries are left alone.
 */
function seedCatalogue(ctx: Ctx, suppliers: Map<string, string>, items: DemoItem[]): number {
  const preferredTaken = new Set(itemsWithPreferredSupplier.all(ctx.sqlite).map((r) => r.itemId));
  let inserted = 0;
  for (const it of items) {
    const [prefix, num] = it.code.split('-') as [string, string];
    const codes = SOURCES[prefix]?.[it.baseUnit] ?? [];
    const base = packPrice(it.code, it.baseUnit, it.packQty);
    codes.forEach((code, n) => {
      const supplierId = suppliers.get(code);
      if (!supplierId) return;
      const preferred = n === 0 && !preferredTaken.has(it.id);
      const price = n === 0 ? base : roundDiv(base * BACKUP_PRICE_PERCENT, 100_000) * 1000;
      const supplierCode = `${ABBR[code] ?? code}-${prefix[0]}${num}`;
      inserted += addOfferIfNew.run(
        ctx.sqlite,
        uuidv7(ctx.now),
        supplierId,
        it.id,
        supplierCode,
        it.packUnit,
        it.packQty,
        price,
        preferred ? 1 : 0,
        ctx.now,
        ctx.now,
      ).changes;
    });
  }
  return inserted;
}

/** Degrees the demo clerk reads at the door, by area (frozen and chilled goods need one). */
const DOOR_TEMP: Record<string, number> = { FRZ: -18.5, COOL: 3.5 };

/**
 * A few orders in every state a store sees: vegetables approved and on the
 * way, meat partly received (a posted receipt: the ledger, costs and labels
 * go through the real posting path), drinks received in full, sauces still a
 * draft. Each order is written in a savepoint: one the store's own data
 * cannot take (an item deactivated since) is skipped, not the whole demo.
 */
function seedOrders(ctx: Ctx, suppliers: Map<string, string>, items: DemoItem[]): number {
  const byPrefix = (p: string, unit: DemoItem['baseUnit'], count: number) =>
    items.filter((i) => i.code.startsWith(`${p}-`) && i.baseUnit === unit).slice(0, count);
  const areaCode = (id: string | null) => (id ? areaCodeById.get(ctx.sqlite, id)?.code : undefined);
  const plans: { supplier: string; items: DemoItem[]; packs: number[]; receive: number[] | null; approve: boolean }[] =
    [
      { supplier: 'SUP-003', items: byPrefix('VEG', 'g', 4), packs: [2, 3, 1, 2], receive: null, approve: true },
      { supplier: 'SUP-001', items: byPrefix('MEAT', 'g', 3), packs: [3, 2, 2], receive: [3, 1, 0], approve: true },
      { supplier: 'SUP-007', items: byPrefix('BEV', 'pc', 2), packs: [5, 3], receive: [5, 3], approve: true },
      { supplier: 'SUP-005', items: byPrefix('SAUCE', 'ml', 3), packs: [2, 2, 1], receive: null, approve: false },
    ];
  let moves = 0;
  for (const plan of plans) {
    const supplierId = suppliers.get(plan.supplier);
    if (!supplierId || !plan.items.length) continue;
    const lead = leadTimeOf.get(ctx.sqlite, supplierId)!.leadTimeDays;
    try {
      ctx.sqlite.transaction(() => {
        const lines = plan.items.map((it, n) => {
          const o = offerOf.get(ctx.sqlite, supplierId, it.id);
          const pack = o ?? {
            u: it.packUnit,
            q: it.packQty,
            price: packPrice(it.code, it.baseUnit, it.packQty),
            code: '',
          };
          const packs = plan.packs[n] ?? 1;
          return {
            itemId: it.id,
            supplierCode: pack.code,
            packUnit: pack.u,
            packQty: pack.q,
            packs: packs * 1000,
            qtyOrdered: packs * pack.q,
            price: pack.price,
            note: '',
          };
        });
        const day = addDays(storeDay(ctx), lead);
        const po = insertPo(ctx, { supplierId, expectedDay: day, note: '', source: 'manual' }, lines);
        if (!plan.approve) return;
        approvePo(ctx, { id: po.id });
        if (!plan.receive) return;
        const area = plan.items[0]!.areaId;
        if (!area) throw new Error('demo item without an area');
        const r = openReceipt(ctx, { poId: po.id, areaId: area, deliveryNote: `DN-${po.number.slice(-4)}` });
        plan.items.forEach((it, n) => {
          const packs = plan.receive![n] ?? 0;
          if (!packs) return;
          const line = addLine(ctx, {
            receiptId: r.id,
            line: {
              itemId: it.id,
              qty: String(packs),
              unit: lines[n]!.packUnit,
              areaId: it.areaId ?? area,
              temperature: DOOR_TEMP[areaCode(it.areaId) ?? ''] ?? null,
            },
          });
          postLine(ctx, { lineId: line.id });
          moves++;
        });
        finishReceipt(ctx, { receiptId: r.id });
      })();
    } catch (err) {
      ctx.log.warn('demo order skipped', {
        supplier: plan.supplier,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return moves;
}

/**
 * Catalogues for the demo suppliers, and (once, on a store without any
 * order) a few purchase orders with their receipts. Runs after the year of
 * movements, so prices follow the demo's costs and receipts land today.
 */
export function seedProcurement(ctx: Ctx): Record<
  'supplier_items' | 'purchase_orders' | 'purchase_order_lines' | 'receipts' | 'receipt_lines',
  number
> & {
  moves: number;
} {
  const suppliers = new Map(demoSuppliers.all(ctx.sqlite).map((s) => [s.code, s.id]));
  const items = demoItems(ctx);
  const before = {
    purchase_orders: rowsIn(ctx, 'purchase_orders'),
    purchase_order_lines: rowsIn(ctx, 'purchase_order_lines'),
    receipts: rowsIn(ctx, 'receipts'),
    receipt_lines: rowsIn(ctx, 'receipt_lines'),
  };
  const catalogue = seedCatalogue(ctx, suppliers, items);
  const moves = before.purchase_orders === 0 ? seedOrders(ctx, suppliers, items) : 0;
  return {
    supplier_items: catalogue,
    purchase_orders: rowsIn(ctx, 'purchase_orders') - before.purchase_orders,
    purchase_order_lines: rowsIn(ctx, 'purchase_order_lines') - before.purchase_order_lines,
    receipts: rowsIn(ctx, 'receipts') - before.receipts,
    receipt_lines: rowsIn(ctx, 'receipt_lines') - before.receipt_lines,
    moves,
  };
}
