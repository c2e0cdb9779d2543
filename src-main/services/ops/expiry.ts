import { addDays, dayKeyer, daysBetween } from '../../../src-shared/time';
import type { itemCosts, items, stockBalances } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { atAverage } from '../stock/costing';
import { storeRow, storeSettings } from '../store/settings';

type Item = typeof items.$inferSelect;
type Cost = typeof itemCosts.$inferSelect;
/** A lot with stock, its item and area code, and the item's average (zeros when it never had a cost). */
type ExpiringSqlRow = Pick<typeof stockBalances.$inferSelect, 'itemId' | 'areaId' | 'lot' | 'qty'> &
  Pick<Item, 'code' | 'nameZh' | 'nameEn' | 'baseUnit'> & {
    areaCode: string;
    expiry: string;
    cQty: Cost['qty'];
    cValue: Cost['value'];
    lQty: Cost['lastQty'];
    lValue: Cost['lastValue'];
  };

const lotsExpiringBy = sql<ExpiringSqlRow, [day: string]>(
  `SELECT b.item_id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit,
          b.area_id AS areaId, a.code AS areaCode, b.lot, b.expiry, b.qty,
          coalesce(c.qty, 0) AS cQty, coalesce(c.value, 0) AS cValue,
          coalesce(c.last_qty, 0) AS lQty, coalesce(c.last_value, 0) AS lValue
   FROM stock_balances b JOIN items i ON i.id = b.item_id JOIN storage_areas a ON a.id = b.area_id
   LEFT JOIN item_costs c ON c.item_id = b.item_id
   WHERE b.qty > 0 AND b.expiry IS NOT NULL AND b.expiry <= ?
   ORDER BY b.expiry, i.code, b.lot`,
);

/**
 * Lots with stock whose expiry is within `days` of today (store time zone),
 * and lots already past it, each valued at its item's average. Today's expiry
 * counts as expiring, not expired: it may still be used today.
 */
export function expiring(ctx: Ctx, i: { days?: number | null }) {
  const days = i.days ?? storeSettings(ctx.db).expiryAlertDays;
  const today = dayKeyer(storeRow(ctx.db)?.timezone ?? 'UTC')(ctx.now);
  const out = lotsExpiringBy.all(ctx.sqlite, addDays(today, days)).map(({ cQty, cValue, lQty, lValue, ...r }) => ({
    ...r,
    daysLeft: daysBetween(today, r.expiry),
    value: atAverage({ qty: cQty, value: cValue, lastQty: lQty, lastValue: lValue }, r.qty),
  }));
  return {
    days,
    today,
    expiring: out.filter((r) => r.daysLeft >= 0),
    expired: out.filter((r) => r.daysLeft < 0),
  };
}
