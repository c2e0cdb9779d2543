import type { itemUnits, items, stockBalances, storageAreas } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { storeRow, storeSettings } from '../store/settings';
import { activeReasons } from './reason-codes';
import { unitsOf } from './units';

type Item = typeof items.$inferSelect;
type Area = typeof storageAreas.$inferSelect;

const activeItems = sql<
  SqlRow<Pick<Item, 'id' | 'code' | 'nameZh' | 'nameEn' | 'category' | 'baseUnit' | 'lotTracked' | 'shelfLifeDays'>>
>(
  `SELECT id, code, name_zh AS nameZh, name_en AS nameEn, category, base_unit AS baseUnit,
          lot_tracked AS lotTracked, shelf_life_days AS shelfLifeDays
   FROM items WHERE active = 1 ORDER BY code`,
);
const allUnits = sql<Pick<typeof itemUnits.$inferSelect, 'itemId' | 'unit' | 'factor'>>(
  'SELECT item_id AS itemId, unit, factor FROM item_units ORDER BY factor',
);
export const activeAreas = sql<Pick<Area, 'id' | 'code' | 'nameZh' | 'nameEn'>>(
  'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM storage_areas WHERE active = 1 ORDER BY sort_order, code',
);
/** Lots with stock in the area, first to expire first; lots without expiry last, then by lot number. */
const lotsFirstExpiring = sql<
  Pick<typeof stockBalances.$inferSelect, 'lot' | 'expiry' | 'qty'>,
  [itemId: string, areaId: string]
>(
  `SELECT lot, expiry, qty FROM stock_balances WHERE item_id = ? AND area_id = ? AND qty > 0
   ORDER BY expiry IS NULL, expiry, lot`,
);

/** Everything the stock forms pick from, in one round trip. */
export function pickers(ctx: Ctx) {
  const units = new Map<string, { unit: string; factor: number }[]>();
  for (const u of allUnits.all(ctx.sqlite)) {
    const list = units.get(u.itemId) ?? [];
    list.push({ unit: u.unit, factor: u.factor });
    units.set(u.itemId, list);
  }
  const settings = storeSettings(ctx.db);
  return {
    items: activeItems
      .all(ctx.sqlite)
      .map((r) => ({ ...r, lotTracked: r.lotTracked === 1, units: unitsOf(r.baseUnit, units.get(r.id) ?? []) })),
    areas: activeAreas.all(ctx.sqlite),
    reasons: activeReasons(ctx, 'waste'),
    negativeStock: settings.negativeStock,
    expiryAlertDays: settings.expiryAlertDays,
    storeCode: storeRow(ctx.db)?.code ?? '',
  };
}

export function fefo(ctx: Ctx, i: { itemId: string; areaId: string }) {
  return lotsFirstExpiring.all(ctx.sqlite, i.itemId, i.areaId);
}
