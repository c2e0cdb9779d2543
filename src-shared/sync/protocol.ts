/**
 * The store <-> HQ sync protocol: every request and answer as a zod schema,
 * used by the store's worker to build and read them and by HQ to check and
 * answer them, so a change on one side fails the other's build. Transport:
 * HTTPS POST of JSON to `/sync/v1/<name>`; every request but `enroll/*` and
 * `session` carries `Authorization: Bearer <access token>`.
 *
 * Money and quantities travel as integers (the store's fixed-point units),
 * never floats; times as integer ms since the epoch or the stores' own text
 * (business days 'YYYY-MM-DD'). See docs/sync.md for the guarantees.
 */
import { z } from 'zod';
import { isHlc } from './hlc';

export const SYNC_PATH = '/sync/v1';

/** Bounds every request: a batch or page bigger than this is refused, whatever sent it. */
export const LIMITS = {
  bodyBytes: 8 * 1024 * 1024,
  entriesPerBatch: 5000,
  changesPerPage: 5000,
  textBytes: 1024 * 1024,
} as const;

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const Seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const TableName = z.string().regex(/^[a-z][a-z_]{1,62}$/);
const Version = z.number().int().min(0).max(1_000_000);
const AppVersion = z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]{1,40})?$/);
export const HlcText = z.string().refine(isHlc, { message: 'not an HLC stamp' });

/** A column value on the wire: integer, text or null (booleans as 0/1, as SQLite keeps them). */
export const WireValueSchema = z.union([
  z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  z.string().max(LIMITS.textBytes),
  z.null(),
]);
export const WireRowSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), WireValueSchema);

/**
 * A fresh uuid per HTTP attempt (a retry of the same batch gets a new one):
 * HQ remembers them for a day and refuses one it has seen (REPLAYED), so a
 * captured request cannot be played again. Re-sending a batch is safe anyway:
 * it is acknowledged by sequence numbers, never applied twice.
 */
export const RequestId = Uuid;

/** What every request says about who is asking and with which versions. */
export const Versions = z.object({
  protocol: Version,
  /** REPLICATION_SCHEMA of the sender (version.ts). */
  schema: Version,
  app: AppVersion,
});

// ---- refusals --------------------------------------------------------------

/**
 * Why HQ refused a request as a whole. Each has a fixed meaning the store
 * acts on (see the worker) and shows in words; `retry` says whether the same
 * request may succeed later without anyone doing anything.
 */
