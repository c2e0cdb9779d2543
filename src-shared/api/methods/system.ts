import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Empty, IsoTime } from '../common';

export const BackupDto = z.object({
  file: z.string(),
  at: IsoTime,
  reason: z.string(),
  bytes: z.number().int(),
});

/** What a backup holds, shown before the admin confirms a restore. */
export const BackupContentsDto = z.object({
  storeCode: z.string(),
  storeName: z.string(),
  timezone: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  users: z.number().int(),
  items: z.number().int(),
  movements: z.number().int(),
  auditEntries: z.number().int(),
  lastChangeAt: IsoTime.nullable(),
});

/** A backup file's name as listed (never a path: restores read only the backups folder). */
const BackupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^store-[0-9a-z+-]+\.sqlite$/);

export const systemMethods = {
  /** Trivial round trip: used by health checks and the API latency benchmark. */
  'system.ping': query({ input: Empty, output: z.object({ now: IsoTime }), access: 'public' }),
  'system.info': query({
    input: Empty,
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'node']),
      dataDir: z.string(),
      dbFile: z.string(),
      schemaVersion: z.number().int(),
      logFile: z.string(),
    }),
    access: ['admin', 'manager'],
  }),
  'system.backups': query({ input: Empty, output: z.array(BackupDto), access: ['admin'] }),
  'system.backupNow': mutation({
    input: Empty,
    output: BackupDto,
    access: ['admin'],
    invalidates: ['system.backups'],
  }),
  /**
   * One piece of a backup file uploaded for a restore (a store admin cannot copy
   * files onto the PC). Pieces are sent in order; the last one checks the file
   * and files it in the backups folder, from where it is restored like any other.
   */
  'system.restoreUpload': mutation({
    input: z.object({
      uploadId: z.uuid().nullable(),
      offset: z.number().int().min(0),
      base64: z.string().max(4_000_000),
      last: z.boolean(),
    }),
    output: z.object({ uploadId: z.string(), bytes: z.number().int(), backup: z.string().nullable() }),
    access: ['admin'],
    invalidates: ['system.backups'],
    secret: ['base64'],
  }),
  /** Copies a listed backup aside and checks it: what it holds, for the admin to confirm. */
  'system.restoreCheck': mutation({
    input: z.object({ backup: BackupName }),
    output: z.object({
      stagingId: z.string(),
      backup: z.string(),
      contents: BackupContentsDto,
      currentStore: z.object({ code: z.string(), name: z.string() }),
    }),
    access: ['admin'],
  }),
  /**
   * Replaces the store database by the checked backup: every other call waits
   * or is told the store is restoring, the current database is kept as a
   * pre-restore backup, and everyone (the caller too) is signed out.
   */
  'system.restore': mutation({
    input: z.object({ stagingId: z.uuid(), confirm: z.string().max(64) }),
    output: z.object({ restoredFrom: z.string(), previous: z.string(), schemaVersion: z.number().int() }),
    access: ['admin'],
  }),
  /** The renderer reports errors it could not handle so they reach the log file. */
  'system.reportClientError': query({
    input: z.object({
      message: z.string().max(2000),
      stack: z.string().max(10000).nullish(),
      url: z.string().max(500).nullish(),
    }),
    output: z.object({ ref: z.string() }),
    access: 'public',
  }),
} as const;
