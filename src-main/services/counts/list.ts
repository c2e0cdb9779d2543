import type { Ctx } from '../context';

/** Areas and categories to limit a count to; categories from the table and any the items use. */
export function scopeOptions(ctx: Ctx) {
  const areas = ctx.sqlite
    .prepare(
      'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM storage_areas WHERE active = 1 ORDER BY sort_order, code',
    )
    .all() as { id: string; code: string; nameZh: string; nameEn: string }[];
  const categories = ctx.sqlite
    .prepare(
      `SELECT code, name_zh AS nameZh, name_en AS nameEn FROM item_categories
       UNION ALL
       SELECT DISTINCT category, category, category FROM items
        WHERE category NOT IN (SELECT code FROM item_categories)
       ORDER BY 1`,
    )
    .all() as { code: string; nameZh: string; nameEn: string }[];
  return { areas, categories };
}
