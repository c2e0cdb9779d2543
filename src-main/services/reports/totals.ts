import type { itemCategories, items } from '../../db/schema';
import { dynamicSql, sql } from '../../db/sql';
import type { Ctx } from '../context';
import type { Cover } from './covers';

export interface TotalsFilter {
  areaId?: string | null;
  category?: string | null;
}

export interface KindTotal {
  itemId: string;
  /** Index of the cover the row belongs to (the order they were passed in). */
  bucket: number;
  kind: string;
  qty: number;
  value: number;
}

/**
 * Per item and kind sums of quantity and value over several covers (opening,
 * period, ...) in one statement over `stock_monthly` and `stock_daily`: whole
 * months from the monthly table, edge days from the daily one. The tables hold
 * exactly the per-kind sums of the ledger (posting writes them in the same
 * transaction), so this equals summing the ledger, at a fraction of the rows.
 */
export function kindTotals(ctx: Ctx, covers: readonly Cover[], f: TotalsFilter): KindTotal[] {
  const parts: string[] = [];
  const args: unknown[] = [];
  const extra: string[] = [];
  const extraArgs: unknown[] = [];
  if (f.areaId) {
    extra.push('area_id = ?');
    extraArgs.push(f.areaId);
  }
  if (f.category) {
    extra.push('item_id IN (SELECT id FROM items WHERE category = ?)');
    extraArgs.push(f.category);
  }
  const and = extra.length ? ' AND ' + extra.join(' AND ') : '';
  const daily = (sign: 1 | -1, bucket: number, [a, b]: [string, string]) => {
    parts.push(
      `SELECT item_id, kind, ${sign} * sum(qty) AS qty, ${sign} * sum(value) AS value, ${bucket} AS bucket FROM stock_daily
       WHERE day BETWEEN ? AND ?${and} GROUP BY item_id, kind`,
    );
    args.push(a, b, ...extraArgs);
  };
  covers.forEach((c, bucket) => {
    for (const [a, b] of c.months) {
      parts.push(
        `SELECT item_id, kind, sum(qty) AS qty, sum(value) AS value, ${bucket} AS bucket FROM stock_monthly
         WHERE month BETWEEN ? AND ?${and} GROUP BY item_id, kind`,
      );
      args.push(a, b, ...extraArgs);
    }
    for (const r of c.days) daily(1, bucket, r);
    for (const r of c.minusDays) daily(-1, bucket, r);
  });
  if (!parts.length) return [];
  // Each part is grouped on its own; merging the few thousand groups is cheaper in JS than a second SQL pass.
  type Cells = [itemId: string, kind: string, qty: number, value: number, bucket: number];
  // raw() hands back arrays, which the statement's row type cannot say.
  const rows = dynamicSql<Cells>(ctx.sqlite, parts.join(' UNION ALL '))
    .raw(true)
    .all(...args) as unknown as Cells[];
  const merged = new Map<string, KindTotal>();
  for (const [itemId, kind, qty, value, bucket] of rows) {
    const key = `${itemId}|${bucket}|${kind}`;
    const t = merged.get(key);
    if (t) {
      t.qty += qty;
      t.value += value;
    } else merged.set(key, { itemId, bucket, kind, qty, value });
  }
  return [...merged.values()];
}

type Item = typeof items.$inferSelect;
type Category = typeof itemCategories.$inferSelect;
export type ItemInfo = Pick<Item, 'code' | 'nameZh' | 'nameEn' | 'category' | 'baseUnit'> & {
  itemId: Item['id'];
  categoryZh: Category['nameZh'];
  categoryEn: Category['nameEn'];
};

/** Items (of one category, or all) with their category's names: its own code where it has no row. */
const itemsWithCategory = sql<ItemInfo, [{ category: string | null }]>(
  `SELECT i.id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.category,
          coalesce(c.name_zh, i.category) AS categoryZh, coalesce(c.name_en, i.category) AS categoryEn,
          i.base_unit AS baseUnit
   FROM items i LEFT JOIN item_categories c ON c.code = i.category
   WHERE @category IS NULL OR i.category = @category`,
);

/** Items by id with their category names. */
export function itemInfo(ctx: Ctx, category?: string | null): Map<string, ItemInfo> {
  return new Map(itemsWithCategory.all(ctx.sqlite, { category: category ?? null }).map((r) => [r.itemId, r]));
}

export const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
