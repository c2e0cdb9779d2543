import { bigint, bigserial, boolean, index, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Running totals of every store's mirrored stock ledger, for the chain views.
 * The store answers its reports from its own daily and monthly totals
 * (posting writes them with the ledger row); HQ receives only the ledger.
 * Triggers on mirror.stock_moves (drizzle-hq/0007_chain_rollup_triggers.sql)
 * append each batch's changes to chain_move_queue in the push's transaction
 * (one plain insert per row: the ingest stays fast), and HQ's tick folds the
 * queue into these totals in large grouped batches (chain_fold(), one folder
 * at a time): stock on hand is a lookup and a month's summary reads one
 * month of totals, never the ledger. A repriced row (the store's costing
 * replay) arrives as an update: its old values go out, its new ones in, so
 * the folded totals always equal sums over the mirror.
 */

/** Changes of the mirrored ledger not yet folded into the totals: +1 rows that arrived, -1 rows that left. */
export const chainMoveQueue = pgTable('chain_move_queue', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sign: smallint('sign').notNull(),
  /** Arrived new (not an update): may set its lot's expiry. */
  fresh: boolean('fresh').notNull(),
  storeId: text('store_id').notNull(),
  itemId: text('item_id').notNull(),
  areaId: text('area_id').notNull(),
  lot: text('lot').notNull(),
  expiry: text('expiry'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  kind: text('kind').notNull(),
  day: text('day').notNull(),
  /** The reason waste is reported under (see chainItemMonthly). */
  reason: text('reason').notNull(),
  /** 1, or -1 for a reversal. */
  moves: smallint('moves').notNull(),
  qty: bigint('qty', { mode: 'number' }).notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

/** Per store and item: the whole ledger's quantity and value (stock on hand). */
export const chainItemBalances = pgTable(
  'chain_item_balances',
  {
    storeId: text('store_id').notNull(),
    itemId: text('item_id').notNull(),
    qty: bigint('qty', { mode: 'number' }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    moves: bigint('moves', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.itemId] }), index('chain_item_balances_item').on(t.itemId)],
);

/** Per store, item, area and lot: the quantity, and the lot's expiry as the store keeps it (the last one given). */
export const chainLotBalances = pgTable(
  'chain_lot_balances',
  {
    storeId: text('store_id').notNull(),
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    lot: text('lot').notNull(),
    expiry: text('expiry'),
    qty: bigint('qty', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.itemId, t.areaId, t.lot] }),
    index('chain_lot_balances_expiry').on(t.expiry),
  ],
);

/**
 * Per month (of the business day), store, item, kind and waste reason: what
 * the store's stock_monthly holds, plus the reason waste is reported under
 * (a reversal under the reason of the row it reverses, like the store's waste
 * report; '' for kinds that are not waste).
 */
export const chainItemMonthly = pgTable(
  'chain_item_monthly',
  {
    month: text('month').notNull(),
    storeId: text('store_id').notNull(),
    itemId: text('item_id').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    qty: bigint('qty', { mode: 'number' }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    /** Movements, a reversal counting -1 (the store's waste report counts them so). */
    moves: bigint('moves', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.storeId, t.itemId, t.kind, t.reason] })],
);

/**
 * The same per store, without the item: what a store's summary line, its
 * waste by reason and the dashboard read (a few thousand rows a month for a
 * hundred stores, where the item totals hold a few million).
 */
export const chainStoreMonthly = pgTable(
  'chain_store_monthly',
  {
    month: text('month').notNull(),
    storeId: text('store_id').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    qty: bigint('qty', { mode: 'number' }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    moves: bigint('moves', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.storeId, t.kind, t.reason] })],
);

/** Per store and business day: the net change of stock value (the dashboard's value trend). */
export const chainStoreDaily = pgTable(
  'chain_store_daily',
  {
    storeId: text('store_id').notNull(),
    day: text('day').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] })],
);
