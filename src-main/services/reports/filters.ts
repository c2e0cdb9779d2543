import type { itemCategories, storageAreas } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';

/** Every area, inactive ones too: reports cover the past. */
const allAreas = sql<Pick<typeof storageAreas.$inferSelect, 'id' | 'code' | 'nameZh' | 'nameEn'>>(
  'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM storage_areas ORDER BY sort_order, code',
);
/** The categories items use, named from their table where they have a row there (else by their code). */
const usedCategories = sql<Pick<typeof itemCategories.$inferSelect, 'code' | 'nameZh' | 'nameEn'>>(
  `SELECT c.code, coalesce(ic.name_zh, c.code) AS nameZh, coalesce(ic.name_en, c.code) AS nameEn
   FROM (SELECT DISTINCT category AS code FROM items) c LEFT JOIN item_categories ic ON ic.code = c.code
   ORDER BY coalesce(ic.sort_order, 999), c.code`,
);

/** Areas and categories for the report filters. */
export function reportFilters(ctx: Ctx) {
  return { areas: allAreas.all(ctx.sqlite), categories: usedCategories.all(ctx.sqlite) };
}
