import { QTY_SCALE, formatQty, parseScaled } from '../../../src-shared/quantity';
import type { Ctx } from '../context';
import { fieldError } from './errors';

export interface ItemInfo {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: string;
  active: number;
  lotTracked: number;
  shelfLifeDays: number | null;
  units: { unit: string; factor: number }[];
}

/** kg and l are always there for weighed and measured items; the item's own units (箱, case) come from item_units. */
const METRIC: Record<string, { unit: string; factor: number }> = {
  g: { unit: 'kg', factor: 1_000_000 },
  ml: { unit: 'l', factor: 1_000_000 },
};

export function unitsOf(baseUnit: string, own: { unit: string; factor: number }[]) {
  const list = [{ unit: baseUnit, factor: QTY_SCALE }];
  const metric = METRIC[baseUnit];
  if (metric) list.push(metric);
  for (const u of own) if (!list.some((l) => l.unit === u.unit)) list.push(u);
  return list;
}

export function loadItem(ctx: Ctx, id: string): ItemInfo | undefined {
  const row = ctx.sqlite
    .prepare(
      `SELECT id, code, name_zh AS nameZh, name_en AS nameEn, category, base_unit AS baseUnit, active,
              lot_tracked AS lotTracked, shelf_life_days AS shelfLifeDays FROM items WHERE id = ?`,
    )
    .get(id) as Omit<ItemInfo, 'units'> | undefined;
  if (!row) return undefined;
  const own = ctx.sqlite
    .prepare('SELECT unit, factor FROM item_units WHERE item_id = ? ORDER BY factor')
    .all(id) as ItemInfo['units'];
  return { ...row, units: unitsOf(row.baseUnit, own) };
}

/**
 * "2.5" 箱 -> thousandths of the base unit, exactly: the typed number is parsed
 * as thousandths of the unit, times the unit's factor, divided by 1000, and it
 * must come out whole (no rounding a quantity behind the user's back).
 */
export function toBaseQty(item: ItemInfo, text: string, unit: string, path: string): number {
  const u = item.units.find((x) => x.unit === unit);
  if (!u) {
    fieldError('VALIDATION', 'error.ops.unit', `${path}.unit`, {
      unit,
      item: item.code,
      units: item.units.map((x) => x.unit).join(', '),
    });
  }
  const milli = parseScaled(text, QTY_SCALE);
  if (milli === null || milli <= 0) fieldError('VALIDATION', 'error.ops.qty', `${path}.qty`, { qty: text });
  const product = milli * u.factor;
  if (!Number.isSafeInteger(product)) fieldError('VALIDATION', 'error.ops.qty', `${path}.qty`, { qty: text });
  if (product % QTY_SCALE !== 0) {
    fieldError('VALIDATION', 'error.ops.precision', `${path}.qty`, {
      qty: text,
      unit,
      min: formatQty(1),
      base: item.baseUnit,
    });
  }
  return product / QTY_SCALE;
}