export const REFUSALS = {
  BAD_REQUEST: { status: 400, retry: false },
  TOO_LARGE: { status: 413, retry: false },
  UNAUTHENTICATED: { status: 401, retry: true },
  INVALID_CODE: { status: 403, retry: false },
  REVOKED: { status: 403, retry: false },
  WRONG_STORE: { status: 403, retry: false },
  REPLAYED: { status: 409, retry: false },
  GAP: { status: 409, retry: true },
  STORE_UPDATE_REQUIRED: { status: 426, retry: false },
  HQ_UPDATE_REQUIRED: { status: 409, retry: true },
  CLOCK_AHEAD: { status: 409, retry: true },
  /** enroll/confirm: HQ's master data changed since the preview the admin saw: preview again. */
  PLAN_CHANGED: { status: 409, retry: false },
  /** enroll: too many wrong codes from this address (or overall) lately; `retryAfter` says how long to wait. */
  TOO_MANY_ATTEMPTS: { status: 429, retry: false },
  /** The request body did not arrive in time (a stalled link): send it again. */
  TIMEOUT: { status: 408, retry: true },
  BUSY: { status: 503, retry: true },
} as const;
export type RefusalCode = keyof typeof REFUSALS;
export const RefusalSchema = z.object({
  ok: z.literal(false),
  code: z.enum(Object.keys(REFUSALS) as [RefusalCode, ...RefusalCode[]]),
  message: z.string().max(2000),
  /** HQ's clock (ms) when it answered. */
  hqTime: z.number().int(),
  /** GAP: where the store must resume. */
  expectedSeq: z.number().int().optional(),
  /** TOO_MANY_ATTEMPTS: seconds before HQ takes another try (also the Retry-After header). */
  retryAfter: z.number().int().min(0).optional(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

// ---- enrollment ------------------------------------------------------------

/** One master row the store already has, for matching by code. */
export const ExistingRow = z.object({
  id: z.string().max(80),
  code: z.string().max(80),
  /** The HQ-owned columns as the store has them. */
  row: WireRowSchema,
});

export const EnrollPreviewRequest = z.object({
  code: z.string().min(6).max(40),
  versions: Versions,
  store: z.object({
    localId: Uuid,
    code: z.string().max(40),
    name: z.string().max(200),
    timezone: z.string().max(64),
    currency: z.string().regex(/^[A-Z]{3}$/),
  }),
  /** The store's master rows by table (items, suppliers, equipment, fault codes, ...). */
  existing: z.record(TableName, z.array(ExistingRow).max(100_000)),
});

export const MatchPlan = z.object({
  table: TableName,
  /** Same code at both ends, same HQ-owned values: the store keeps its id, mapped to HQ's. */
  matched: z.array(z.object({ code: z.string(), localId: z.string(), hqId: z.string() })),
  /** At the store only: HQ adopts them under the store's ids. */
  adopted: z.array(z.object({ code: z.string(), localId: z.string() })),
  /** Same code, different HQ-owned values: HQ's values win on confirm; the store's are kept in the report. */
  conflicts: z.array(
    z.object({
      code: z.string(),
      localId: z.string(),
      hqId: z.string(),
      fields: z.array(z.object({ column: z.string(), store: WireValueSchema, hq: WireValueSchema })),
    }),
  ),
  /** At HQ only: they arrive with the first pull. */
  incoming: z.number().int(),
});
export type MatchPlan = z.infer<typeof MatchPlan>;

export const EnrollPreviewResponse = z.object({
  ok: z.literal(true),
  hqName: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  plans: z.array(MatchPlan),
  /** Sent back with enroll/confirm: HQ confirms only this plan. */
  planHash: z.string().max(128),
  hqTime: z.number().int(),
});

export const EnrollConfirmRequest = EnrollPreviewRequest.extend({
  /** The plan the admin saw: HQ refuses to confirm if its data changed since (preview again). */
  planHash: z.string().max(128),
});

export const EnrollConfirmResponse = z.object({
  ok: z.literal(true),
  storeId: Uuid,
  /** The store's own secret: kept only in the store database (main process). */
  credential: z.string().min(32).max(128),
  plans: z.array(MatchPlan),
  hqTime: z.number().int(),
});

// ---- session -----------------------------------------------------------------

export const SessionRequest = z.object({
  requestId: RequestId,
  storeId: Uuid,
  credential: z.string().min(32).max(128),
  versions: Versions,
});
export const SessionResponse = z.object({
  ok: z.literal(true),
  token: z.string().min(32).max(128),
  expiresAt: z.number().int(),
  hqTime: z.number().int(),
  /** Where this store's app updates are (a path on HQ's address, see update-feed.ts); absent: HQ serves none. */
  updateFeed: z
    .string()
    .max(200)
    .regex(/^\/[A-Za-z0-9/_.-]*$/)
    .optional(),
});

// ---- push: store facts up ----------------------------------------------------

export const OutboxEntry = z.object({
  seq: Seq,
  table: TableName,
  op: z.enum(['upsert', 'delete']),
  /** upsert: the row's replicated columns; delete: its key columns. */
  row: WireRowSchema,
  /** For shared tables (work orders): the HLC stamp of each field this entry sets. */
  clocks: z.record(z.string(), HlcText).optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const AuditMark = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$|^$/) });

export const PushRequest = z.object({
  requestId: RequestId,
  storeId: Uuid,
  /** Idempotency: the same batch id with the same range is acknowledged again, never applied twice. */
  batchId: Uuid,
  streamId: Uuid,
  fromSeq: Seq,
  toSeq: Seq,
  versions: Versions,
  /** The store's HLC after stamping this batch. */
  clock: HlcText,
  /** The store's wall clock when it sent the batch (ms). */
  sentAt: z.number().int(),
  audit: z.object({
    head: AuditMark,
    /** The hash of the audit entry HQ asked about in its last answer (`auditProofSeq`), as the store has it now. */
    proof: AuditMark.nullable(),
  }),
  /** Entries waiting at the store after this batch (for HQ's backlog figure). */
  backlog: z.number().int().min(0),
  entries: z.array(OutboxEntry).max(LIMITS.entriesPerBatch),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const DeadLetter = z.object({
  seq: Seq,
  table: z.string(),
  reason: z.string().max(2000),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const PushResponse = z.object({
  ok: z.literal(true),
  /** Every entry up to here is at HQ (applied, skipped as a duplicate, or dead-lettered). */
  ackSeq: z.number().int().min(0),
  duplicate: z.boolean(),
  deadLetters: z.array(DeadLetter),
  /** Entries stored and flagged late (their day is in a period HQ closed). */
  late: z.number().int().min(0),
  /** The audit seq whose hash HQ wants as `proof` in the next push. */
  auditProofSeq: z.number().int().min(0).nullable(),
  hqTime: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull: master data and shared records down ------------------------------

export const Change = z.object({
  version: z.number().int().min(1),
  table: TableName,
  op: z.enum(['upsert', 'delete']),
  row: WireRowSchema,
  clocks: z.record(z.string(), HlcText).optional(),
});
export type Change = z.infer<typeof Change>;

export const PullRequest = z.object({
  requestId: RequestId,
  storeId: Uuid,
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(LIMITS.changesPerPage),
  versions: Versions,
  /**
   * Tables whose checksum failed: HQ answers with their whole current content
   * instead of changes (pages of upserts in key order; `nextCursor` stays at
   * `cursor`); the store keeps the rows it saw, removes the others once the
   * last page (`refetchAfter: null`) arrived, then pulls on from its cursor.
   */
  refetch: z.array(TableName).max(50).optional(),
  /** The `refetchAfter` of the previous refetch page. */
  refetchAfter: z.string().max(4000).optional(),
});

export const PullResponse = z.object({
  ok: z.literal(true),
  changes: z.array(Change),
  nextCursor: z.number().int().min(0),
  more: z.boolean(),
  /** On the last page: what the store should now hold of each down table. */
  checksums: z.record(TableName, z.object({ count: z.number().int(), sum: z.string() })).optional(),
  /** Refetch answers only: where the next page starts, or null on the last one. */
  refetchAfter: z.string().max(4000).nullable().optional(),
  /** HQ's HLC, merged by the store only after it applied the page. */
  clock: HlcText,
  hqTime: z.number().int(),
});
export type PullResponse = z.infer<typeof PullResponse>;
