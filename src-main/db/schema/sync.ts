import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The store's side of replication with HQ (src-main/sync, docs/sync.md).
 * Nothing here replicates itself; the credential never leaves the main process.
 */

/** Exactly one row (id = 1), made by the migration: whether and how this store syncs with HQ. */
export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    /** HQ's base URL (https://..., or http:// on loopback only). */
    hqUrl: text('hq_url'),
    hqName: text('hq_name'),
    /** HQ's code of this store (its store id at HQ is this database's store.id). */
    hqStoreCode: text('hq_store_code'),
    storeId: text('store_id'),
    /** The store's secret issued at enrollment: read by the worker only, returned by no API method. */
    credential: text('credential'),
    enrolledAt: integer('enrolled_at'),
    /**
     * The outbox stream: HQ acknowledges (store, stream, seq). A database
     * restored from a backup gets a new stream (its outbox numbering went back
     * in time); `streamBase` is the outbox seq just before the stream's entry 1.
     */
    streamId: text('stream_id'),
    streamBase: integer('stream_base').notNull().default(0),
    /** Changed before every push and mirrored in a file beside the database: a restored copy holds an older one. */
    epoch: text('epoch'),
    pullCursor: integer('pull_cursor').notNull().default(0),
    /** Set to 1 by the pull applier inside its transaction (and back to 0 before it commits): the outbox triggers stay quiet. */
    applying: integer('applying').notNull().default(0),
    hlcNode: text('hlc_node'),
    hlcLast: text('hlc_last'),
    /** The audit seq HQ asked about in its last push answer (its hash goes up as the next proof). */
    auditProofSeq: integer('audit_proof_seq'),
    /** One worker per database: whoever holds this until `lockUntil` pushes and pulls. */
    lockOwner: text('lock_owner'),
    lockUntil: integer('lock_until'),
    lastAttemptAt: integer('last_attempt_at'),
    lastSuccessAt: integer('last_success_at'),
    /** Last failure to reach HQ (network, timeout, HQ busy): JSON {code, message, at}. */
    lastError: text('last_error'),
    /** Last refusal from HQ: JSON {code, message, at}; cleared by the next success. */
    lastRefusal: text('last_refusal'),
    /** A refusal only a person can resolve (revoked, update the app): the worker waits for "sync now" or a fix. */
    stoppedReason: text('stopped_reason'),
    /** HQ's clock minus this PC's, from the last answer (ms). */
    clockOffsetMs: integer('clock_offset_ms'),
    /** When the pulled master data was last checked against HQ's checksums. */
    verifiedAt: integer('verified_at'),
    lateTotal: integer('late_total').notNull().default(0),
  },
  (t) => [check('sync_state_one_row', sql`${t.id} = 1`)],
);

/**
 * Every change of a replicated store row, written by the triggers of the
 * `sync_outbox` migration in the same transaction as the change. The row
 * itself is read when pushed (the newest state), so an entry is tiny.
 */
export const syncOutbox = sqliteTable('sync_outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  tbl: text('tbl').notNull(),
  /** The row's key ('id', or the key columns joined by U+001F). */
  rowId: text('row_id').notNull(),
  op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
  at: integer('at').notNull(),
});

/** Master rows matched to HQ's at enrollment under another id: HQ translates them; kept here as the record. */
export const syncIdMap = sqliteTable(
  'sync_id_map',
  {
    tbl: text('tbl').notNull(),
    localId: text('local_id').notNull(),
    hqId: text('hq_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.localId] }), uniqueIndex('sync_id_map_hq_uq').on(t.tbl, t.hqId)],
);

/** The HLC stamp of each field of a record edited at both ends (work orders), per row. */
export const syncFieldClocks = sqliteTable(
  'sync_field_clocks',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    clock: text('clock').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.rowId, t.field] })],
);

/**
 * What could not be applied, with why: `up` entries HQ dead-lettered (acknowledged, kept at HQ too),
 * `down` changes from HQ this store could not apply or rows a refetch removed (their content kept).
 */
export const syncDeadLetters = sqliteTable(
  'sync_dead_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    direction: text('direction', { enum: ['up', 'down'] }).notNull(),
    streamId: text('stream_id'),
    seq: integer('seq'),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op').notNull(),
    reason: text('reason').notNull(),
    /** JSON of the row as it was (down) or its key (up). */
    data: text('data').notNull().default('{}'),
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('sync_dead_letters_entry_uq').on(t.streamId, t.seq), index('sync_dead_letters_at_idx').on(t.at)],
);

/** One row per worker run: what went up and down, and how it ended. */
export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
    trigger: text('trigger', { enum: ['timer', 'write', 'manual', 'start'] }).notNull(),
    sent: integer('sent').notNull().default(0),
    received: integer('received').notNull().default(0),
    deadLetters: integer('dead_letters').notNull().default(0),
    late: integer('late').notNull().default(0),
    result: text('result', { enum: ['running', 'ok', 'offline', 'refused', 'error'] }).notNull(),
    /** Refusal or error code (HQ's refusal codes, NETWORK, TIMEOUT, ...). */
    code: text('code'),
    message: text('message').notNull().default(''),
  },
  (t) => [index('sync_runs_started_idx').on(t.startedAt)],
);

/** The plan confirmed at enrollment, conflicts with both values: the store's values that lost stay here. */
export const syncEnrollments = sqliteTable('sync_enrollments', {
  id: text('id').primaryKey(),
  at: integer('at').notNull(),
  hqUrl: text('hq_url').notNull(),
  hqName: text('hq_name').notNull(),
  hqStoreCode: text('hq_store_code').notNull(),
  planHash: text('plan_hash').notNull(),
  /** JSON MatchPlan[] (src-shared/sync/protocol.ts). */
  plans: text('plans').notNull(),
  userId: text('user_id'),
});

/** Keys received during a refetch of a table: what is not here when the last page arrives is not at HQ. */
export const syncRefetchSeen = sqliteTable(
  'sync_refetch_seen',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.rowId] })],
);
