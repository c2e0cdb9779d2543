import { unpackItemRow, type ItemDetail, type ItemListRow, type ItemRow } from '../../../src-shared/api/methods/items';
import { AppError } from '../app-error';
import type { Ctx } from '../context';

const ITEM_BARCODES = `LEFT JOIN (
  SELECT item_id, group_concat(barcode, '|') AS barcodes
  FROM (SELECT item_id, barcode FROM item_barcodes ORDER BY item_id, barcode) GROUP BY item_id
) bc ON bc.item_id = i.id`;

/**
 * The item grid in one query, as arrays (ItemListRow order). Barcodes are
 * grouped once for all items (a correlated subquery per row cost ~0.4 s on
 * 20,000 items); an item has at most one purchase and one count unit
 * (item-rules.ts), so plain joins give one row each. Raw arrays skip building
 * 20,000 objects on both sides (~200 ms here).
 */
const LIST_SQL = `
SELECT i.id, i.code, i.name_zh, i.name_en, i.category, i.base_unit, i.active, i.storage_area_id,
  i.shelf_order, i.shelf_life_days, i.par_level, i.reorder_point, i.lot_tracked,
  pu.unit, pu.factor, cu.unit, cu.factor, coalesce(bc.barcodes, '')
FROM items i
LEFT JOIN item_units pu ON pu.item_id = i.id AND pu.purchase = 1
LEFT JOIN item_units cu ON cu.item_id = i.id AND cu.count = 1
${ITEM_BARCODES}
ORDER BY i.code`;

export function listItemsPacked(ctx: Ctx): ItemListRow[] {
  return ctx.sqlite.prepare(LIST_SQL).raw(true).all() as ItemListRow[];
}

/** Items as objects with their area code (the file export needs codes, not ids). */
export function listItems(ctx: Ctx): (ItemRow & { areaCode: string | null })[] {
  const areas = new Map(
    (ctx.sqlite.prepare('SELECT id, code FROM storage_areas').all() as { id: string; code: string }[]).map((a) => [
      a.id,
      a.code,
    ]),
  );
  return listItemsPacked(ctx).map((r) => {
    const row = unpackItemRow(r);
    return { ...row, areaCode: row.storageAreaId ? (areas.get(row.storageAreaId) ?? null) : null };
  });
}

interface ItemRecord {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: 'g' | 'ml' | 'pc';
  active: number;
  storageAreaId: string | null;
  shelfOrder: number;
  shelfLifeDays: number | null;
  parLevel: number | null;
  reorderPoint: number | null;
  lotTracked: number;
  updatedAt: number;
}

const ITEM_COLUMNS = `id, code, name_zh AS nameZh, name_en AS nameEn, category, base_unit AS baseUnit, active,
  storage_area_id AS storageAreaId, shelf_order AS shelfOrder, shelf_life_days AS shelfLifeDays,
  par_level AS parLevel, reorder_point AS reorderPoint, lot_tracked AS lotTracked, updated_at AS updatedAt`;

/** Loads one item with its units and barcodes; `by` picks the key. Undefined when absent. */
export function findItem(ctx: Ctx, by: 'id' | 'code', key: string): ItemDetail | undefined {
  const row = ctx.sqlite.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE ${by} = ?`).get(key) as
    ItemRecord | undefined;
  if (!row) return undefined;
  const units = ctx.sqlite
    .prepare('SELECT unit, factor, purchase, count FROM item_units WHERE item_id = ? ORDER BY factor, unit')
    .all(row.id) as { unit: string; factor: number; purchase: number; count: number }[];
  const barcodes = ctx.sqlite
    .prepare('SELECT barcode, unit FROM item_barcodes WHERE item_id = ? ORDER BY barcode')
    .all(row.id) as { barcode: string; unit: string }[];
  return {
    ...row,
    active: row.active === 1,
    lotTracked: row.lotTracked === 1,
    updatedAt: new Date(row.updatedAt).toISOString(),
    units: units.map((u) => ({ unit: u.unit, factor: u.factor, purchase: u.purchase === 1, count: u.count === 1 })),
    barcodes,
  };
}

export function getItem(ctx: Ctx, id: string): ItemDetail {
  const item = findItem(ctx, 'id', id);
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}
