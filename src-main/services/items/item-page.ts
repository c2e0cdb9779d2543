import type { ItemListRow } from '../../../src-shared/api/methods/items';
import type { ColumnFilterModel } from '../../../src-shared/grid/server-query';
import { QTY_SCALE } from '../../../src-shared/quantity';
import { dynamicSql } from '../../db/sql';
import { gridSql, type GridColumnSql } from '../grid-sql';
import type { Ctx } from '../context';

/**
 * Grid columns that sort and filter in SQL. Category and area filters match
 * the code or either name, so typing what is on screen (冻库, Freezer, FRZ)
 * finds the rows; quantities are typed in the base unit and stored x1000.
 */
const COLUMNS: Record<string, GridColumnSql> = {
  code: { expr: 'i.code', kind: 'text' },
  nameZh: { expr: 'i.name_zh', kind: 'text' },
  nameEn: { expr: 'i.name_en', kind: 'text' },
  category: { expr: "(i.category || ' ' || coalesce(c.name_zh, '') || ' ' || coalesce(c.name_en, ''))", kind: 'text' },
  area: {
    expr: "(coalesce(a.code, '') || ' ' || coalesce(a.name_zh, '') || ' ' || coalesce(a.name_en, ''))",
    kind: 'text',
  },
  baseUnit: { expr: 'i.base_unit', kind: 'text' },
  purchaseUnit: { expr: 'pu.unit', kind: 'text' },
  countUnit: { expr: 'cu.unit', kind: 'text' },
  shelfOrder: { expr: 'i.shelf_order', kind: 'number' },
  shelfLifeDays: { expr: 'i.shelf_life_days', kind: 'number' },
  parLevel: { expr: 'i.par_level', kind: 'number', scale: QTY_SCALE },
  reorderPoint: { expr: 'i.reorder_point', kind: 'number', scale: QTY_SCALE },
  barcodes: { expr: "(SELECT group_concat(barcode, '|') FROM item_barcodes b WHERE b.item_id = i.id)", kind: 'text' },
};

const FROM = `FROM items i
LEFT JOIN item_categories c ON c.code = i.category
LEFT JOIN storage_areas a ON a.id = i.storage_area_id
LEFT JOIN item_units pu ON pu.item_id = i.id AND pu.purchase = 1
LEFT JOIN item_units cu ON cu.item_id = i.id AND cu.count = 1`;

/** Barcodes only for the rows of the page: a correlated subquery on 100 rows costs nothing. */
const SELECT = `SELECT i.id, i.code, i.name_zh, i.name_en, i.category, i.base_unit, i.active, i.storage_area_id,
  i.shelf_order, i.shelf_life_days, i.par_level, i.reorder_point, i.lot_tracked,
  pu.unit, pu.factor, cu.unit, cu.factor,
  coalesce((SELECT group_concat(barcode, '|') FROM (SELECT barcode FROM item_barcodes b WHERE b.item_id = i.id ORDER BY barcode)), '')`;

export interface ItemPageInput {
  startRow: number;
  endRow: number;
  sort: { colId: string; sort: 'asc' | 'desc' }[];
  filters: Record<string, ColumnFilterModel>;
  status: 'all' | 'active' | 'inactive';
}

/**
 * One block of the item grid, sorted and filtered in SQL, with the number of
 * matching rows: the grid opens on the first 100 of 20,000 items without
 * shipping the rest (ag-grid's infinite row model asks for the next blocks
 * as the user scrolls).
 */
export function itemPage(ctx: Ctx, input: ItemPageInput): { rows: ItemListRow[]; total: number } {
  const q = gridSql(COLUMNS, input, 'i.code, i.id');
  const status = input.status === 'all' ? '' : `i.active = ${input.status === 'active' ? 1 : 0}`;
  const where = [q.where.replace(/^WHERE /, ''), status].filter(Boolean).join(' AND ');
  const whereSql = where ? `WHERE ${where}` : '';
  const limit = Math.min(input.endRow - input.startRow, 1000);
  // Sort and filters are whitelisted fragments (gridSql); raw() hands back arrays, in ItemListRow's order.
  const rows = dynamicSql<ItemListRow>(ctx.sqlite, `${SELECT} ${FROM} ${whereSql} ${q.orderBy} LIMIT ? OFFSET ?`)
    .raw(true)
    .all(...q.params, limit, input.startRow);
  const total = dynamicSql<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n ${FROM} ${whereSql}`).get(...q.params)!.n;
  return { rows, total };
}
