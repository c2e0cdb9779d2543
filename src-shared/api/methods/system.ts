import { z } from 'zod';
import { mutation, query } from '../contract';
import { Empty, IsoTime } from '../common';

export const BackupDto = z.object({
  file: z.string(),
  at: IsoTime,
  reason: z.string(),
  bytes: z.number().int(),
});

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
