import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ms } from './columns';

/**
 * The chain's regions (华东, 华北…): a store belongs to at most one
 * (stores.region_id), and an HQ user's scope can be a list of them.
 * Managed by administrators and operations.
 */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('regions_code_uq').on(sql`lower(${t.code})`)],
);
