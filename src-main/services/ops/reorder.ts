import { QTY_SCALE } from '../../../src-shared/quantity';
import type { itemUnits, items } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';

type Item = typeof items.$inferSelect;
type Unit = typeof itemUnits.$inferSelect;

/** Active items with a reorder point, their stock in all areas and their largest purchase pack. */
const itemsWithReorderPoint = sql<
  Pick<Item, 'code' | 'nameZh' | 'nameEn' | 'category' | 'baseUnit' | 'parLevel'> & {
    itemId: Item['id'];
    reorderPoint: NonNullable<Item['reorderPoint']>;
    onHand: number;
    packUnit: Unit['unit'] | null;
    packFactor: Unit['factor'] | null;
  }
>(
  `SELECT i.id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.category, i.base_unit AS baseUnit,
          i.reorder_point AS reorderPoint, i.par_level AS parLevel,
          coalesce((SELECT sum(b.qty) FROM stock_balances b WHERE b.item_id = i.id), 0) AS onHand,
          (SELECT u.unit FROM item_units u WHERE u.item_id = i.id AND u.purchase = 1 ORDER BY u.factor DESC LIMIT 1) AS packUnit,
          (SELECT u.factor FROM item_units u WHERE u.item_id = i.id AND u.purchase = 1 ORDER BY u.factor DESC LIMIT 1) AS packFactor
   FROM items i
   WHERE i.active = 1 AND i.reorder_point IS NOT NULL
   ORDER BY i.category, i.code`,
);

/**
 * Items at or below their reorder point. Suggested = par level (or the reorder
 * point when no par is set) minus stock on hand in all areas, rounded UP to
 * whole purchase packs (the item's purchase unit; the base unit if it has none).
 */
export function reorder(ctx: Ctx) {
  const out = [];
  for (const r of itemsWithReorderPoint.all(ctx.sqlite)) {
    if (r.onHand > r.reorderPoint) continue;
    const need = (r.parLevel ?? r.reorderPoint) - r.onHand;
    if (need <= 0) continue;
    const packFactor = r.packFactor && r.packFactor > 0 ? r.packFactor : QTY_SCALE;
    const packs = Math.ceil(need / packFactor);
    out.push({
      ...r,
      packUnit: r.packUnit ?? r.baseUnit,
      packFactor,
      packs,
      suggestedQty: packs * packFactor,
    });
  }
  return out;
}
