import type { Ctx } from '../context';
import { addDays, dayKeyer, daysBetween } from '../../../src-shared/time';
import { mulDiv } from '../stock/money-math';
import { storeRow, storeSettings } from '../store/settings';

/** Value of a balance at the item's current moving average (the last positive one when stock is negative). */
export const AVG_COLUMNS = `coalesce(c.qty, 0) AS cQty, coalesce(c.value, 0) AS cValue,
  coalesce(c.last_qty, 0) AS lQty, coalesce(c.last_value, 0) AS lValue`;
export function valueAtAverage(qty: number, r: { cQty: number; cValue: number; lQty: number; lValue: number }) {
  if (r.cQty > 0) return mulDiv(qty, r.cValue, r.cQty);
  if (r.lQty > 0) return mulDiv(qty, r.lValue, r.lQty);
  return 0;
}

/**
 * Lots with stock whose expiry is within `days` of today (store time zone),
 * and lots already past it. Today's expiry counts as expiring, not expired:
 * it may still be used today.
 */
export function expiring(ctx: Ctx, i: { days?: number | null }) {
  const days = i.days ?? storeSettings(ctx.db).expiryAlertDays;
  const today = dayKeyer(storeRow(ctx.db)?.timezone ?? 'UTC')(ctx.now);
  const rows = ctx.sqlite
    .prepare(
      `SELECT b.item_id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit,
              b.area_id AS areaId, a.code AS areaCode, b.lot, b.expiry, b.qty, ${AVG_COLUMNS}
       FROM stock_balances b JOIN items i ON i.id = b.item_id JOIN storage_areas a ON a.id = b.area_id
       LEFT JOIN item_costs c ON c.item_id = b.item_id
       WHERE b.qty > 0 AND b.expiry IS NOT NULL AND b.expiry <= ?
       ORDER BY b.expiry, i.code, b.lot`,
    )
    .all(addDays(today, days)) as {
    itemId: string;
    code: string;
    nameZh: string;
    nameEn: string;
    baseUnit: string;
    areaId: string;
    areaCode: string;
    lot: string;
    expiry: string;
    qty: number;
    cQty: number;
    cValue: number;
    lQty: number;
    lValue: number;
  }[];
  const out = rows.map(({ cQty, cValue, lQty, lValue, ...r }) => ({
    ...r,
    daysLeft: daysBetween(today, r.expiry),
    value: valueAtAverage(r.qty, { cQty, cValue, lQty, lValue }),
  }));
  return {
    days,
    today,
    expiring: out.filter((r) => r.daysLeft >= 0),
    expired: out.filter((r) => r.daysLeft < 0),
  };
}
