import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items, users } from './core-refs';

/**
 * Inventory. Exact numbers everywhere:
 * - quantities are integers in thousandths of the item's base unit (g, ml, pc): 1 kg = 1_000_000,
 * - money is an integer in ten-thousandths of the store currency: ¥1.00 = 10_000.
 * Dates of the business day are 'YYYY-MM-DD' in the store's time zone.
 */

export const storageAreas = sqliteTable(
  'storage_areas',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('storage_areas_code_uq').on(t.code)],
);

export const itemCategories = sqliteTable(
  'item_categories',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('item_categories_code_uq').on(t.code)],
);

/** Purchase and count units of an item: 1 箱 = 10 kg is factor 10_000_000 (thousandths of g). */
export const itemUnits = sqliteTable(
  'item_units',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    unit: text('unit').notNull(),
    /** Thousandths of the base unit in one of this unit. */
    factor: integer('factor').notNull(),
    purchase: integer('purchase', { mode: 'boolean' }).notNull().default(false),
    count: integer('count', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.unit] })],
);

export const itemBarcodes = sqliteTable(
  'item_barcodes',
  {
    barcode: text('barcode').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    /** The unit one scan stands for (empty = the base unit). */
    unit: text('unit').notNull().default(''),
  },
  (t) => [index('item_barcodes_item_idx').on(t.itemId)],
);

/**
 * The stock ledger: append-only. A correction is a reversing row (reverses_seq),
 * never an edit. `value` is the movement's cost value; for outbound rows it is
 * set by moving-average costing and may be rewritten only by the costing replay
 * when a back-dated row lands before it (see services/stock/costing.ts).
 */
export const stockMoves = sqliteTable(
  'stock_moves',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    areaId: text('area_id')
      .notNull()
      .references(() => storageAreas.id),
    kind: text('kind').notNull(),
    qty: integer('qty').notNull(),
    value: integer('value').notNull(),
    /** '' when the item is not lot-tracked. */
    lot: text('lot').notNull().default(''),
    expiry: text('expiry'),
    occurredAt: integer('occurred_at').notNull(),
    day: text('day').notNull(),
    postedAt: integer('posted_at').notNull(),
    userId: text('user_id').references(() => users.id),
    reason: text('reason').notNull().default(''),
    docType: text('doc_type').notNull().default(''),
    docId: text('doc_id').notNull().default(''),
    reversesSeq: integer('reverses_seq'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('stock_moves_id_uq').on(t.id),
    index('stock_moves_item_time_idx').on(t.itemId, t.occurredAt, t.seq),
    index('stock_moves_time_idx').on(t.occurredAt, t.seq),
    index('stock_moves_doc_idx').on(t.docType, t.docId),
    index('stock_moves_area_time_idx').on(t.areaId, t.occurredAt),
    index('stock_moves_kind_time_idx').on(t.kind, t.occurredAt),
    index('stock_moves_reverses_idx').on(t.reversesSeq),
  ],
);

/** On hand per item, area and lot, kept in the same transaction as each movement. */
export const stockBalances = sqliteTable(
  'stock_balances',
  {
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    lot: text('lot').notNull().default(''),
    expiry: text('expiry'),
    qty: integer('qty').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.areaId, t.lot] }), index('stock_balances_area_idx').on(t.areaId)],
);

/** Moving-average state per item (all areas): quantity and value; average = value / qty. */
export const itemCosts = sqliteTable('item_costs', {
  itemId: text('item_id').primaryKey(),
  qty: integer('qty').notNull(),
  value: integer('value').notNull(),
  /** The last average while stock was positive, as value per `lastQty`, used when stock goes negative. */
  lastValue: integer('last_value').notNull().default(0),
  lastQty: integer('last_qty').notNull().default(0),
  lastOccurredAt: integer('last_occurred_at').notNull().default(0),
  lastSeq: integer('last_seq').notNull().default(0),
});

/** Daily and monthly totals per item, area and kind: reports sum these, not the ledger. */
export const stockDaily = sqliteTable(
  'stock_daily',
  {
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    day: text('day').notNull(),
    kind: text('kind').notNull(),
    qty: integer('qty').notNull(),
    value: integer('value').notNull(),
    moves: integer('moves').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.areaId, t.day, t.kind] }), index('stock_daily_day_idx').on(t.day)],
);

export const stockMonthly = sqliteTable(
  'stock_monthly',
  {
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    qty: integer('qty').notNull(),
    value: integer('value').notNull(),
    moves: integer('moves').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.areaId, t.month, t.kind] }), index('stock_monthly_month_idx').on(t.month)],
);

/** Reason codes for waste and adjustments, editable by admins (HQ-owned once sync exists). */
export const reasonCodes = sqliteTable(
  'reason_codes',
  {
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** Files attached to documents (waste photos, ...). Small images only; size checked by the service. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    data: text('data', { mode: 'text' }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

export const stockCounts = sqliteTable('stock_counts', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  status: text('status', { enum: ['open', 'posted', 'cancelled'] }).notNull(),
  /** JSON: { areaIds: string[], categories: string[] } (empty = everything). */
  scope: text('scope').notNull(),
  blind: integer('blind', { mode: 'boolean' }).notNull().default(false),
  startedAt: integer('started_at').notNull(),
  startedBy: text('started_by'),
  postedAt: integer('posted_at'),
  postedBy: text('posted_by'),
  note: text('note').notNull().default(''),
});

export const stockCountLines = sqliteTable(
  'stock_count_lines',
  {
    id: text('id').primaryKey(),
    countId: text('count_id')
      .notNull()
      .references(() => stockCounts.id),
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    lot: text('lot').notNull().default(''),
    /** Book quantity frozen when the count started. */
    bookQty: integer('book_qty').notNull(),
    countedQty: integer('counted_qty'),
    /** What was typed, e.g. "2 箱 + 3.5 kg", kept for the count sheet. */
    entry: text('entry').notNull().default(''),
    countedAt: integer('counted_at'),
    countedBy: text('counted_by'),
    recount: integer('recount', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('stock_count_lines_uq').on(t.countId, t.itemId, t.areaId, t.lot),
    index('stock_count_lines_item_idx').on(t.itemId),
  ],
);

/** Transfers between stores: out puts stock in transit; the receiving store confirms what arrived. */
export const transfers = sqliteTable(
  'transfers',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    direction: text('direction', { enum: ['out', 'in'] }).notNull(),
    fromStore: text('from_store').notNull(),
    toStore: text('to_store').notNull(),
    status: text('status', { enum: ['in_transit', 'received', 'cancelled'] }).notNull(),
    sentAt: integer('sent_at').notNull(),
    receivedAt: integer('received_at'),
    createdBy: text('created_by'),
    receivedBy: text('received_by'),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('transfers_number_dir_uq').on(t.number, t.direction)],
);

export const transferLines = sqliteTable(
  'transfer_lines',
  {
    id: text('id').primaryKey(),
    transferId: text('transfer_id')
      .notNull()
      .references(() => transfers.id),
    itemCode: text('item_code').notNull(),
    itemId: text('item_id'),
    lot: text('lot').notNull().default(''),
    expiry: text('expiry'),
    qtySent: integer('qty_sent').notNull(),
    valueSent: integer('value_sent').notNull(),
    qtyReceived: integer('qty_received'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('transfer_lines_transfer_idx').on(t.transferId)],
);
