import { sql } from 'drizzle-orm';
import { rows, type Q } from '../../db/client';

export interface ItemLabel {
  itemId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  categoryZh: string;
  categoryEn: string;
  baseUnit: string;
}

/** HQ's catalogue with each item's category names (its code where the category has no row), by item id. */
export async function itemLabels(q: Q): Promise<Map<string, ItemLabel>> {
  const found = await rows<ItemLabel>(
    q,
    sql`SELECT i.id AS "itemId", i.code, i.name_zh AS "nameZh", i.name_en AS "nameEn", i.category,
               coalesce(c.name_zh, i.category) AS "categoryZh", coalesce(c.name_en, i.category) AS "categoryEn",
               i.base_unit AS "baseUnit"
        FROM items i LEFT JOIN item_categories c ON c.code = i.category`,
  );
  return new Map(found.map((r) => [r.itemId, r]));
}
