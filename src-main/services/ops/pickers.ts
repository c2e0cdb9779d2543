import type { Ctx } from '../context';
import { storeRow, storeSettings } from '../store/settings';
import { activeReasons } from './reason-codes';
import { unitsOf } from './units';

/** Everything the stock forms pick from, in one round trip. */
export function pickers(ctx: Ctx) {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, code, name_zh AS nameZh, name_en AS nameEn, category, base_unit AS baseUnit,
              lot_tracked AS lotTracked, shelf_life_days AS shelfLifeDays
       FROM items WHERE active = 1 ORDER BY code`,
    )
    .all() as {
    id: string;
    code: string;
    nameZh: string;
    nameEn: string;
    category: string;
    baseUnit: string;
    lotTracked: number;
    shelfLifeDays: number | null;
  }[];
  const units = new Map<string, { unit: string; factor: number }[]>();
  for (const u of ctx.sqlite
    .prepare('SELECT item_id AS itemId, unit, factor FROM item_units ORDER BY factor')
    .all() as {
    itemId: string;
    unit: string;
    factor: number;
  }[]) {
    const list = units.get(u.itemId) ?? [];
    list.push({ unit: u.unit, factor: u.factor });
    units.set(u.itemId, list);
  }
  const areas = ctx.sqlite
    .prepare(
      'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM storage_areas WHERE active = 1 ORDER BY sort_order, code',
    )
    .all() as { id: string; code: string; nameZh: string; nameEn: string }[];
  const settings = storeSettings(ctx.db);
  return {
    items: rows.map((r) => ({ ...r, lotTracked: !!r.lotTracked, units: unitsOf(r.baseUnit, units.get(r.id) ?? []) })),
    areas,
    reasons: activeReasons(ctx, 'waste'),
    negativeStock: settings.negativeStock,
    expiryAlertDays: settings.expiryAlertDays,
    storeCode: storeRow(ctx.db)?.code ?? '',
  };
}

/** Lots with stock in the area, first to expire first; lots without expiry last, then by lot number. */
export function fefo(ctx: Ctx, i: { itemId: string; areaId: string }) {
  return ctx.sqlite
    .prepare(
      `SELECT lot, expiry, qty FROM stock_balances WHERE item_id = ? AND area_id = ? AND qty > 0
       ORDER BY expiry IS NULL, expiry, lot`,
    )
    .all(i.itemId, i.areaId) as { lot: string; expiry: string | null; qty: number }[];
}
