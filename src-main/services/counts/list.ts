import type { itemCategories } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { activeAreas } from '../ops/pickers';

/** Categories from their table, and any the items use that has no row there (named by its code). */
const scopeCategories = sql<Pick<typeof itemCategories.$inferSelect, 'code' | 'nameZh' | 'nameEn'>>(
  `SELECT code, name_zh AS nameZh, name_en AS nameEn FROM item_categories
   UNION ALL
   SELECT DISTINCT category, category, category FROM items
    WHERE category NOT IN (SELECT code FROM item_categories)
   ORDER BY 1`,
);

/** Areas and categories to limit a count to. */
export function scopeOptions(ctx: Ctx) {
  return { areas: activeAreas.all(ctx.sqlite), categories: scopeCategories.all(ctx.sqlite) };
}
