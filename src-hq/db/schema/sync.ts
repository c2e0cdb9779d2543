import { bigint, bigserial, boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ms } from './columns';
import { stores } from './stores';

/**
 * The bookkeeping of replication at HQ. See docs/sync.md for the rules these
 * tables enforce.
 */

/** Per (store, outbox stream): every entry up to ack_seq is at HQ. Locked FOR UPDATE by each push. */
export const syncStreams = pgTable(
  'sync_streams',
  {
    storeId: text('store_id').notNull(),
    streamId: text('stream_id').notNull(),
    ackSeq: bigint('ack_seq', { mode: 'number' }).notNull().default(0),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.streamId] })],
);

/** Request ids seen in the last day: a reused one is refused (REPLAYED). */
export const syncRequests = pgTable(
  'sync_requests',
  {
    requestId: text('request_id').primaryKey(),
    storeId: text('store_id').notNull(),
    path: text('path').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [index('sync_requests_at_idx').on(t.at)],
);

/** Entries HQ could not take, with why: acknowledged (they never block the queue) and shown at both ends. */
export const syncDeadLetters = pgTable(
  'sync_dead_letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: text('store_id').notNull(),
    streamId: text('stream_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    tbl: text('tbl').notNull(),
    op: text('op').notNull(),
    /** The entry as it came (bounded: the request was). */
    entry: jsonb('entry').notNull(),
    reason: text('reason').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [uniqueIndex('sync_dead_letters_uq').on(t.storeId, t.streamId, t.seq)],
);

/** Entries dated in a period HQ had closed when they arrived: stored like any other, and listed here. */
export const syncLateEntries = pgTable(
  'sync_late_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: text('store_id').notNull(),
    streamId: text('stream_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    tbl: text('tbl').notNull(),
    rowKey: text('row_key').notNull(),
    /** 'YYYY-MM' of the entry's period column. */
    month: text('month').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [uniqueIndex('sync_late_entries_uq').on(t.storeId, t.streamId, t.seq)],
);

/** Audit-chain heads each store reported: a later proof that disagrees means its chain was rewritten. */
export const syncAuditHeads = pgTable(
  'sync_audit_heads',
  {
    storeId: text('store_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    seenAt: ms('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.seq] })],
);

export const syncAuditMismatches = pgTable(
  'sync_audit_mismatches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: text('store_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    recordedHash: text('recorded_hash').notNull(),
    presentedHash: text('presented_hash').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [index('sync_audit_mismatches_store_idx').on(t.storeId, t.at)],
);

/**
 * A store's master rows matched to HQ's at enrollment keep their local id:
 * local -> HQ on the way up (columns marked `refs`), HQ -> local on the way down.
 */
export const syncIdMap = pgTable(
  'sync_id_map',
  {
    storeId: text('store_id').notNull(),
    tbl: text('tbl').notNull(),
    localId: text('local_id').notNull(),
    hqId: text('hq_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tbl, t.localId] }),
    uniqueIndex('sync_id_map_hq_uq').on(t.storeId, t.tbl, t.hqId),
  ],
);

/**
 * Every HQ write a store must learn of, in commit order: writers take a
 * transaction-scoped advisory lock before appending (src-hq/services/master/
 * change-log.ts), so a version is never visible before a smaller one.
 */
export const changeLog = pgTable(
  'change_log',
  {
    version: bigserial('version', { mode: 'number' }).primaryKey(),
    tbl: text('tbl').notNull(),
    rowKey: text('row_key').notNull(),
    /** null: every store; else the one store that holds the row (equipment, its work orders). */
    storeId: text('store_id').references(() => stores.id, { onUpdate: 'cascade' }),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    /** The row in wire form (HQ ids): key and HQ-owned columns; for deletes the key. */
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull(),
    clocks: jsonb('clocks').$type<Record<string, string>>(),
    at: ms('at').notNull(),
  },
  (t) => [index('change_log_store_idx').on(t.storeId, t.version), index('change_log_tbl_idx').on(t.tbl, t.version)],
);

/** Months HQ has closed: '*' for the whole chain or one store's id. Entries dated in them arrive late. */
export const closedPeriods = pgTable(
  'closed_periods',
  {
    scope: text('scope').notNull(),
    month: text('month').notNull(),
    closedAt: ms('closed_at').notNull(),
    closedBy: text('closed_by'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.month] })],
);

/**
 * Every stamped value of a work-order field that reached HQ, from a store or
 * from HQ's own staff: the row in mirror.work_orders holds the one with the
 * highest stamp; the others stay here (an older value arriving late is kept,
 * never applied).
 */
export const workOrderFieldValues = pgTable(
  'work_order_field_values',
  {
    storeId: text('store_id').notNull(),
    workOrderId: text('work_order_id').notNull(),
    field: text('field').notNull(),
    clock: text('clock').notNull(),
    value: jsonb('value').$type<string | number | null>(),
    /** 'store' or 'hq'. */
    source: text('source').notNull(),
    applied: boolean('applied').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.workOrderId, t.field, t.clock] })],
);
