import { bigint, pgSchema } from 'drizzle-orm/pg-core';

/**
 * Store facts live in their own PostgreSQL schema, `mirror`, under the store's
 * own table names: HQ's `users` (its staff) and a store's `users` (that store's
 * clerks) are different tables, and a reader sees at once which rows came from
 * the stores.
 */
export const mirror = pgSchema('mirror');

/** Every mirror row: the outbox entry that last wrote it and when it arrived (HQ's clock). */
export const received = {
  hqSeq: bigint('hq_seq', { mode: 'number' }).notNull(),
  hqReceivedAt: bigint('hq_received_at', { mode: 'number' }).notNull(),
};

/** HQ's own bookkeeping on master rows (never sent: the store keeps its own). */
export const stamps = {
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
};

/** Times are integer ms since the epoch, like the store's. */
export const ms = (name: string) => bigint(name, { mode: 'number' });
