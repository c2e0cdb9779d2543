import { unpackItemRow, type ItemDetail, type ItemListRow, type ItemRow } from '../../../src-shared/api/methods/items';
import type { itemBarcodes, itemUnits, items, storageAreas } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
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

const itemList = sql<ItemListRow>(LIST_SQL);
const areaCodes = sql<Pick<typeof storageAreas.$inferSelect, 'id' | 'code'>>('SELECT id, code FROM storage_areas');

export function listItemsPacked(ctx: Ctx): ItemListRow[] {
  // raw() hands back arrays, in the order ItemListRow says.
  return itemList.prepared(ctx.sqlite).raw(true).all();
}

/** Items as objects with their area code (the file export needs codes, not ids). */
export function listItems(ctx: Ctx): (ItemRow & { areaCode: string | null })[] {
  const areas = new Map(areaCodes.all(ctx.sqlite).map((a) => [a.id, a.code]));
  return listItemsPacked(ctx).map((r) => {
    const row = unpackItemRow(r);
    return { ...row, areaCode: row.storageAreaId ? (areas.get(row.storageAreaId) ?? null) : null };
  });
}

type Item = typeof items.$inferSelect;
const ITEM_COLUMNS = `id, code, name_zh AS nameZh, name_en AS nameEn, category, base_unit AS baseUnit, active,
  storage_area_id AS storageAreaId, shelf_order AS shelfOrder, shelf_life_days AS shelfLifeDays,
  par_level AS parLevel, reorder_point AS reorderPoint, lot_tracked AS lotTracked, updated_at AS updatedAt`;
type ItemRecord = SqlRow<
  Pick<
    Item,
    | 'id'
    | 'code'
    | 'nameZh'
    | 'nameEn'
    | 'category'
    | 'baseUnit'
    | 'active'
    | 'storageAreaId'
    | 'shelfOrder'
    | 'shelfLifeDays'
    | 'parLevel'
    | 'reorderPoint'
    | 'lotTracked'
    | 'updatedAt'
  >
>;
/*
 * Look-ups by key, yet SQL rather than drizzle's builder: an import checks every row of a file of up to
 * 50,000 against the store through these, and a built query costs ~25 µs more than a prepared one.
 */
const itemById = sql<ItemRecord, [id: string]>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ?`);
const itemByCode = sql<ItemRecord, [code: string]>(`SELECT ${ITEM_COLUMNS} FROM items WHERE code = ?`);
const unitsOfItem = sql<
  SqlRow<Pick<typeof itemUnits.$inferSelect, 'unit' | 'factor' | 'purchase' | 'count'>>,
  [id: string]
>('SELECT unit, factor, purchase, count FROM item_units WHERE item_id = ? ORDER BY factor, unit');
const barcodesOfItem = sql<Pick<typeof itemBarcodes.$inferSelect, 'barcode' | 'unit'>, [id: string]>(
  'SELECT barcode, unit FROM item_barcodes WHERE item_id = ? ORDER BY barcode',
);

/** Loads one item with its units and barcodes; `by` picks the key. Undefined when absent. */
export function findItem(ctx: Ctx, by: 'id' | 'code', key: string): ItemDetail | undefined {
  const row = (by === 'id' ? itemById : itemByCode).get(ctx.sqlite, key);
  if (!row) return undefined;
  return {
    ...row,
    active: row.active === 1,
    lotTracked: row.lotTracked === 1,
    updatedAt: new Date(row.updatedAt).toISOString(),
    units: unitsOfItem
      .all(ctx.sqlite, row.id)
      .map((u) => ({ unit: u.unit, factor: u.factor, purchase: u.purchase === 1, count: u.count === 1 })),
    barcodes: barcodesOfItem.all(ctx.sqlite, row.id),
  };
}

export function getItem(ctx: Ctx, id: string): ItemDetail {
  const item = findItem(ctx, 'id', id);
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}
