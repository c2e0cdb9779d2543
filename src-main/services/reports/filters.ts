import type { Ctx } from '../context';

/** Areas and categories for the report filters; categories used by items but missing a row still appear. */
export function reportFilters(ctx: Ctx) {
  const areas = ctx.sqlite
    .prepare('SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM storage_areas ORDER BY sort_order, code')
    .all() as { id: string; code: string; nameZh: string; nameEn: string }[];
  const categories = ctx.sqlite
    .prepare(
      `SELECT c.code, coalesce(ic.name_zh, c.code) AS nameZh, coalesce(ic.name_en, c.code) AS nameEn
       FROM (SELECT DISTINCT category AS code FROM items) c LEFT JOIN item_categories ic ON ic.code = c.code
       ORDER BY coalesce(ic.sort_order, 999), c.code`,
    )
    .all() as { code: string; nameZh: string; nameEn: string }[];
  return { areas, categories };
}
