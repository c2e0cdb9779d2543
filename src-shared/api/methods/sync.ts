import { z } from 'zod';
import { mutation, query } from '../contract';
import { Empty, IsoTime } from '../common';
import { MatchPlan } from '../../sync/protocol';

/**
 * The store's side of replication with HQ (src-main/sync): its state for the
 * status bar, the sync screen (history, dead letters, refusals), "sync now",
 * and enrollment. The store's credential is never part of any answer.
 */
const Problem = z.object({
  /** HQ's refusal code (REVOKED, HQ_UPDATE_REQUIRED, ...) or NETWORK, TIMEOUT, TLS, CLOCK_BEHIND, ERROR. */
  code: z.string(),
  /** HQ's own words (English) or the network error: shown under the translated explanation. */
  message: z.string(),
  at: IsoTime,
});

export const SyncStatusDto = z.object({
  enrolled: z.boolean(),
  hqUrl: z.string().nullable(),
  hqName: z.string().nullable(),
  /** HQ's code for this store. */
  hqStoreCode: z.string().nullable(),
  enrolledAt: IsoTime.nullable(),
  /**
   * - idle: in step, next run on the timer or after a local write;
   * - syncing: a run is under way;
   * - offline: HQ cannot be reached (retrying with backoff);
   * - retrying: HQ refused or failed for a reason that can clear by itself;
   * - stopped: HQ refused for a reason a person must fix (see `refusal`);
   * - waiting: another window or process syncs this database.
   */
  state: z.enum(['not-enrolled', 'idle', 'syncing', 'offline', 'retrying', 'stopped', 'waiting']),
  online: z.boolean(),
  lastSuccessAt: IsoTime.nullable(),
  lastAttemptAt: IsoTime.nullable(),
  nextAttemptAt: IsoTime.nullable(),
  /** Outbox entries not yet acknowledged by HQ. */
  waiting: z.number().int(),
  deadLetters: z.number().int(),
  /** Entries HQ stored flagged late (dated in a month HQ had closed). */
  late: z.number().int(),
  /** During a long catch-up: entries acknowledged in this run out of those waiting when it began. */
  progress: z.object({ sent: z.number().int(), total: z.number().int() }).nullable(),
  lastError: Problem.nullable(),
  refusal: Problem.nullable(),
  /** HQ's clock minus this PC's, as last measured (ms); shown when it is more than 2 minutes. */
  clockOffsetMs: z.number().int().nullable(),
});
export type SyncStatusDto = z.output<typeof SyncStatusDto>;

export const SyncRunDto = z.object({
  id: z.number().int(),
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  trigger: z.enum(['timer', 'write', 'manual', 'start']),
  sent: z.number().int(),
  received: z.number().int(),
  deadLetters: z.number().int(),
  late: z.number().int(),
  result: z.enum(['running', 'ok', 'offline', 'refused', 'error']),
  code: z.string().nullable(),
  message: z.string(),
});
export type SyncRunDto = z.output<typeof SyncRunDto>;

export const DeadLetterDto = z.object({
  id: z.number().int(),
  /** up: an entry HQ could not accept (kept at HQ too); down: a change from HQ this store could not apply. */
  direction: z.enum(['up', 'down']),
  table: z.string(),
  rowId: z.string(),
  op: z.string(),
  seq: z.number().int().nullable(),
  reason: z.string(),
  data: z.string(),
  at: IsoTime,
});
export type DeadLetterDto = z.output<typeof DeadLetterDto>;

export const EnrollInput = z.object({
  hqUrl: z.string().trim().min(1, { message: 'sync.v.hqUrl' }).max(300),
  code: z.string().trim().min(6, { message: 'sync.v.code' }).max(40),
});

export const EnrollPlanDto = z.object({
  hqName: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  planHash: z.string(),
  plans: z.array(MatchPlan),
});
export type EnrollPlanDto = z.output<typeof EnrollPlanDto>;

export const EnrollmentReportDto = z.object({
  at: IsoTime,
  hqUrl: z.string(),
  hqName: z.string(),
  hqStoreCode: z.string(),
  plans: z.array(MatchPlan),
});

const SYNC_QUERIES = ['sync.status', 'sync.history', 'sync.deadLetters', 'sync.enrollment'] as const;

export const syncMethods = {
  'sync.status': query({ input: Empty, output: SyncStatusDto, access: 'any' }),
  /** Starts a run at once (also after a refusal that stopped the worker); answers when it ended. */
  'sync.now': mutation({
    input: Empty,
    output: SyncStatusDto,
    access: ['manager', 'admin'],
    invalidates: SYNC_QUERIES,
  }),
  'sync.history': query({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(SyncRunDto),
    access: ['manager', 'admin'],
  }),
  'sync.deadLetters': query({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(DeadLetterDto),
    access: ['manager', 'admin'],
  }),
  /** The plan confirmed at enrollment: what was matched, adopted, incoming, and each conflict with both values. */
  'sync.enrollment': query({ input: Empty, output: EnrollmentReportDto.nullable(), access: ['manager', 'admin'] }),
  /** Step 1: the store's master data goes to HQ, which answers with its match plan (nothing is changed yet). */
  'sync.enrollPreview': mutation({
    input: EnrollInput,
    output: EnrollPlanDto,
    access: ['admin'],
    secret: ['code'],
  }),
  /** Step 2: the plan the admin saw is confirmed; the store's credential stays in the main process. */
  'sync.enrollConfirm': mutation({
    input: EnrollInput.extend({ planHash: z.string().min(1).max(128) }),
    output: SyncStatusDto,
    access: ['admin'],
    secret: ['code'],
    invalidates: SYNC_QUERIES,
  }),
  /** HQ moved to another address (same HQ, same credential). */
  'sync.setHqUrl': mutation({
    input: z.object({ hqUrl: EnrollInput.shape.hqUrl }),
    output: SyncStatusDto,
    access: ['admin'],
    invalidates: SYNC_QUERIES,
  }),
} as const;
