import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core-refs';

/**
 * Month-end closing of the stock ledger. Months close in order, so the closed
 * ones are always a run ending at the latest: no movement may be dated before
 * the end of that month (services/stock/periods.ts). A reopened month keeps
 * its row with who reopened it and why; the audit log holds every cycle.
 */
export const stockPeriods = sqliteTable('stock_periods', {
  /** 'YYYY-MM', a month of the store's business days. */
  month: text('month').primaryKey(),
  status: text('status', { enum: ['closed', 'reopened'] }).notNull(),
  /** The first instant after the month (store time zone): everything before it is locked while closed. */
  endsAt: integer('ends_at').notNull(),
  closedAt: integer('closed_at').notNull(),
  closedBy: text('closed_by').references(() => users.id),
  reopenedAt: integer('reopened_at'),
  reopenedBy: text('reopened_by').references(() => users.id),
  reopenReason: text('reopen_reason').notNull().default(''),
});

/**
 * Each item's moving-average state at the end of a closed month, so a costing
 * replay after a back-dated movement starts there and never reaches (or
 * rewrites) a row of a closed month. Deleted when the month is reopened.
 */
export const stockPeriodCosts = sqliteTable(
  'stock_period_costs',
  {
    month: text('month').notNull(),
    itemId: text('item_id').notNull(),
    qty: integer('qty').notNull(),
    value: integer('value').notNull(),
    lastQty: integer('last_qty').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.itemId] }), index('stock_period_costs_item_idx').on(t.itemId, t.month)],
);
