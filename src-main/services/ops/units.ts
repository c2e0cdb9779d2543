import { QTY_SCALE, formatQty, parseScaled } from '../../../src-shared/quantity';
import { asc, eq } from 'drizzle-orm';
import { itemUnits, items } from '../../db/schema';
import type { Ctx } from '../context';
import { fieldError } from './errors';

type Unit = Pick<typeof itemUnits.$inferSelect, 'unit' | 'factor'>;
export type ItemInfo = Pick<
  typeof items.$inferSelect,
  'id' | 'code' | 'nameZh' | 'nameEn' | 'category' | 'baseUnit' | 'active' | 'lotTracked' | 'shelfLifeDays'
> & { units: Unit[] };

/** kg and l are always there for weighed and measured items; the item's own units (箱, case) come from item_units. */
const METRIC: Record<string, { unit: string; factor: number }> = {
  g: { unit: 'kg', factor: 1_000_000 },
  ml: { unit: 'l', factor: 1_000_000 },
};

export function unitsOf(baseUnit: string, own: Unit[]): Unit[] {
  const list = [{ unit: baseUnit, factor: QTY_SCALE }];
  const metric = METRIC[baseUnit];
  if (metric) list.push(metric);
  for (const u of own) if (!list.some((l) => l.unit === u.unit)) list.push(u);
  return list;
}

export function loadItem(ctx: Ctx, id: string): ItemInfo | undefined {
  const row = ctx.db
    .select({
      id: items.id,
      code: items.code,
      nameZh: items.nameZh,
      nameEn: items.nameEn,
      category: items.category,
      baseUnit: items.baseUnit,
      active: items.active,
      lotTracked: items.lotTracked,
      shelfLifeDays: items.shelfLifeDays,
    })
    .from(items)
    .where(eq(items.id, id))
    .get();
  if (!row) return undefined;
  const own = ctx.db
    .select({ unit: itemUnits.unit, factor: itemUnits.factor })
    .from(itemUnits)
    .where(eq(itemUnits.itemId, id))
    .orderBy(asc(itemUnits.factor))
    .all();
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
