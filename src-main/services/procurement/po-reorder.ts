import type { PoRow } from '../../../src-shared/api/methods/procurement';
import { addDays } from '../../../src-shared/time';
import type { supplierItems, suppliers } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { reorder } from '../ops/reorder';
import { storeDay } from '../store/store-day';
import { listPos } from './po-read';
import { insertPo, type ResolvedPoLine } from './po-write';

type SupplierItem = typeof supplierItems.$inferSelect;
type Supplier = typeof suppliers.$inferSelect;

/** An active supplier's active offer of an item; `preferred` as stored (1 or 0), which sorts it first. */
type Offer = Pick<SupplierItem, 'itemId' | 'supplierId' | 'supplierCode' | 'packUnit' | 'packQty' | 'price'> &
  Pick<Supplier, 'leadTimeDays' | 'code'> & { preferred: number };

const activeOffers = sql<Offer>(
  `SELECT c.item_id AS itemId, c.supplier_id AS supplierId, s.lead_time_days AS leadTimeDays,
     c.supplier_code AS supplierCode, c.pack_unit AS packUnit, c.pack_qty AS packQty, c.price, c.preferred, s.code
   FROM supplier_items c JOIN suppliers s ON s.id = c.supplier_id
   WHERE c.active = 1 AND s.active = 1 AND c.pack_qty > 0`,
);

/** Base quantity per item still to come on orders not yet received, closed or cancelled. */
const stillOnOrder = sql<{ itemId: string; qty: number }>(
  `SELECT l.item_id AS itemId, sum(max(l.qty_ordered - l.qty_received, 0)) AS qty
   FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.po_id
   WHERE p.status IN ('draft', 'approved', 'partial') GROUP BY l.item_id`,
);

/** Preferred first, then the lowest price per base unit (compared exactly), then the supplier code. */
function better(a: Offer, b: Offer): number {
  if (a.preferred !== b.preferred) return b.preferred - a.preferred;
  const x = BigInt(a.price) * BigInt(b.packQty);
  const y = BigInt(b.price) * BigInt(a.packQty);
  if (x !== y) return x < y ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Each item's best offer (see `better`). */
function bestOffers(ctx: Ctx): Map<string, Offer> {
  const best = new Map<string, Offer>();
  for (const o of activeOffers.iterate(ctx.sqlite)) {
    const held = best.get(o.itemId);
    if (!held || better(o, held) < 0) best.set(o.itemId, o);
  }
  return best;
}

/**
 * Draft orders from the reorder suggestions: each item goes to its preferred
 * active supplier (or the cheapest that sells it), in whole packs of that
 * supplier, for what is still missing after stock on hand AND what is already
 * on open orders, so running it twice does not order twice.
 */
export function poFromReorder(ctx: Ctx, i: { itemIds?: string[] | null }) {
  const only = i.itemIds?.length ? new Set(i.itemIds) : null;
  const suggestions = reorder(ctx).filter((r) => !only || only.has(r.itemId));
  const onOrder = new Map(stillOnOrder.all(ctx.sqlite).map((r) => [r.itemId, r.qty]));
  const offers = bestOffers(ctx);
  const bySupplier = new Map<string, { leadTimeDays: number; lines: ResolvedPoLine[] }>();
  const unassigned: { itemId: string; code: string; nameZh: string; nameEn: string }[] = [];
  const covered: string[] = [];
  for (const r of suggestions) {
    const need = (r.parLevel ?? r.reorderPoint) - r.onHand - (onOrder.get(r.itemId) ?? 0);
    if (need <= 0) {
      covered.push(r.code);
      continue;
    }
    const best = offers.get(r.itemId);
    if (!best) {
      unassigned.push({ itemId: r.itemId, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn });
      continue;
    }
    const packs = Math.ceil(need / best.packQty);
    const group = bySupplier.get(best.supplierId) ?? { leadTimeDays: best.leadTimeDays, lines: [] };
    group.lines.push({
      itemId: r.itemId,
      supplierCode: best.supplierCode,
      packUnit: best.packUnit,
      packQty: best.packQty,
      packs: packs * 1000,
      qtyOrdered: packs * best.packQty,
      price: best.price,
      note: '',
    });
    bySupplier.set(best.supplierId, group);
  }
  const today = storeDay(ctx);
  const ids = [...bySupplier].map(
    ([supplierId, g]) =>
      insertPo(ctx, { supplierId, expectedDay: addDays(today, g.leadTimeDays), note: '', source: 'reorder' }, g.lines)
        .id,
  );
  const made = new Set(ids);
  const orders: PoRow[] = listPos(ctx, { status: ['draft'] }).filter((p) => made.has(p.id));
  return { orders: orders.reverse(), unassigned, onOrder: covered };
}
