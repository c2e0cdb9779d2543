import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { stamps } from './columns';
import { stores } from './stores';

/**
 * Transfers out HQ routed (or could not route) to another store of the chain.
 * A per-store master table (src-shared/sync/tables.ts): the destination
 * pulls its rows like its equipment. A row without a destination (store_id
 * null) is logged for no store and carries why in `problem`.
 */
export const inboundTransfers = pgTable(
  'inbound_transfers',
  {
    /** The sending store's transfer id. */
    id: text('id').primaryKey(),
    storeId: text('store_id').references(() => stores.id, { onUpdate: 'cascade' }),
    number: text('number').notNull(),
    fromStore: text('from_store').notNull(),
    fromStoreName: text('from_store_name').notNull().default(''),
    toStore: text('to_store').notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    lines: text('lines').notNull(),
    /** HQ's own: the sender (stores.id) and, for a transfer HQ could not route, why. Never sent. */
    fromStoreId: text('from_store_id').notNull().default(''),
    problem: text('problem').notNull().default(''),
    ...stamps,
  },
  (t) => [index('inbound_transfers_store_idx').on(t.storeId), index('inbound_transfers_from_idx').on(t.fromStoreId)],
);
