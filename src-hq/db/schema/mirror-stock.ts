import { bigint, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { mirror, received } from './columns';

/**
 * Mirrors of store facts: the stock ledger, stocktakes and transfers.
 * Same column names and values as the store's tables (INTEGER -> bigint read back
 * as a JS number, booleans kept as 0/1 in smallint), keyed by (store_id, the
 * registry's key). Generated once from the store's drizzle schema and kept in
 * step by src-hq/db/mirror-columns.test.ts.
 */

export const stockMovesMirror = mirror.table(
  'stock_moves',
  {
    storeId: text('store_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: text('id').notNull(),
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    kind: text('kind').notNull(),
    qty: bigint('qty', { mode: 'number' }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    lot: text('lot').notNull().default(''),
    expiry: text('expiry'),
    occurredAt: bigint('occurred_at', { mode: 'number' }).notNull(),
    day: text('day').notNull(),
    postedAt: bigint('posted_at', { mode: 'number' }).notNull(),
    userId: text('user_id'),
    reason: text('reason').notNull().default(''),
    docType: text('doc_type').notNull().default(''),
    docId: text('doc_id').notNull().default(''),
    reversesSeq: bigint('reverses_seq', { mode: 'number' }),
    note: text('note').notNull().default(''),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const stockCountsMirror = mirror.table(
  'stock_counts',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    scope: text('scope').notNull(),
    blind: smallint('blind').notNull().default(0),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    startedBy: text('started_by'),
    postedAt: bigint('posted_at', { mode: 'number' }),
    postedBy: text('posted_by'),
    note: text('note').notNull().default(''),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const stockCountLinesMirror = mirror.table(
  'stock_count_lines',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    countId: text('count_id').notNull(),
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    lot: text('lot').notNull().default(''),
    bookQty: bigint('book_qty', { mode: 'number' }).notNull(),
    countedQty: bigint('counted_qty', { mode: 'number' }),
    entry: text('entry').notNull().default(''),
    countedAt: bigint('counted_at', { mode: 'number' }),
    countedBy: text('counted_by'),
    recount: smallint('recount').notNull().default(0),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const transfersMirror = mirror.table(
  'transfers',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    number: text('number').notNull(),
    direction: text('direction').notNull(),
    fromStore: text('from_store').notNull(),
    toStore: text('to_store').notNull(),
    status: text('status').notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }).notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }),
    createdBy: text('created_by'),
    receivedBy: text('received_by'),
    note: text('note').notNull().default(''),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const transferLinesMirror = mirror.table(
  'transfer_lines',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    transferId: text('transfer_id').notNull(),
    itemCode: text('item_code').notNull(),
    itemId: text('item_id'),
    lot: text('lot').notNull().default(''),
    expiry: text('expiry'),
    qtySent: bigint('qty_sent', { mode: 'number' }).notNull(),
    valueSent: bigint('value_sent', { mode: 'number' }).notNull(),
    qtyReceived: bigint('qty_received', { mode: 'number' }),
    note: text('note').notNull().default(''),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);
