import type { CountLineDto } from '../../../src-shared/api/methods/counts';
import { toIso } from '../../../src-shared/time';
import type { itemUnits, items, stockCountLines, storageAreas, users } from '../../db/schema';
import { sql, type Conn } from '../../db/sql';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';
import { headerDto, loadCount, type CountRow } from './header';
import { countAverages, movesDuring, needsRecount, valueAt, type Average, type RecountLimits } from './variance';

/** The joined columns of a count line: what the count screen and the sheet show. */
export const LINE_SELECT = `SELECT l.id, l.item_id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn,
    i.category, i.base_unit AS baseUnit, l.area_id AS areaId, a.code AS areaCode, a.name_zh AS areaNameZh,
    a.name_en AS areaNameEn, i.shelf_order AS shelfOrder, l.lot, l.book_qty AS bookQty, l.counted_qty AS countedQty,
    l.entry, l.counted_at AS countedAt, u.display_name AS countedBy
  FROM stock_count_lines l
  JOIN items i ON i.id = l.item_id
  JOIN storage_areas a ON a.id = l.area_id
  LEFT JOIN users u ON u.id = l.counted_by`;

/** Walking order: area, then the item's place on the shelf, then its code. */
export const LINE_ORDER = 'ORDER BY a.sort_order, a.code, i.shelf_order, i.code, l.lot';

type Area = typeof storageAreas.$inferSelect;
export type LineSqlRow = Pick<
  typeof stockCountLines.$inferSelect,
  'id' | 'itemId' | 'areaId' | 'lot' | 'bookQty' | 'countedQty' | 'entry' | 'countedAt'
> &
  Pick<typeof items.$inferSelect, 'code' | 'nameZh' | 'nameEn' | 'category' | 'baseUnit' | 'shelfOrder'> & {
    areaCode: Area['code'];
    areaNameZh: Area['nameZh'];
    areaNameEn: Area['nameEn'];
    countedBy: (typeof users.$inferSelect)['displayName'] | null;
  };

export type Units = CountLineDto['units'];
type UnitOfItem = Pick<typeof itemUnits.$inferSelect, 'itemId' | 'unit' | 'factor'>;

const unitsOfCountItems = sql<UnitOfItem, [countId: string]>(
  `SELECT item_id AS itemId, unit, factor FROM item_units
   WHERE item_id IN (SELECT item_id FROM stock_count_lines WHERE count_id = ?) ORDER BY item_id, factor DESC`,
);
const unitsOfOneItem = sql<Omit<UnitOfItem, 'itemId'>, [itemId: string]>(
  'SELECT unit, factor FROM item_units WHERE item_id = ? ORDER BY factor DESC',
);
const linesOfCount = sql<LineSqlRow, [countId: string]>(`${LINE_SELECT} WHERE l.count_id = ? ${LINE_ORDER}`);

/** Expected, variance and recount of one line, from the frozen book and what moved before it was counted. */
export function evaluate(
  row: Pick<LineSqlRow, 'bookQty' | 'countedQty'>,
  netDuring: number,
  avg: Average | null | undefined,
  limits: RecountLimits,
) {
  const expectedQty = row.bookQty + netDuring;
  if (row.countedQty === null) return { expectedQty, varianceQty: null, varianceValue: null, recount: false };
  const varianceQty = row.countedQty - expectedQty;
  const varianceValue = valueAt(varianceQty, avg);
  return {
    expectedQty,
    varianceQty,
    varianceValue,
    recount: needsRecount(expectedQty, varianceQty, varianceValue, limits),
  };
}

export function toLineDto(
  row: LineSqlRow,
  units: Units,
  e: ReturnType<typeof evaluate>,
  hideBook: boolean,
): CountLineDto {
  return {
    ...row,
    units,
    bookQty: hideBook ? null : row.bookQty,
    expectedQty: hideBook ? null : e.expectedQty,
    varianceQty: hideBook ? null : e.varianceQty,
    varianceValue: hideBook ? null : e.varianceValue,
    recount: e.recount,
    countedAt: toIso(row.countedAt),
  };
}

export function unitsOfCount(sqlite: Conn, countId: string): Map<string, Units> {
  const rows = unitsOfCountItems.all(sqlite, countId);
  const map = new Map<string, Units>();
  for (const r of rows) {
    let list = map.get(r.itemId);
    if (!list) map.set(r.itemId, (list = []));
    list.push({ unit: r.unit, factor: r.factor });
  }
  return map;
}

export function unitsOfItem(sqlite: Conn, itemId: string): Units {
  return unitsOfOneItem.all(sqlite, itemId);
}

/** Every line evaluated: a handful of set queries, never one per line. */
export function evaluatedLines(sqlite: Conn, count: CountRow, limits: RecountLimits) {
  const rows = linesOfCount.all(sqlite, count.id);
  const during = movesDuring(sqlite, count.id, count.scope.startSeq);
  const avgs = countAverages(sqlite, count.id);
  return rows.map((row) => {
    const avg = avgs.get(row.itemId);
    return { row, avg, e: evaluate(row, during.net(row.itemId, row.areaId, row.lot, row.countedAt), avg, limits) };
  });
}

export function getCount(ctx: Ctx, id: string) {
  const count = loadCount(ctx.db, id);
  const hideBook = count.blind && count.status === 'open';
  const units = unitsOfCount(ctx.sqlite, id);
  const lines = evaluatedLines(ctx.sqlite, count, storeSettings(ctx.db)).map(({ row, e }) =>
    toLineDto(row, units.get(row.itemId) ?? [], e, hideBook),
  );
  return { count: headerDto(ctx.sqlite, id), lines };
}
