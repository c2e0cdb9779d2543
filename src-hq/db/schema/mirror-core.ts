import { bigint, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { mirror, received } from './columns';

/**
 * Mirrors of store facts: the store row, its users (no secrets), storage areas, closed months and label jobs (without their data).
 * Same column names and values as the store's tables (INTEGER -> bigint read back
 * as a JS number, booleans kept as 0/1 in smallint), keyed by (store_id, the
 * registry's key). Generated once from the store's drizzle schema and kept in
 * step by src-hq/db/mirror-columns.test.ts.
 */

export const storeMirror = mirror.table(
  'store',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    timezone: text('timezone').notNull(),
    currency: text('currency').notNull().default('CNY'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const usersMirror = mirror.table(
  'users',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    disabled: smallint('disabled').notNull().default(0),
    locale: text('locale'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const storageAreasMirror = mirror.table(
  'storage_areas',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
    active: smallint('active').notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const stockPeriodsMirror = mirror.table(
  'stock_periods',
  {
    storeId: text('store_id').notNull(),
    month: text('month').notNull(),
    status: text('status').notNull(),
    endsAt: bigint('ends_at', { mode: 'number' }).notNull(),
    closedAt: bigint('closed_at', { mode: 'number' }).notNull(),
    closedBy: text('closed_by'),
    reopenedAt: bigint('reopened_at', { mode: 'number' }),
    reopenedBy: text('reopened_by'),
    reopenReason: text('reopen_reason').notNull().default(''),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.month] })],
);

export const labelPrintsMirror = mirror.table(
  'label_prints',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    templateId: text('template_id').notNull(),
    printerId: text('printer_id'),
    copies: bigint('copies', { mode: 'number' }).notNull().default(1),
    sourceType: text('source_type').notNull().default(''),
    sourceId: text('source_id').notNull().default(''),
    status: text('status').notNull(),
    error: text('error').notNull().default(''),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    printedAt: bigint('printed_at', { mode: 'number' }),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);
