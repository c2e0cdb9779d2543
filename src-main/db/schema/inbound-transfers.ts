import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Transfers another store of the chain sent here, as HQ routed them: HQ
 * master data for this store only (perStore, src-shared/sync/tables.ts),
 * written by the pull applier and never by the store, so the checksums
 * always agree. Receiving one makes it a `transfers` row (direction 'in',
 * the sender's ids), which is where its status lives.
 */
export const inboundTransfers = sqliteTable(
  'inbound_transfers',
  {
    /** The sending store's transfer id. */
    id: text('id').primaryKey(),
    /** The destination (this store's store.id). */
    storeId: text('store_id'),
    number: text('number').notNull(),
    fromStore: text('from_store').notNull(),
    fromStoreName: text('from_store_name').notNull().default(''),
    toStore: text('to_store').notNull(),
    sentAt: integer('sent_at').notNull(),
    note: text('note').notNull().default(''),
    /** JSON [{ id, itemCode, lot, expiry, qty, value }]: the sender's lines, as the transfer file carries them. */
    lines: text('lines').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('inbound_transfers_from_idx').on(t.fromStore, t.number)],
);
